"""The workbench to-dos of random inspections, for the unit running a plan (and the office): results still to
enter for the objects drawn, and drawn plans whose results are to be published, with the earliest due date of the
results' clock. Two queries at most."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.clocks import readings
from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, Role, role_of

from .models import InspectionPlan, PlanState
from .services.inspections import RESULTS_RULE


def inspection_todos(user) -> list[Todo]:
    if not (role_of(user) == Role.OFFICE or (role_of(user) in LIAISONS and user.unit_id)):
        return []
    plans = list(
        InspectionPlan.objects.editable_by(user)
        .filter(state=PlanState.DRAWN)
        .annotate(missing=Count("targets", filter=Q(targets__finding="")))
        .values_list("pk", "missing")
    )
    if not plans:
        return []
    today = timezone.localdate()
    clocks = readings(InspectionPlan, RESULTS_RULE, today, [pk for pk, _missing in plans])
    due = sorted(reading.due for reading in clocks.values())
    first, late = (due[0], due[0] < today) if due else (None, False)
    url = reverse("inspection-plan-list")
    found = []
    missing = sum(count for _pk, count in plans)
    if missing:
        found.append(Todo(_("Random inspection results to enter"), url, missing, first, late, "inspection-results"))
    ready = sum(1 for _pk, count in plans if not count)
    if ready:
        found.append(Todo(_("Random inspection results to publish"), url, ready, first, late, "inspection-publish"))
    return found
