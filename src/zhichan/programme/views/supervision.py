"""督办 pages: the supervision list with the office's urging per item, and the unit's answer."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.asof import as_of
from zhichan.core.clocks import State
from zhichan.core.models import Unit
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, SEE_ALL, STAFF, Role, role_of
from zhichan.core.views.actions import run_action

from ..forms import AnswerForm, UrgeForm
from ..models import Programme, Task, Urging
from ..services import supervision as urging_service
from ..services.choice import runs_programme
from ..services.status import Status, states_on
from .overview import picker, task_tree

OFFICE = {Role.OFFICE}


def _back(request, fallback):
    """Return to the page the form was on (the supervision list or the task page)."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def urgings_for(user, **filters):
    """Urgings the user may read, newest first, with what their rows show (one query)."""
    return list(
        Urging.objects.visible_to(user)
        .filter(**filters)
        .select_related("programme", "task", "unit", "urged_by", "answered_by")
    )


@allow(STAFF, scope=Programme)
def supervision(request, pk):
    """Overdue and at-risk tasks and reports past due, each with the office's 督办; the record of who was urged
    when and whether they answered."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    day = as_of(request, end=programme.end)
    tree = task_tree(programme, states_on(programme, day))
    rows = [row for row in tree if row[2].status in (Status.OVERDUE, Status.AT_RISK) and (row[3] or row[4])]
    role = role_of(request.user)
    missing = {}  # (task, unit) → the periods whose report is past due, one row each
    for task, _d, state, _l, _c in tree:
        for unit, period in state.missing:
            if role in SEE_ALL or unit.pk == request.user.unit_id:  # a unit sees its own gaps
                missing.setdefault((task, unit), []).append(period)
    urgings = urgings_for(request.user, programme=programme)
    answer_clocks = urging_service.answer_clocks(urgings)
    late = {pk for pk, reading in answer_clocks.items() if reading.state == State.OVERDUE}
    last_by_task = {}
    for urging in urgings:  # newest first: the first seen per task is its latest
        if urging.task_id:
            last_by_task.setdefault(urging.task_id, urging)
    context = {
        "programme": programme,
        "rows": [(*row, last_by_task.get(row[0].pk)) for row in rows],
        "missing": [(task, unit, owed) for (task, unit), owed in missing.items()],
        "urgings": urgings,
        "late": late,
        "answer_clocks": answer_clocks,
        "is_office": runs_programme(request.user, programme),
        "is_liaison": role in LIAISONS,
        "units": Unit.objects.filter(active=True, organisation=programme.region)
        if runs_programme(request.user, programme)
        else [],
        "urge_form": UrgeForm(),
        "answer_form": AnswerForm(),
        **picker(programme, day),
    }
    return render(request, "programme/supervision.html", context)


@form_post("task-page", "pk")
@allow(STAFF, write=OFFICE, scope=Task)
def task_urge(request, pk):
    """督办 on a task: the office urges one of its units with a note."""
    task = get_object_or_404(Task.objects.visible_to(request.user).select_related("programme"), pk=pk)
    unit = task.assignments.filter(unit_id=request.POST.get("unit") or 0).select_related("unit").first()
    form = UrgeForm(request.POST)
    if unit is None or not form.is_valid():
        messages.error(request, _("Choose a unit of this task and write what it is urged to do."))
        return _back(request, task)
    run_action(
        request,
        urging_service.urge,
        request.user,
        unit.unit,
        form.cleaned_data["note"],
        programme=task.programme,
        task=task,
        done=_("Urged %(unit)s about %(task)s.") % {"unit": unit.unit, "task": f"{task.number}{task.title}"},
    )
    return _back(request, task)


@form_post("programme-supervision", "pk")
@allow(STAFF, write=OFFICE, scope=Programme)
def unit_urge(request, pk):
    """督办 on a unit: about everything it owes in the programme."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    unit = Unit.objects.filter(pk=request.POST.get("unit") or 0, active=True, organisation=programme.region).first()
    form = UrgeForm(request.POST)
    if unit is None or not form.is_valid():
        messages.error(request, _("Choose a unit and write what it is urged to do."))
        return _back(request, programme)
    run_action(
        request,
        urging_service.urge,
        request.user,
        unit,
        form.cleaned_data["note"],
        programme=programme,
        done=_("Urged %(unit)s.") % {"unit": unit},
    )
    return _back(request, programme)


@form_post()
@allow(STAFF, write=LIAISONS, scope=Urging)
def urging_answer(request, pk):
    """The urged unit answers; the office sees the answer beside the urging."""
    urging = get_object_or_404(Urging.objects.visible_to(request.user), pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the answer."))
        return _back(request, urging.get_absolute_url())
    run_action(
        request,
        urging_service.answer,
        urging,
        request.user,
        form.cleaned_data["answer"],
        done=_("Answer sent to the programme office."),
    )
    return _back(request, urging.get_absolute_url())
