from django.core.management.base import CommandError

from zhichan.core.commands import ActingCommand
from zhichan.core.services.datafile import DataFileError

from ...services.loading import load_indicators


class Command(ActingCommand):
    help = "Load data elements and indicators from a data file (e.g. data/indicators/nanan-2022.yaml)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        try:
            result = load_indicators(file)
        except DataFileError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{len(result['indicators'])} indicators ({result['created']} new) of {result['programme']} and "
            f"{len(result['elements'])} data elements are up to date"
        )
        if result["stale"]:
            codes = ", ".join(reading.indicator.code for reading in result["stale"])
            self.stdout.write(f"readings changed, their values are being recomputed: {codes}")
