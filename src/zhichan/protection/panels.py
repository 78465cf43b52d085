"""The workbench panel: the reader's open enforcement cases and how many are at risk or overdue."""

from zhichan.core.clocks import State as ClockState
from zhichan.core.roles import STAFF, role_of

from .models import Case, State
from .services.clocks import running_readings


def cases_panel(request):
    user = request.user
    if role_of(user) not in STAFF:
        return None
    cases = list(
        Case.objects.visible_to(user)
        .filter(state__in=[State.LEAD, State.FILED, State.INVESTIGATION])
        .select_related("kind")
    )
    if not cases:
        return None
    states = [reading.state for reading in running_readings(cases).values()]
    return (
        "protection/_panel.html",
        {
            "open": len(cases),
            "at_risk": states.count(ClockState.AT_RISK),
            "overdue": states.count(ClockState.OVERDUE),
        },
    )
