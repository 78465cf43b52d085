"""The task worker (django-tasks-db's db_worker) plus a heartbeat that /healthz reads and that tells which task
it runs, so that work a vanished worker left is found and marked failed (services/interruptions.py): when the
worker starts, and every half WORKER_STALE_SECONDS while it runs."""

import logging
import os
import socket
import threading
import time

from django.db import close_old_connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from ...models import WorkerHeartbeat
from ...services import interruptions

BEAT_SECONDS = 3
log = logging.getLogger("zhichan.tasks")


def beat(worker_id: str, started):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname(), "pid": os.getpid(), "started": started, "seen": timezone.now()},
    )


def _beat(worker_id: str, started, stop: threading.Event):
    last_sweep = time.monotonic()
    while not stop.wait(BEAT_SECONDS):
        try:
            beat(worker_id, started)
            if time.monotonic() - last_sweep >= interruptions.stale_seconds() / 2:
                last_sweep = time.monotonic()
                interruptions.fail_interrupted()
        except Exception:  # a locked SQLite file or a restarting database: try again next beat
            log.warning("worker %s: heartbeat failed", worker_id, exc_info=True)
        finally:
            close_old_connections()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def forget_dead_workers():
    """Heartbeats of workers of this machine whose process is gone (killed, or the worker crashed): their
    tasks are interrupted now, without waiting for the heartbeat to go stale."""
    here = WorkerHeartbeat.objects.filter(hostname=socket.gethostname()).exclude(pid=os.getpid())
    dead = [pk for pk, pid in here.values_list("pk", "pid") if not _alive(pid)]
    WorkerHeartbeat.objects.filter(pk__in=dead).delete()


class Command(DBWorkerCommand):
    help = "Run a background task worker that reports its heartbeat."

    def handle(self, *args, **options):
        worker_id = options.get("worker_id") or f"{socket.gethostname()}-{os.getpid()}"
        options["worker_id"] = worker_id = worker_id[:64]
        started = timezone.now()
        # The first beat before any task is claimed: a task's worker always has a heartbeat row while it lives.
        beat(worker_id, started)
        interruptions.current["worker"] = worker_id
        forget_dead_workers()
        interrupted = interruptions.fail_interrupted()
        if interrupted:
            log.warning("worker %s: %d interrupted tasks marked failed", worker_id, interrupted)
        close_old_connections()
        stop = threading.Event()
        thread = threading.Thread(target=_beat, args=(worker_id, started, stop), daemon=True)
        thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
            thread.join(BEAT_SECONDS + 1)
            interruptions.current["worker"] = None
            WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
