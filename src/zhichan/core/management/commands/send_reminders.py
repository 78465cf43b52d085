import datetime

from django.utils import timezone

from zhichan.core.commands import ActingCommand
from zhichan.core.extensions import DAILY


class Command(ActingCommand):
    help = (
        "Send today's reminders: task deadlines and report due dates, patent annuities, trademark renewals and "
        "whatever else each module runs daily; run once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="pretend today is this date")

    def handle(self, date=None, **options):
        for job in DAILY:  # each module's daily job, in INSTALLED_APPS order
            job(self.stdout, date or timezone.localdate())
