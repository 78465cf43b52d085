from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Unit
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..periods import period_starting
from .plan import Programme


class TaskKind(models.TextChoices):
    GROUP = "group", _("Task group")
    TASK = "task", _("Task")
    SUBTASK = "subtask", _("Sub-task")
    SAFEGUARD = "safeguard", _("Safeguard")


class Task(models.Model):
    """A key task (重点任务) or safeguard (保障措施) of the plan: group → task → sub-task."""

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="tasks", verbose_name=_("programme"))
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("part of")
    )
    key = models.CharField(_("key"), max_length=40, help_text=_("Stable key from the programme file, e.g. 4.3.1"))
    kind = models.CharField(_("kind"), max_length=10, choices=TaskKind.choices)
    number = models.CharField(_("number as written"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    start = models.DateField(_("start date"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    units_decided_at = models.DateTimeField(
        _("units decided by the office"),
        null=True,
        blank=True,
        help_text=_("Once the office has decided who does the task, reloading the programme file leaves it alone."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="programme__region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["programme", "order"]
        constraints = [models.UniqueConstraint(fields=["programme", "key"], name="task_key")]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    def get_absolute_url(self):
        return reverse("task-page", args=[self.pk])

    @property
    def full_title(self) -> str:
        """The task with the task group it is part of: the plan numbers its tasks 1．2．… afresh in every group,
        so “1．建立…” alone does not say which task it is."""
        own = f"{self.number}{self.title}"
        if self.parent_id and self.kind != TaskKind.GROUP:
            return f"{self.parent.number}{self.parent.title} › {own}"
        return own

    @property
    def effective_start(self):
        return self.start or self.programme.start

    @property
    def effective_deadline(self):
        """A task without its own deadline is due when the programme ends."""
        return self.deadline or self.programme.end


class Assignment(models.Model):
    """A unit's part in a task: the lead unit (牵头单位) or a co-operating unit (配合单位)."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead unit")
        CO = "co", _("Co-operating unit")
        # The plan gives the work to the townships (各乡镇（街道）): each carries it out in its own territory.
        TOWNSHIP = "town", _("Township carrying it out locally")

    task = models.ForeignKey(Task, models.CASCADE, related_name="assignments", verbose_name=_("task"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="assignments", verbose_name=_("unit"))
    role = models.CharField(_("role"), max_length=4, choices=Role.choices)
    proposed = models.BooleanField(
        _("proposed"),
        default=False,
        help_text=_("The plan names no unit here; the programme file proposes this one until the office confirms."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    first_period = models.DateField(
        _("reports from"),
        null=True,
        blank=True,
        help_text=_(
            "Start of the first reporting period the unit reports for; earlier periods are never overdue for it. "
            "Empty: from the programme's start."
        ),
    )
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="task__programme__region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["task", "role", "unit__order"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="assignment_task_unit")]

    def __str__(self):
        return f"{self.task} · {self.unit} ({self.get_role_display()})"

    @property
    def first_period_shown(self) -> str:
        """The first reporting period as people read it ("2024年第4季度"), or its date if it starts no period."""
        period = period_starting(self.task.programme, self.first_period) if self.first_period else None
        return period.shown if period else (f"{self.first_period:%Y-%m-%d}" if self.first_period else "")

    def reports_for(self, period) -> bool:
        """Does the unit report for this period (it joined the task no later than the period)?"""
        return self.first_period is None or period.start >= self.first_period


class Milestone(models.Model):
    task = models.ForeignKey(Task, models.CASCADE, related_name="milestones", verbose_name=_("task"))
    title = models.CharField(_("title"), max_length=200)
    due = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="task__programme__region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["task", "due"]

    def __str__(self):
        return self.title


class UnitPlan(models.Model):
    """A unit's own work plan for its part in a task (五(一) 认真制定具体工作方案)."""

    task = models.ForeignKey(Task, models.CASCADE, related_name="unit_plans", verbose_name=_("task"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="task_plans", verbose_name=_("unit"))
    text = models.TextField(_("work plan"))
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    scope = Scope(unit="unit", owners_write=True, organisation="task__programme__region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit work plan")
        verbose_name_plural = _("unit work plans")
        ordering = ["task", "unit__order"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="unit_plan_task_unit")]

    def __str__(self):
        return f"{self.unit} · {self.task}"
