from zhichan.core.asof import as_of
from zhichan.core.roles import LIAISONS, SEE_ALL, role_of
from zhichan.core.services.organisation import organisation_of

from .models import Assignment, ProgressReport
from .services.choice import programme_of
from .services.status import Status, states_on


def programme_panel(request):
    """The programme on each staff workbench: status counts, the review queue, a unit's tasks and reports.

    Statuses and reports past due are those of the day shown (`as_of`, as on the programme's pages); what waits
    for review and what was returned are about now — they are what to do next."""
    role = role_of(request.user)
    if role not in SEE_ALL | LIAISONS:
        return None
    programme = programme_of(organisation_of(request.user))  # the user's own organisation's
    if programme is None:
        return None
    states = states_on(programme, as_of(request, end=programme.end))
    context = {"programme": programme}
    if role in SEE_ALL:
        assigned = set(Assignment.objects.filter(task__programme=programme).values_list("task_id", flat=True))
        leaves = [state for pk, state in states.items() if pk in assigned]
        context["overdue"] = sum(1 for s in leaves if s.status == Status.OVERDUE)
        context["at_risk"] = sum(1 for s in leaves if s.status == Status.AT_RISK)
        context["done"] = sum(1 for s in leaves if s.status == Status.DONE)
        context["waiting"] = ProgressReport.objects.filter(
            task__programme=programme, state=ProgressReport.State.SUBMITTED
        ).count()
    else:
        unit = request.user.unit
        mine = Assignment.objects.filter(task__programme=programme, unit=unit).select_related("task__parent")
        context["my_tasks"] = [(a, states[a.task_id]) for a in mine]
        context["returned"] = ProgressReport.objects.filter(
            task__programme=programme, unit=unit, state=ProgressReport.State.RETURNED
        ).select_related("task")
        context["missing"] = sum(
            1 for a in mine for missing_unit, _period in states[a.task_id].missing if missing_unit.pk == unit.pk
        )
    context["role"] = role.value
    return "programme/_panel.html", context
