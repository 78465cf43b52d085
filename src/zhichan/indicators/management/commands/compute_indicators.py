import time

from zhichan.core.commands import ActingCommand

from ...services.compute import compute


class Command(ActingCommand):
    help = "Compute every indicator value (all regions, every month and year of the programme); run nightly."

    def add_arguments(self, parser):
        parser.add_argument("--indicator", action="append", dest="codes", help="only this indicator (repeatable)")
        parser.add_argument("--period", action="append", dest="periods", help="only this period, e.g. 2024-07")

    def handle(self, codes=None, periods=None, **options):
        started = time.monotonic()
        last = [0.0]

        def progress(done, total, message=""):
            now = time.monotonic()
            if now - last[0] >= 1 or done == total:
                last[0] = now
                self.stdout.write(f"{done}/{total} {message}")

        count = compute(codes=codes, periods=periods, progress=progress)
        self.stdout.write(f"{count} values computed in {time.monotonic() - started:.1f} s")
