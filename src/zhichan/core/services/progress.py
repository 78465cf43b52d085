"""Background work the user can watch: a TaskProgress row per run, updated as the task goes."""

import time
from contextlib import contextmanager

import psycopg
from django.db import OperationalError, connection
from django.utils.translation import gettext as _

from ..history import acting_as
from ..models import TaskProgress, WorkerHeartbeat
from . import interruptions


def start(task, label: str, user, *args, **kwargs) -> TaskProgress:
    """Enqueue `task` (a django-tasks task taking `progress_id` first) and return its progress record."""
    progress = TaskProgress.objects.create(
        label=label,
        user=user,
        task_path=task.module_path,
        arguments={"args": list(args), "kwargs": kwargs},
    )
    result = task.enqueue(progress.pk, *args, **kwargs)
    TaskProgress.objects.filter(pk=progress.pk).update(task_id=str(result.id))
    progress.refresh_from_db()
    return progress


class Reporter:
    """Passed to domain functions as `progress(done, total, message)`; writes at most every 0.3 s.

    A task often does its work in one transaction (an import, a recompute), and what it reports there must be
    seen while it runs, not when it commits. So on PostgreSQL, inside a transaction the task opened, progress is
    written on a connection of its own that commits at once. A row that connection cannot see (one created in
    the same outer transaction, as in the tests) is written in the transaction instead.
    """

    def __init__(self, progress_id: int, interval: float = 0.3):
        self.progress_id = progress_id
        self.interval = interval
        self._last = 0.0
        self._depth = len(connection.atomic_blocks)  # the transactions open before the task's own
        self._aside = None  # the connection of its own, opened when first needed
        self._aside_sees_row = True

    def __call__(self, done: int, total: int, message: str = ""):
        now = time.monotonic()
        if now - self._last < self.interval and done < total:
            return
        self._last = now
        values = {"done": done, "total": total, "message": message, "state": TaskProgress.State.RUNNING}
        if self._in_task_transaction() and self._write_aside(values):
            return
        try:
            TaskProgress.objects.filter(pk=self.progress_id).update(**values)
        except OperationalError:
            if connection.vendor != "sqlite":
                raise
            self._last = 0.0  # SQLite busy: progress is advice; the work goes on and the next report tries again

    def _in_task_transaction(self) -> bool:
        return (
            connection.vendor == "postgresql" and len(connection.atomic_blocks) > self._depth and self._aside_sees_row
        )

    def _write_aside(self, values: dict) -> bool:
        if self._aside is None:
            self._aside = psycopg.connect(**connection.get_connection_params(), autocommit=True)
        names = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in values)
        cursor = self._aside.execute(
            f"UPDATE {connection.ops.quote_name(TaskProgress._meta.db_table)} SET {names} WHERE id = %s",
            [*values.values(), self.progress_id],
        )
        self._aside_sees_row = cursor.rowcount > 0
        return self._aside_sees_row

    def close(self):
        if self._aside is not None:
            self._aside.close()
            self._aside = None


@contextmanager
def tracking(progress_id: int):
    """Inside, the task runs as the user who started it: its changes' history names them (`acting_as`).

    In a worker, the worker's heartbeat names the progress and the progress the worker before the task starts,
    so that a task whose worker vanishes is recognised (interruptions.py). A task that fails, or is stopped,
    is marked failed unless it has already ended (an import ends in its last transaction)."""
    worker = interruptions.current["worker"]
    if worker:
        WorkerHeartbeat.objects.filter(worker_id=worker).update(progress_id=progress_id)
    TaskProgress.objects.filter(pk=progress_id).update(state=TaskProgress.State.RUNNING, worker=worker or "")
    reporter = Reporter(progress_id)
    reporter.run = TaskProgress.objects.select_related("user").get(pk=progress_id)  # the record its events are on
    try:
        with acting_as(reporter.run.user):
            yield reporter
    except Exception as exc:
        _failed(progress_id, _("Failed: %(error)s") % {"error": exc})
        raise
    except BaseException:  # the worker is being stopped (Ctrl-C, SIGTERM)
        _failed(progress_id, interruptions.progress_message())
        raise
    finally:
        reporter.close()
        if worker:
            WorkerHeartbeat.objects.filter(worker_id=worker, progress_id=progress_id).update(progress_id=None)


def _failed(progress_id: int, message: str):
    TaskProgress.objects.filter(pk=progress_id).exclude(state=TaskProgress.State.DONE).update(
        state=TaskProgress.State.FAILED, message=message
    )


def finish(progress_id: int, message: str):
    """The task's end: done, with the message the user reads (in the task's last transaction where it writes)."""
    TaskProgress.objects.filter(pk=progress_id).update(state=TaskProgress.State.DONE, message=message)
