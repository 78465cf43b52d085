"""The task worker (django-tasks-db's db_worker) plus a heartbeat that /healthz reads."""

import os
import socket
import threading

from django.db import close_old_connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from ...models import WorkerHeartbeat

BEAT_SECONDS = 3


def _beat(worker_id: str, started, stop: threading.Event):
    while not stop.is_set():
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=worker_id,
                defaults={
                    "hostname": socket.gethostname(),
                    "pid": os.getpid(),
                    "started": started,
                    "seen": timezone.now(),
                },
            )
        except Exception:  # a locked SQLite file or a restarting database: try again next beat
            pass
        finally:
            close_old_connections()
        stop.wait(BEAT_SECONDS)


class Command(DBWorkerCommand):
    help = "Run a background task worker that reports its heartbeat."

    def handle(self, *args, **options):
        worker_id = options.get("worker_id") or f"{socket.gethostname()}-{os.getpid()}"
        options["worker_id"] = worker_id[:64]
        stop = threading.Event()
        thread = threading.Thread(target=_beat, args=(options["worker_id"], timezone.now(), stop), daemon=True)
        thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
            WorkerHeartbeat.objects.filter(worker_id=options["worker_id"]).delete()
