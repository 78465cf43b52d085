from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.asof import as_of, chosen
from zhichan.core.clocks import State
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, STAFF, Role, role_of
from zhichan.core.scoping import works_for
from zhichan.core.views.actions import run_action

from ..forms import AnswerForm, AssignForm, MilestoneForm, ScheduleForm, UnitPlanForm, UrgeForm
from ..models import Assignment, Milestone, ProgressReport, Task, UnitPlan
from ..periods import current_or_last, period_starting, periods
from ..services import planning
from ..services.choice import runs_programme
from ..services.history import as_it_stood
from ..services.status import states_on
from ..services.supervision import answer_clocks as read_answer_clocks
from .supervision import urgings_for

OFFICE = {Role.OFFICE}


def _task(request, pk):
    return get_object_or_404(Task.objects.visible_to(request.user).select_related("programme", "parent"), pk=pk)


def _who(user) -> str:
    """A person as the history names them: their name and role, not their login."""
    if user is None:
        return _("system")
    return f"{user.display_name}（{user.get_role_display()}）"


def _history(task, urgings, limit=20):
    """The task's changes and its urgings and answers, newest first: (when, who, what)."""
    rows = [
        (h.history_date, _who(h.history_user), h.get_history_type_display())
        for h in task.history.select_related("history_user")[:limit]
    ]
    for urging in urgings:
        what = _("Urged %(unit)s: %(note)s") if urging.note else _("Urged %(unit)s.")
        rows.append((urging.urged_at, _who(urging.urged_by), what % {"unit": urging.unit, "note": urging.note}))
        if urging.answered:
            what = _("%(unit)s answered the urging: %(about)s") % {"unit": urging.unit, "about": urging.answer}
            rows.append((urging.answered_at, _who(urging.answered_by), what))
    return sorted(rows, key=lambda row: row[0], reverse=True)[:limit]


@allow(STAFF, scope=Task)
def task_page(request, pk):
    task = _task(request, pk)
    user = request.user
    assignments = list(task.assignments.select_related("unit", "confirmed_by"))
    my_units = [a.unit for a in assignments if works_for(user, a.unit) and role_of(user) in LIAISONS]
    today_period = current_or_last(task.programme, timezone.localdate())
    urgings = urgings_for(user, task=task)
    answer_clocks = read_answer_clocks(urgings)
    day = as_of(request, end=task.programme.end)
    reports = ProgressReport.objects.visible_to(user).filter(task=task).select_related("unit")
    if chosen(request) and day < timezone.localdate():
        reports = reports_as_of(reports, task, day)
    context = {
        "task": task,
        "state": states_on(task.programme, day).get(task.pk),
        "children": task.children.all(),
        "assignments": assignments,
        "milestones": task.milestones.all(),
        "plans": UnitPlan.objects.visible_to(user).filter(task=task).select_related("unit"),
        "reports": reports,
        "history": _history(task, urgings),
        "is_office": runs_programme(user, task.programme),
        "my_units": my_units,
        "periods": periods(task.programme),
        "current_period": today_period,
        # A task that has its lead gets co-operating units by default: choosing lead replaces the lead.
        "assign_form": AssignForm(
            programme=task.programme,
            current=today_period,
            initial={"role": Assignment.Role.CO if any(a.role == Assignment.Role.LEAD for a in assignments) else ""},
        ),
        "schedule_form": ScheduleForm(instance=task),
        "milestone_form": MilestoneForm(),
        "urgings": urgings,
        "late": {pk for pk, reading in answer_clocks.items() if reading.state == State.OVERDUE},
        "answer_clocks": answer_clocks,
        "urge_form": UrgeForm(),
        "answer_form": AnswerForm(),
        "is_liaison": role_of(user) in LIAISONS,
    }
    return render(request, "programme/task.html", context)


def reports_as_of(visible, task, day) -> list:
    """The reader's visible reports of a task in the state they had at the end of a chosen past day."""
    units = {report.pk: report.unit for report in visible}
    found = [report for report in as_it_stood(ProgressReport, day, task_id=task.pk) if report.pk in units]
    for report in found:
        report.unit = units[report.pk]
    return sorted(found, key=lambda report: report.period_start, reverse=True)


