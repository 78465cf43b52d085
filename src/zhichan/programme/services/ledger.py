"""What the programme's exports read: the task ledger (任务台账) as it stood on a day, and one period's progress
reports as the asking user may see them. The Excel, Word and PDF versions all read these."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import ProgressReport
from ..periods import Period, period_starting, periods
from .status import states_on
from .tree import task_tree


@dataclass
class LedgerLine:
    task: object
    depth: int
    state: object
    leads: str  # the lead units' names, a proposed one marked
    co_operating: str

    @property
    def why(self) -> str:
        return "；".join(str(reason) for reason in self.state.reasons)


def ledger(programme, day: datetime.date) -> list[LedgerLine]:
    """Every task of the plan with its units and its status on `day`, in plan order."""
    return [
        LedgerLine(
            task,
            depth,
            state,
            "、".join(a.unit.name + (_("(proposed)") if a.proposed else "") for a in leads),
            "、".join(a.unit.name for a in cos),
        )
        for task, depth, state, leads, cos in task_tree(programme, states_on(programme, day))
    ]


def asked_period(programme, key: str | None) -> Period:
    """The period starting on `key` (YYYY-MM-DD), else the programme's first."""
    try:
        period = period_starting(programme, datetime.date.fromisoformat(key or ""))
    except ValueError:
        period = None
    return period or periods(programme)[0]


def period_reports(user, programme, period: Period):
    """The period's reports the user may read, in plan order and then unit order."""
    return (
        ProgressReport.objects.visible_to(user)
        .filter(task__programme=programme, period_start=period.start)
        .select_related("task__parent", "unit", "reviewed_by")
        .prefetch_related("evidence")
        .order_by("task__order", "unit__order")
    )
