from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from zhichan.core.models import Attachment, Unit
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..periods import shown_between
from .tasks import Task


class ProgressReport(ConcurrentTransitionMixin, models.Model):
    """A unit's report on a task for one reporting period: draft → submitted → returned / accepted."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        ACCEPTED = "accepted", _("Accepted")

    task = models.ForeignKey(Task, models.CASCADE, related_name="reports", verbose_name=_("task"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="progress_reports", verbose_name=_("unit"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    narrative = models.TextField(_("progress"), blank=True)
    percent = models.PositiveSmallIntegerField(_("percent complete"), default=0)
    figures = models.JSONField(_("figures"), default=list, blank=True)
    state = FSMField(_("state"), default=State.DRAFT, choices=State.choices, protected=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    review_note = models.TextField(_("review note"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # The files attached to the report (core attachments) are its evidence.
    evidence = GenericRelation(Attachment, content_type_field="record_type", object_id_field="record_id")
    history = HistoricalRecords()

    # A draft is the unit's unfinished work: only the unit and the office (which may complete it on the unit's
    # behalf) read it. A returned report has been submitted and reviewed, so it stays in the review record the
    # leadership follows (the closing review lists it as an open item).
    scope = Scope(
        unit="unit",
        owners_write=True,
        unfinished=("state", (State.DRAFT,)),
        organisation="task__programme__region",
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-period_start", "task__order"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "period_start"], name="report_task_unit_period"),
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="report_percent_max_100"),
        ]

    def __str__(self):
        return f"{self.unit} · {self.task} · {self.period_shown}"

    def get_absolute_url(self):
        return reverse("report-detail", args=[self.pk])

    @property
    def period_shown(self) -> str:
        """The reporting period as people read it: 2024年第4季度."""
        return shown_between(self.period_start, self.period_end)

    @property
    def editable(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.RETURNED)

    @transition(field=state, source=[State.DRAFT, State.RETURNED], target=State.SUBMITTED)
    def submit(self):
        self.submitted_at = timezone.now()

    @transition(field=state, source=State.SUBMITTED, target=State.RETURNED)
    def send_back(self, reviewer, note: str):
        self.reviewed_by, self.reviewed_at, self.review_note = reviewer, timezone.now(), note

    @transition(field=state, source=State.SUBMITTED, target=State.ACCEPTED)
    def accept(self, reviewer, note: str = ""):
        self.reviewed_by, self.reviewed_at, self.review_note = reviewer, timezone.now(), note


def evidence_path(evidence, filename):
    """Where report evidence was stored before it became core attachments; migration 0001 names it."""
    return f"evidence/{evidence.report.period_start:%Y}/{evidence.report_id}/{filename}"
