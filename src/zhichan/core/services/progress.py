"""Background work the user can watch: a TaskProgress row per run, updated as the task goes."""

import time
from contextlib import contextmanager

from django.utils.translation import gettext as _

from ..models import TaskProgress


def start(task, label: str, user, *args, **kwargs) -> TaskProgress:
    """Enqueue `task` (a django-tasks task taking `progress_id` first) and return its progress record."""
    progress = TaskProgress.objects.create(label=label, user=user)
    result = task.enqueue(progress.pk, *args, **kwargs)
    TaskProgress.objects.filter(pk=progress.pk).update(task_id=str(result.id))
    progress.refresh_from_db()
    return progress


class Reporter:
    """Passed to domain functions as `progress(done, total, message)`; writes at most every 0.3 s."""

    def __init__(self, progress_id: int, interval: float = 0.3):
        self.progress_id = progress_id
        self.interval = interval
        self._last = 0.0

    def __call__(self, done: int, total: int, message: str = ""):
        now = time.monotonic()
        if now - self._last < self.interval and done < total:
            return
        self._last = now
        TaskProgress.objects.filter(pk=self.progress_id).update(
            done=done, total=total, message=message, state=TaskProgress.State.RUNNING
        )


@contextmanager
def tracking(progress_id: int):
    TaskProgress.objects.filter(pk=progress_id).update(state=TaskProgress.State.RUNNING)
    try:
        yield Reporter(progress_id)
    except Exception as exc:
        TaskProgress.objects.filter(pk=progress_id).update(
            state=TaskProgress.State.FAILED, message=_("Failed: %(error)s") % {"error": exc}
        )
        raise


def finish(progress_id: int, message: str):
    TaskProgress.objects.filter(pk=progress_id).update(state=TaskProgress.State.DONE, message=message)
