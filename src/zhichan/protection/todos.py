"""The workbench to-do of an enforcing unit: its own cases whose time limit is near or past."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.clocks import State as ClockState
from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, role_of

from .models import Case, State
from .services.clock_lists import list_readings


def unit_todos(user) -> list[Todo]:
    if role_of(user) not in LIAISONS or not user.unit_id:
        return []
    cases = list(
        Case.objects.filter(
            unit_id=user.unit_id, state__in=[State.LEAD, State.FILED, State.INVESTIGATION]
        ).select_related("kind")
    )
    pressing = [
        reading
        for reading in list_readings(cases, timezone.localdate()).values()  # from the due dates the cases keep
        if reading.state in (ClockState.AT_RISK, ClockState.OVERDUE)
    ]
    if not pressing:
        return []
    first = min(reading.due for reading in pressing)
    late = any(reading.state == ClockState.OVERDUE for reading in pressing)
    url = reverse("case-list")
    return [Todo(_("Enforcement cases near or past their time limit"), url, len(pressing), first, late, "cases")]
