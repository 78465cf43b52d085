from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..scoping import Scope, ScopedQuerySet


class TaskProgress(models.Model):
    """What a background task tells the user who started it: how far it is, and how it ended."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    task_id = models.CharField(_("task id"), max_length=64, blank=True, db_index=True)
    label = models.CharField(_("task"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("started by"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(_("items done"), default=0)
    total = models.PositiveIntegerField(_("items in all"), default=0)
    message = models.TextField(_("message"), blank=True)
    # The worker running it (its heartbeat's id): a task whose worker no longer beats was interrupted
    # (services/interruptions.py). Empty while queued, or when run outside a worker.
    worker = models.CharField(_("worker"), max_length=64, blank=True)
    # The task's dotted path and its arguments after the progress id, so that it can be asked for again.
    task_path = models.CharField(_("task path"), max_length=200, blank=True)
    arguments = models.JSONField(_("arguments"), null=True, blank=True)
    created = models.DateTimeField(_("started"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(owner="user", organisation="user__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("background task")
        verbose_name_plural = _("background tasks")
        ordering = ["-created"]

    def __str__(self):
        return self.label

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)


class WorkerHeartbeat(models.Model):
    """Each task worker writes here every few seconds, so /healthz can tell whether one is alive."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    started = models.DateTimeField()
    seen = models.DateTimeField(db_index=True)
    # The TaskProgress it is running now, if any: written before the task starts and cleared when it ends.
    progress_id = models.BigIntegerField(null=True, blank=True)

    def __str__(self):
        return f"{self.worker_id}@{self.hostname}"
