"""The office decomposes tasks: lead and co-operating units, confirmation of proposals, deadlines, milestones;
units write their own work plans."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_only
from zhichan.core.scoping import works_for

from ..events import (
    MILESTONE_ADDED,
    MILESTONE_CHANGED,
    SCHEDULE_SET,
    UNIT_ASSIGNED,
    UNIT_CONFIRMED,
    UNIT_PLAN_SAVED,
    UNIT_REMOVED,
)
from ..models import Assignment, Milestone, UnitPlan
from ..periods import current_or_last, period_starting


def _decided(task):
    """The office has now decided this task's units: the programme file no longer changes them."""
    type(task).objects.filter(pk=task.pk).update(units_decided_at=timezone.now())


def _part(arguments, assignment) -> dict:
    """An event on the task about one unit's part: the unit (whose events these are too) and its role."""
    return {"unit": assignment.unit_id, "unit_name": str(assignment.unit), "role": str(assignment.get_role_display())}


@action(UNIT_ASSIGNED, on=lambda arguments, assignment: assignment.task, data=_part, allow=office_only)
def assign(task, unit, role: str, user, first_period=None) -> Assignment:
    """Give a unit a part in a task; a new lead replaces the old lead, who becomes co-operating.

    `first_period` is the start of the first reporting period the unit reports for (a unit added mid-programme
    owes nothing for the periods before it joined); a new part defaults to the current period, a changed part
    keeps its own."""
    existing = task.assignments.filter(unit=unit).first()
    if first_period is not None:
        first_period = _reporting_period(task.programme, first_period).start
    elif existing is None:
        first_period = current_or_last(task.programme, timezone.localdate()).start
    else:
        first_period = existing.first_period
    if role == Assignment.Role.LEAD:
        for former in task.assignments.filter(role=Assignment.Role.LEAD).exclude(unit=unit):
            former.role = Assignment.Role.CO  # saved one by one so the history records it
            former.save()
    assignment, _created = Assignment.objects.update_or_create(
        task=task,
        unit=unit,
        defaults={
            "role": role,
            "proposed": False,
            "confirmed_by": user,
            "confirmed_at": timezone.now(),
            "first_period": first_period,
        },
    )
    _decided(task)
    return assignment


def _reporting_period(programme, start):
    period = period_starting(programme, start)
    if period is None:
        raise ValidationError({"first_period": _("Choose one of the programme's reporting periods.")})
    return period


@action(UNIT_CONFIRMED, on=lambda arguments, assignment: assignment.task, data=_part, allow=office_only)
def confirm(assignment, user) -> Assignment:
    assignment.proposed = False
    assignment.confirmed_by, assignment.confirmed_at = user, timezone.now()
    assignment.save()
    _decided(assignment.task)
    return assignment


@action(
    UNIT_REMOVED,
    on=lambda arguments, result: arguments["assignment"].task,
    data=lambda arguments, result: _part(arguments, arguments["assignment"]),
    allow=office_only,
)
def unassign(assignment, user):
    if assignment.task.reports.filter(unit=assignment.unit).exists():
        raise ValidationError(
            _("%(unit)s has already reported on this task; its part cannot be removed.") % {"unit": assignment.unit}
        )
    assignment.delete()
    _decided(assignment.task)


@action(
    SCHEDULE_SET,
    on="task",
    data=lambda arguments, task: {"start": task.start, "deadline": task.deadline, "completed_on": task.completed_on},
    allow=office_only,
)
def set_schedule(task, user, *, start, deadline, completed_on):
    if start and deadline and deadline < start:
        raise ValidationError({"deadline": _("The deadline comes before the start.")})
    task.start, task.deadline, task.completed_on = start, deadline, completed_on
    task.save()
    return task


def _milestone(arguments, milestone) -> dict:
    return {"milestone": milestone.title, "due": milestone.due, "done_on": milestone.done_on}


@action(MILESTONE_ADDED, on="task", data=_milestone, allow=office_only)
def add_milestone(task, user, *, title: str, due, done_on=None) -> Milestone:
    return Milestone.objects.create(task=task, title=title, due=due, done_on=done_on)


@action(MILESTONE_CHANGED, on=lambda arguments, milestone: milestone.task, data=_milestone, allow=office_only)
def update_milestone(milestone, user, *, title: str, due, done_on) -> Milestone:
    milestone.title, milestone.due, milestone.done_on = title, due, done_on
    milestone.save()
    return milestone


@action(UNIT_PLAN_SAVED, on="task", data=lambda arguments, plan: {"unit": plan.unit_id, "unit_name": str(plan.unit)})
def save_unit_plan(task, unit, user, text: str) -> UnitPlan:
    if not works_for(user, unit):
        raise PermissionDenied
    if not task.assignments.filter(unit=unit).exists():
        raise ValidationError(_("%(unit)s has no part in this task.") % {"unit": unit})
    plan, _created = UnitPlan.objects.update_or_create(task=task, unit=unit, defaults={"text": text})
    return plan
