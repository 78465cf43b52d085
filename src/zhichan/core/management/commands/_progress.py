import time


class ProgressBar:
    """A progress callback for the command line: one line, rewritten in place at most ten times a second."""

    def __init__(self, stream, width: int = 30):
        self.stream, self.width, self._last = stream, width, 0.0

    def __call__(self, done: int, total: int, message: str = ""):
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        filled = int(self.width * done / total) if total else self.width
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {message[:40]:<40}", ending=""
        )
        if done >= total:
            self.stream.write("")
