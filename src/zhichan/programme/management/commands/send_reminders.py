import datetime

from django.utils import timezone

from zhichan.core.commands import ActingCommand
from zhichan.core.extensions import DAILY

from ...models import Programme
from ...services.reminders import send_reminders


class Command(ActingCommand):
    help = (
        "Send today's reminders of task deadlines and report due dates, and those other apps add "
        "(e.g. patent annuities, trademark renewals); run once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="pretend today is this date")

    def handle(self, date=None, **options):
        for programme in Programme.objects.all():
            sent = send_reminders(programme, date)
            self.stdout.write(f"{programme.name}: {sent} notifications")
        for job in DAILY:  # other apps' reminders, without the programme importing them
            job(self.stdout, date or timezone.localdate())
