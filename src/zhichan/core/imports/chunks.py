"""A worker thread that writes a batch's chunks on the batch's own PostgreSQL connection while the file is read.

The importer's process reads and validates rows on one core while PostgreSQL writes the previous chunk on another.
Both use the same connection and so the same transaction; the reading thread leaves it to the worker (the
batch's progress is written on a connection of its own: core/services/progress.py), and psycopg would serialize
them if not. At most `DEPTH` chunks wait, so memory stays bounded. An error in the worker stops the reading at
the next chunk and is raised there, as Django's own error class; the batch's transaction then rolls back as for
any other error."""

import queue
import sys
import threading

from django.db import connection

DEPTH = 2
# The reading thread holds the interpreter lock almost always; the worker needs it briefly after each of its many
# waits on the database (COPY is sent in small blocks). With the default switch interval (5 ms) each hand-over
# can keep the worker waiting 5 ms; while a batch is written the interval is 30 µs. Measured on a million rows:
# reading and writing took 22 s at 200 µs, 18–19 s at 30 µs, 24 s at 10 µs (switching then costs more than it
# saves).
SWITCH_INTERVAL = 0.00003


class ChunkWorker:
    def __init__(self, write):
        """`write(cursor, chunk)` is called in the worker for each chunk, in order, with `self.cursor`, which the
        caller may use again once the worker is closed."""
        self._write = write
        self._wrap = connection.wrap_database_errors  # psycopg's errors raised as Django's
        self.cursor = connection.connection.cursor()  # on the psycopg connection holding the batch's transaction
        self._chunks: queue.Queue = queue.Queue(maxsize=DEPTH)
        self._error: BaseException | None = None
        self._cancelled = False
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        self._thread = threading.Thread(target=self._run, name="import-writer", daemon=True)
        self._thread.start()

    def _run(self):
        while (chunk := self._chunks.get()) is not None:
            if self._error is not None or self._cancelled:
                continue
            try:
                with self._wrap:
                    self._write(self.cursor, chunk)
            except BaseException as error:  # handed to the reading thread
                self._error = error

    def _raise(self):
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def put(self, chunk):
        self._raise()
        self._chunks.put(chunk)

    def close(self):
        """Waits for every chunk to be written; raises the worker's error if there was one."""
        self._stop()
        self._raise()

    def cancel(self):
        """Stops without writing what waits (the batch is failing anyway)."""
        self._cancelled = True
        self._stop()
        self.cursor.close()

    def _stop(self):
        self._chunks.put(None)
        self._thread.join()
        sys.setswitchinterval(self._interval)
