import time

from zhichan.core.commands import ActingCommand

from ...services.compute import compute


class Command(ActingCommand):
    help = "Compute every value of every programme's readings (every month and year of the programmes); run nightly."

    def add_arguments(self, parser):
        parser.add_argument("--indicator", action="append", dest="codes", help="only this indicator (repeatable)")
        parser.add_argument("--period", action="append", dest="periods", help="only this period, e.g. 2024-07")
        parser.add_argument("--programme", help="only this programme's readings (its key)")

    def handle(self, codes=None, periods=None, programme=None, **options):
        started = time.monotonic()
        last = [0.0]

        def progress(done, total, message=""):
            now = time.monotonic()
            if now - last[0] >= 1 or done == total:
                last[0] = now
                self.stdout.write(f"{done}/{total} {message}")

        count = compute(codes=codes, periods=periods, progress=progress, programme=programme)
        self.stdout.write(f"{count} values computed in {time.monotonic() - started:.1f} s")
