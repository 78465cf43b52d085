from django.core.management.base import CommandError

from zhichan.core.commands import ActingCommand

from ...services.datafile import DataFileError
from ...services.regions import load_regions, summary
from ._progress import ProgressBar


class Command(ActingCommand):
    help = (
        "Load or reload a region file (data/regions/*.yaml): a county or a prefecture-level city with its "
        "counties, their townships, population; says what it loaded and what it skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        try:
            result = load_regions(file, progress=ProgressBar(self.stderr))
        except (DataFileError, FileNotFoundError) as exc:
            self.stderr.write("")  # end the progress line before the message
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{result['region'].name}: {result['regions']} regions")
        for line in summary(result):
            self.stdout.write(f"  {line}")
