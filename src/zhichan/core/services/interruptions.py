"""Work whose worker vanished: found by the heartbeats and marked failed, so that no page waits for it forever.

A task worker (`manage.py run_worker`) beats every few seconds in WorkerHeartbeat, and names there the
TaskProgress it is running; the progress names the worker (`tracking` in progress.py writes both before the task
starts). A task is interrupted when it is running but its worker's heartbeat is older than
`WORKER_STALE_SECONDS` (ZHICHAN_WORKER_STALE_SECONDS), gone, or names another task; a queued task result the
queue holds as running is interrupted likewise. Then the queue's result, the progress and the import batch it
ran are marked failed with a message saying so, and what was written (nothing, or the rows of the chunks already
committed on SQLite: core/imports/running.py).

`fail_interrupted()` looks at all of them: when a worker starts and every half stale period in each worker.
`settle_progress` and `settle_batch` look at one, cheaply, when a page or the API shows it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ..messages import Message
from ..models import ImportBatch, ImportState, TaskProgress, WorkerHeartbeat

log = logging.getLogger("zhichan.tasks")

# The id of the worker this process is (set by run_worker), or None outside a worker.
current = {"worker": None}

UNFINISHED = (TaskProgress.State.QUEUED, TaskProgress.State.RUNNING)
BATCH_UNFINISHED = (ImportState.QUEUED, ImportState.RUNNING)


class Interrupted(Exception):
    """What the queue records as the error of a task whose worker vanished."""


def stale_seconds() -> int:
    return settings.WORKER_STALE_SECONDS


def live_workers() -> dict[str, tuple]:
    """Worker id → (the progress it runs, when it started), for every worker whose heartbeat is fresh."""
    fresh = timezone.now() - timedelta(seconds=stale_seconds())
    beats = WorkerHeartbeat.objects.filter(seen__gte=fresh).values_list("worker_id", "progress_id", "started")
    return {worker: (progress, started) for worker, progress, started in beats}


def progress_message() -> str:
    return _(
        "Interrupted: the task worker running this stopped before it finished (it was stopped or restarted). "
        "Start it again."
    )


def batch_message(batch: ImportBatch) -> Message:
    if batch.written and not batch.dry_run:
        return Message(
            gettext_noop(
                "Interrupted: the task worker stopped before this import finished. %(written)d rows had been "
                "written, a chunk at a time, and are kept; the rest of the file was not. Start it again from "
                "this page: the rows already written are then found unchanged."
            ),
            {"written": batch.written},
        )
    return Message(
        gettext_noop(
            "Interrupted: the task worker stopped before this import finished. Nothing was written. "
            "Start it again from this page."
        )
    )


def _vanished(progress: TaskProgress, live: dict) -> bool:
    """Running in a worker that no longer beats, or beats running something else."""
    return bool(progress.worker) and live.get(progress.worker, (None,))[0] != progress.pk


def _result_vanished(result: DBTaskResult, live: dict) -> bool:
    """Claimed by a worker that no longer beats, or that started again (under the same id) since."""
    if not result.worker_ids:
        return False
    beat = live.get(result.worker_ids[-1])
    return beat is None or (result.started_at is not None and beat[1] > result.started_at)


def _fail_result(result: DBTaskResult) -> bool:
    changed = DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path=f"{Interrupted.__module__}.{Interrupted.__qualname__}",
        traceback=f"Interrupted: worker {result.worker_ids[-1] if result.worker_ids else '?'} stopped beating.",
    )
    if changed:
        log.warning("task %s (%s) interrupted: its worker vanished", result.pk, result.task_path)
    return bool(changed)


def _fail_progress(progress: TaskProgress) -> bool:
    """Marks the progress failed as interrupted, and the import batch it was running; False if it ended first."""
    with transaction.atomic():
        changed = TaskProgress.objects.filter(pk=progress.pk, state__in=UNFINISHED).update(
            state=TaskProgress.State.FAILED, message=progress_message()
        )
        if not changed:
            return False
        for batch in ImportBatch.objects.filter(task=progress, state__in=BATCH_UNFINISHED):
            _fail_batch(batch, progress)
    log.warning("task %s (%s) interrupted: its worker %s vanished", progress.pk, progress.label, progress.worker)
    return True


def _fail_batch(batch: ImportBatch, progress: TaskProgress | None = None):
    message = batch_message(batch)
    ImportBatch.objects.filter(pk=batch.pk, state__in=BATCH_UNFINISHED).update(
        state=ImportState.FAILED, finished=timezone.now(), message=str(message), message_key=message.as_key()
    )
    if progress is not None:
        TaskProgress.objects.filter(pk=progress.pk).update(message=str(message))


def fail_interrupted() -> int:
    """Every task and batch whose worker vanished, marked failed; returns how many progresses were."""
    live = live_workers()
    failed = 0
    for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        if _result_vanished(result, live):
            _fail_result(result)
    unfinished = list(TaskProgress.objects.filter(state__in=UNFINISHED))
    queue_failed = _failed_in_queue([p.task_id for p in unfinished if p.task_id])
    for progress in unfinished:
        if _vanished(progress, live) or progress.task_id in queue_failed:
            failed += _fail_progress(progress)
    # a batch left unfinished by a task that ended some other way
    for batch in ImportBatch.objects.filter(state__in=BATCH_UNFINISHED, task__state=TaskProgress.State.FAILED):
        _fail_batch(batch)
    return failed


def _failed_in_queue(task_ids: list[str]) -> set[str]:
    """Of these queue ids, those the queue says failed (an interrupted worker's, or a crash the task did not
    see): the task can no longer report."""
    ids = [i for i in task_ids if _is_uuid(i)]
    if not ids:
        return set()
    failed = DBTaskResult.objects.filter(pk__in=ids, status=TaskResultStatus.FAILED).values_list("pk", flat=True)
    return {str(pk) for pk in failed}


def _is_uuid(value: str) -> bool:
    return len(value) == 36 and value.count("-") == 4


def settle_progress(progress: TaskProgress) -> TaskProgress:
    """One progress as a page shows it: if its worker vanished it is marked failed first (a few queries, only
    while it is unfinished)."""
    if progress.state not in UNFINISHED:
        return progress
    interrupted = False
    if progress.worker:
        interrupted = _vanished(progress, live_workers())
    if not interrupted and progress.task_id and _is_uuid(progress.task_id):
        result = DBTaskResult.objects.filter(pk=progress.task_id).only("status", "worker_ids", "started_at").first()
        if (
            result is not None
            and result.status == TaskResultStatus.RUNNING
            and _result_vanished(result, live_workers())
        ):
            _fail_result(result)
            interrupted = True
        elif result is not None and result.status == TaskResultStatus.FAILED:
            interrupted = True
    if interrupted and _fail_progress(progress):
        progress.refresh_from_db()
    return progress


def settle_batch(batch: ImportBatch) -> ImportBatch:
    """One batch as a page shows it: failed if its task was interrupted (or ended without it)."""
    if batch.state not in BATCH_UNFINISHED or batch.task is None:
        return batch
    settle_progress(batch.task)
    if batch.task.state == TaskProgress.State.FAILED:
        _fail_batch(batch)
        batch.refresh_from_db()
    return batch