@form_post("task-page", "pk")
@allow(STAFF, write=OFFICE, scope=Task)
def task_assign(request, pk):
    task = _task(request, pk)
    form = AssignForm(request.POST, programme=task.programme)
    if not form.is_valid():
        messages.error(request, _("Choose a unit, its role and the period it reports from."))
        return redirect(task)
    data = form.cleaned_data
    former = [a.unit for a in task.assignments.filter(role=Assignment.Role.LEAD).exclude(unit=data["unit"])]
    outcome = run_action(
        request, planning.assign, task, data["unit"], data["role"], request.user, first_period=data["first_period"]
    )
    if not outcome.ok:
        return redirect(task)
    assignment = outcome.result
    messages.success(
        request,
        _("Added %(unit)s as %(role)s, reporting from %(period)s.")
        % {
            "unit": assignment.unit,
            "role": assignment.get_role_display(),
            "period": period_starting(task.programme, assignment.first_period).shown,
        },
    )
    if assignment.role == Assignment.Role.LEAD and former:
        messages.info(
            request,
            _("%(units)s, the former lead, is now a co-operating unit.") % {"units": "、".join(map(str, former))},
        )
    return redirect(task)


@form_post()
@allow(STAFF, write=OFFICE, scope=Assignment)
def assignment_confirm(request, pk):
    assignment = get_object_or_404(Assignment.objects.visible_to(request.user).select_related("unit"), pk=pk)
    planning.confirm(assignment, request.user)
    messages.success(
        request,
        _("Confirmed %(unit)s as %(role)s.") % {"unit": assignment.unit, "role": assignment.get_role_display()},
    )
    return redirect(assignment.task)


@form_post()
@allow(STAFF, write=OFFICE, scope=Assignment)
def assignment_remove(request, pk):
    assignment = get_object_or_404(Assignment.objects.visible_to(request.user).select_related("unit"), pk=pk)
    run_action(
        request,
        planning.unassign,
        assignment,
        request.user,
        done=_("Removed %(unit)s from this task.") % {"unit": assignment.unit},
    )
    return redirect(assignment.task)


@form_post("task-page", "pk")
@allow(STAFF, write=OFFICE, scope=Task)
def task_schedule(request, pk):
    task = _task(request, pk)
    form = ScheduleForm(request.POST, instance=Task.objects.get(pk=task.pk))
    if form.is_valid():
        if run_action(request, planning.set_schedule, task, request.user, **form.cleaned_data).ok:
            messages.success(
                request,
                _("Schedule saved: %(start)s to %(deadline)s.")
                % {"start": task.effective_start, "deadline": task.effective_deadline},
            )
    else:
        messages.error(request, _("Check the dates."))
    return redirect(task)


@form_post("task-page", "pk")
@allow(STAFF, write=OFFICE, scope=Task)
def milestone_add(request, pk):
    task = _task(request, pk)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        milestone = planning.add_milestone(
            task, request.user, title=form.cleaned_data["title"], due=form.cleaned_data["due"]
        )
        messages.success(
            request, _("Milestone “%(title)s” added, due %(due)s.") % {"title": milestone.title, "due": milestone.due}
        )
    else:
        messages.error(request, _("A milestone needs a title and a due date."))
    return redirect(task)


@form_post()
@allow(STAFF, write=OFFICE, scope=Milestone)
def milestone_done(request, pk):
    milestone = get_object_or_404(Milestone.objects.visible_to(request.user), pk=pk)
    planning.update_milestone(
        milestone,
        request.user,
        title=milestone.title,
        due=milestone.due,
        done_on=None if milestone.done_on else timezone.localdate(),
    )
    if milestone.done_on:
        messages.success(request, _("Milestone “%(title)s” marked done.") % {"title": milestone.title})
    else:
        messages.success(request, _("Milestone “%(title)s” reopened.") % {"title": milestone.title})
    return redirect(milestone.task)


@form_post("task-page", "pk")
@allow(STAFF, write={Role.OFFICE, *LIAISONS}, scope=Task)
def unit_plan(request, pk):
    """A unit writes its own work plan for its part in the task (the office may write it for any unit)."""
    task = _task(request, pk)
    assignment = task.assignments.filter(unit_id=request.POST.get("unit") or 0).select_related("unit").first()
    form = UnitPlanForm(request.POST)
    if assignment is None or not form.is_valid():
        messages.error(request, _("Write the plan for a unit that has a part in this task."))
        return redirect(task)
    planning.save_unit_plan(task, assignment.unit, request.user, form.cleaned_data["text"])
    messages.success(request, _("Work plan of %(unit)s saved.") % {"unit": assignment.unit})
    return redirect(task)
