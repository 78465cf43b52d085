from django.conf import settings
from django.core.management.base import CommandError

from ...commands import ActingCommand
from ...services.datafile import DataFileError
from ...services.deadline_rules import DEFAULT_RULES, load_rules


class Command(ActingCommand):
    help = "Load the deadline rules from a data file. Safe to repeat; rules the office edited are kept."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=DEFAULT_RULES, help=f"default: {DEFAULT_RULES}")

    def handle(self, file, **options):
        path = settings.PROJECT_DIR / file
        try:
            result = load_rules(path)
        except DataFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{path.name}: {result['created']} rules added, {result['updated']} updated, "
            f"{result['kept']} edited by the office kept"
        )
