from django.core.management.base import CommandError

from zhichan.core.commands import ActingCommand

from ...services.datafile import DataFileError
from ...services.organisation import load_organisation


class Command(ActingCommand):
    help = "Load or reload an organisation file (data/organisations/*.yaml): units, leadership group, office."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        try:
            result = load_organisation(file)
        except DataFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{result['units']} units, {result['committees']} committees")
