"""The leadership dashboard's warning: transfers to criminal justice with a time limit past on the day the dashboard
shows (the chief's approval, the 24 hours to send, the police's decision, a reconsideration, the hand-over …)."""

from zhichan.core.asof import chosen
from zhichan.core.clocks import State as ClockState

from ..models import Transfer
from ..models.transfers import ENDED
from .transfers import open_readings


def overdue_transfers(user, day=None) -> list:
    """(transfer, reading) for each running clock past its due date on the transfers the user reads, most overdue
    first."""
    found = list(Transfer.objects.visible_to(user).exclude(state__in=ENDED).select_related("case", "unit", "police"))
    readings = open_readings(found, day)
    late = [
        (transfer, reading)
        for transfer in found
        for reading in readings.get(transfer.pk, [])
        if reading.state == ClockState.OVERDUE
    ]
    return sorted(late, key=lambda pair: pair[1].days_left)


def dashboard_alerts(request) -> list:
    late = overdue_transfers(request.user, chosen(request))
    if not late:
        return []
    return [("protection/_transfer_alert.html", {"count": len(late), "transfers": late[:5]})]
