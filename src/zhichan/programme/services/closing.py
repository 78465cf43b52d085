"""The closing review of a programme: each target's final value against it, each task done or not with its last
report, and what is still open — as it stands now, with the targets read at their deadlines.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from zhichan.core.extensions import targets_as_of

from ..models import Assignment, Milestone, ProgressReport
from .status import Status, programme_states
from .tree import task_tree


@dataclass
class TargetResult:
    target: object
    row: object | None  # the indicators' row at the deadline: value, status, forecast

    @property
    def value(self) -> Decimal | None:
        found = self.row.value if self.row else None
        return found.value if found is not None else None

    @property
    def decimals(self) -> int:
        return self.row.indicator.decimals if self.row else 2

    @property
    def met(self) -> bool | None:
        if self.row is not None and self.row.parts:  # named sub-regions: met when every one of them is
            return all(part.met for part in self.row.parts)
        if self.value is None:
            return None
        return {
            "gte": self.value >= self.target.value,
            "gt": self.value > self.target.value,
            "lte": self.value <= self.target.value,
            "lt": self.value < self.target.value,
        }[self.target.comparator]

    @property
    def gap(self) -> Decimal | None:
        """Value − target, rounded as shown: above zero is more than the target."""
        return None if self.value is None else round(self.value - self.target.value, self.decimals)

    @property
    def share(self) -> Decimal | None:
        """Value ÷ target, the share of the target reached."""
        if self.value is None or not self.target.value:
            return None
        return self.value / self.target.value


@dataclass
class TaskResult:
    task: object
    depth: int
    state: object
    last_report: ProgressReport | None

    @property
    def done(self) -> bool:
        return self.state.status == Status.DONE


@dataclass
class Closing:
    programme: object
    targets: list[TargetResult]
    tasks: list[TaskResult]
    open_reports: list = field(default_factory=list)  # submitted and not reviewed, or returned
    open_milestones: list = field(default_factory=list)
    missing: list = field(default_factory=list)  # (task, unit, period) reports never made

    @property
    def targets_met(self) -> int:
        return sum(1 for t in self.targets if t.met)

    @property
    def tasks_done(self) -> int:
        return sum(1 for t in self.tasks if t.done)


def closing(programme, today: datetime.date | None = None) -> Closing:
    """The programme's closing review (a handful of queries)."""
    today = today or timezone.localdate()
    rows = targets_as_of(programme, programme.end)
    targets = [TargetResult(target, rows.get(target.pk)) for target in programme.targets.order_by("order")]
    states = programme_states(programme, today)
    last = {}
    for report in (
        ProgressReport.objects.filter(
            task__programme=programme, state__in=[ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED]
        )
        .select_related("unit")
        .order_by("period_start", "submitted_at")
    ):
        last[report.task_id] = report
    assigned = set(Assignment.objects.filter(task__programme=programme).values_list("task_id", flat=True))
    tasks = [
        TaskResult(task, depth, state, last.get(task.pk))
        for task, depth, state, _leads, _cos in task_tree(programme, states)
        if task.pk in assigned
    ]
    return Closing(
        programme,
        targets,
        tasks,
        open_reports=list(
            ProgressReport.objects.filter(
                task__programme=programme,
                state__in=[ProgressReport.State.SUBMITTED, ProgressReport.State.RETURNED],
            ).select_related("task", "unit")
        ),
        open_milestones=list(
            Milestone.objects.filter(task__programme=programme, done_on__isnull=True).select_related("task")
        ),
        missing=[(t.task, unit, period) for t in tasks for unit, period in t.state.missing],
    )
