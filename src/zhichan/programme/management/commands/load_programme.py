from django.core.management.base import CommandError

from zhichan.core.commands import ActingCommand
from zhichan.core.services.datafile import DataFileError

from ...services.loading import load_programme


class Command(ActingCommand):
    help = "Load or reload a programme file (programmes/*.yaml): goals, targets, key tasks and safeguards."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        try:
            result = load_programme(file)
        except DataFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{result['programme'].name}: {result['goals']} goals, {result['targets']} targets, "
            f"{result['tasks']} tasks and safeguards"
        )
        if result["not_in_file"]:
            self.stdout.write(f"kept, no longer in the file: {', '.join(result['not_in_file'])}")
