"""Task status, computed for a whole programme at once from deadlines, milestones and reports.

- done: the office marked the task completed, or accepted a 100 % report from its lead unit;
- overdue: past its deadline, or past a milestone that is not done;
- at risk: its deadline is within the programme's reminder window, a unit's report is missing past its due
  date, or the reported progress trails the time elapsed by more than RISK_GAP points;
- not started: nothing reported or done yet;
- on track: everything else.
A group takes the worst status of its parts (done only when all parts are done).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from zhichan.core.asof import chosen
from zhichan.core.models import CalendarDay, CalendarYear, Unit
from zhichan.core.services.calendar import WorkCalendar
from zhichan.core.versions import audited, latest, remember

from ..models import Assignment, Milestone, Programme, ProgressReport, Task
from ..periods import periods
from .choice import chosen_programme
from .deadlines import report_due, within_workdays
from .history import as_it_stood

RISK_GAP = 25  # percentage points by which reported progress may trail elapsed time


class Status(models.TextChoices):
    DONE = "done", _("Done")
    ON_TRACK = "on-track", _("On track")
    NOT_STARTED = "not-started", _("Not started")
    AT_RISK = "at-risk", _("At risk")
    OVERDUE = "overdue", _("Overdue")


SEVERITY = [Status.DONE, Status.ON_TRACK, Status.NOT_STARTED, Status.AT_RISK, Status.OVERDUE]


@dataclass
class TaskState:
    status: Status
    percent: int = 0
    reasons: list[str] = field(default_factory=list)
    missing: list = field(default_factory=list)  # (unit, period) pairs whose report is past due
    deadline: datetime.date | None = None  # the deadline it was judged by (a past day's, when read as of one)


def _elapsed_percent(task, today) -> int:
    start, end = task.effective_start, task.effective_deadline
    if today <= start:
        return 0
    if today >= end:
        return 100
    return int(100 * (today - start).days / max((end - start).days, 1))


def states_on(programme, day: datetime.date) -> dict[int, TaskState]:
    """The states as they stood on `day`: for a past day, from the records as they were then (their history).

    Cached per `status_version()` (and the units' audit: the missing reports name their units), today, the day,
    the programme and the language the reasons are written in: every page of a programme reads them."""
    today = timezone.localdate()
    parts = [latest(*_states_columns()), programme.pk, today, day, get_language()]
    return remember("programme:states", parts, lambda: programme_states(programme, day, past=day < today))


@cache
def _states_columns() -> list[tuple]:
    return [*_status_columns(), *audited(Unit)]


def programme_states(
    programme, today: datetime.date | None = None, calendar=None, past: bool = False
) -> dict[int, TaskState]:
    """{task id: TaskState} for every task of the programme, in a handful of queries: the records as they are
    judged on `today`, or with `past`, the records as they stood at the end of that day."""
    today = today or timezone.localdate()
    tasks, found_milestones, found_assignments, found_reports = _records(programme, today, past)
    milestones = defaultdict(list)
    for milestone in found_milestones:
        milestones[milestone.task_id].append(milestone)
    assignments = defaultdict(list)
    for assignment in found_assignments:
        assignments[assignment.task_id].append(assignment)
    reports = defaultdict(list)
    for report in found_reports:
        reports[report.task_id].append(report)
    calendar = calendar or WorkCalendar()
    past_due = [p for p in periods(programme) if report_due(programme, p, calendar) < today]

    states = {task.pk: _leaf_state(task, today, milestones, assignments, reports, past_due, calendar) for task in tasks}
    for task in tasks:
        states[task.pk].deadline = task.effective_deadline
    children = defaultdict(list)
    for task in tasks:
        if task.parent_id:
            children[task.parent_id].append(task.pk)
    for task in sorted(tasks, key=lambda t: -_depth(t, {x.pk: x for x in tasks})):
        if children[task.pk] and not assignments[task.pk]:
            parts = [states[pk] for pk in children[task.pk]]
            worst = max((s.status for s in parts), key=SEVERITY.index)
            states[task.pk] = TaskState(
                status=worst,
                percent=sum(s.percent for s in parts) // len(parts),
                reasons=[],
                deadline=task.effective_deadline,
            )
    return states


def _records(programme, day: datetime.date, past: bool) -> tuple[list, list, list, list]:
    """Tasks, milestones, assignments and reports: the live tables, or with `past` their audit history as it
    stood at the end of `day` (deadlines moved, milestones ticked, reports submitted or accepted since then do not
    count)."""
    if not past:
        return (
            list(Task.objects.filter(programme=programme).select_related("programme")),
            list(Milestone.objects.filter(task__programme=programme)),
            list(Assignment.objects.filter(task__programme=programme).select_related("unit")),
            list(
                ProgressReport.objects.filter(task__programme=programme).only(
                    "id", "task_id", "unit_id", "period_start", "state", "percent"
                )
            ),
        )
    tasks = as_it_stood(Task, day, plan=True, programme_id=programme.pk)
    task_ids = [task.pk for task in tasks]
    # Completion dates are what the office states, whenever it entered them: they count when on or before the day.
    completed = dict(Task.objects.filter(programme=programme).values_list("pk", "completed_on"))
    for task in tasks:
        task.programme = programme  # one programme for all: no query per task
        task.completed_on = _on_or_before(completed.get(task.pk), day)
    milestones = as_it_stood(Milestone, day, plan=True, task_id__in=task_ids)
    done = dict(Milestone.objects.filter(task__programme=programme).values_list("pk", "done_on"))
    for milestone in milestones:
        milestone.done_on = _on_or_before(done.get(milestone.pk), day)
    units = {unit.pk: unit for unit in Unit.objects.all()}
    assignments = as_it_stood(Assignment, day, plan=True, task_id__in=task_ids)
    for assignment in assignments:
        assignment.unit = units.get(assignment.unit_id)
    return tasks, milestones, assignments, as_it_stood(ProgressReport, day, task_id__in=task_ids)


def _on_or_before(found: datetime.date | None, day: datetime.date) -> datetime.date | None:
    return found if found and found <= day else None


def _depth(task, by_id) -> int:
    depth = 0
    while task.parent_id:
        task, depth = by_id[task.parent_id], depth + 1
    return depth


def _leaf_state(task, today, milestones, assignments, reports, past_due, calendar) -> TaskState:
    task_reports = reports[task.pk]
    lead_units = {a.unit_id for a in assignments[task.pk] if a.role == Assignment.Role.LEAD}
    counted = [r for r in task_reports if r.state in (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED)]
    percent = max((r.percent for r in counted if r.unit_id in lead_units or not lead_units), default=0)
    if task.completed_on or any(
        r.state == ProgressReport.State.ACCEPTED and r.percent == 100 and r.unit_id in lead_units for r in task_reports
    ):
        return TaskState(Status.DONE, 100)

    reasons = []
    late_milestones = [m for m in milestones[task.pk] if m.done_on is None and m.due < today]
    if today > task.effective_deadline:
        reasons.append(_("past its deadline %(date)s") % {"date": task.effective_deadline})
    for milestone in late_milestones:
        reasons.append(_("milestone “%(title)s” was due %(date)s") % {"title": milestone.title, "date": milestone.due})
    if reasons:
        return TaskState(Status.OVERDUE, percent, reasons, _missing(task, assignments, task_reports, past_due))

    missing = _missing(task, assignments, task_reports, past_due)
    if missing:
        reasons.append(_("%(count)d report(s) past due") % {"count": len(missing)})
    if within_workdays(today, task.effective_deadline, task.programme.reminder_days, calendar):
        reasons.append(_("deadline %(date)s is near") % {"date": task.effective_deadline})
    if _elapsed_percent(task, today) - percent > RISK_GAP and counted:
        reasons.append(_("progress %(percent)d%% trails the time elapsed") % {"percent": percent})
    if reasons:
        return TaskState(Status.AT_RISK, percent, reasons, missing)
    if not counted and not any(m.done_on for m in milestones[task.pk]):
        return TaskState(Status.NOT_STARTED, 0)
    return TaskState(Status.ON_TRACK, percent)


def _missing(task, assignments, task_reports, past_due) -> list:
    """(unit, period) for each assigned unit and each period past due with no submitted report."""
    made = {
        (r.unit_id, r.period_start)
        for r in task_reports
        if r.state in (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED, ProgressReport.State.RETURNED)
    }
    start = task.effective_start
    return [
        (a.unit, p)
        for a in assignments[task.pk]
        for p in past_due
        if p.end >= start
        and p.start <= task.effective_deadline
        and a.reports_for(p)
        and (a.unit_id, p.start) not in made
    ]


ALERTS_SECONDS = 3600


@cache
def _status_columns() -> list[tuple]:
    return audited(Programme, Task, Milestone, Assignment, ProgressReport, CalendarDay, CalendarYear)


def status_version() -> str:
    """Changes whenever anything a task's status is computed from is saved or deleted: a programme, task,
    milestone, assignment, report or calendar day (one query)."""
    return latest(*_status_columns())


def task_alerts(day: datetime.date | None = None) -> list[dict]:
    """Each programme with the number of its assigned tasks that are overdue or at risk (the leadership dashboard),
    as of `day` — by default today, or a programme's last day once it has ended.

    Cached per day and `status_version()`: the dashboard shows them on every view, and they change only when
    the day or what the states are computed from changes."""
    parts = [status_version(), timezone.localdate(), day]
    return remember("programme:task-alerts", parts, lambda: _task_alerts(day), ALERTS_SECONDS)


def dashboard_alerts(request) -> list[tuple[str, dict]]:
    """The leadership dashboard's warning about the programme the reader chose: its overdue and at-risk tasks."""
    shown = chosen_programme(request)
    alerts = task_alerts(chosen(request)) if shown else []
    return [("programme/_task_alert.html", alert) for alert in alerts if alert["programme"].pk == shown.pk]


def _task_alerts(day) -> list[dict]:
    result = []
    for programme in Programme.objects.order_by("start"):
        shown = day or min(timezone.localdate(), programme.end)
        states = states_on(programme, shown)
        assigned = set(Assignment.objects.filter(task__programme=programme).values_list("task_id", flat=True))
        leaves = [state for pk, state in states.items() if pk in assigned]
        result.append(
            {
                "programme": programme,
                "as_of": shown,
                "overdue": sum(1 for s in leaves if s.status == Status.OVERDUE),
                "at_risk": sum(1 for s in leaves if s.status == Status.AT_RISK),
            }
        )
    return result
