"""The workbench panel: the reader's open enforcement cases and how many are at risk or overdue."""

from django.utils import timezone

from zhichan.core.clocks import State as ClockState
from zhichan.core.roles import STAFF, role_of

from .models import Case, State
from .services.clock_lists import statuses


def cases_panel(request):
    user = request.user
    if role_of(user) not in STAFF:
        return None
    cases = Case.objects.visible_to(user).filter(state__in=[State.LEAD, State.FILED, State.INVESTIGATION])
    count = cases.count()
    if not count:
        return None
    states = list(statuses(cases, timezone.localdate()).values())  # from the due dates the cases keep
    return (
        "protection/_panel.html",
        {
            "open": count,
            "at_risk": states.count(ClockState.AT_RISK),
            "overdue": states.count(ClockState.OVERDUE),
        },
    )
