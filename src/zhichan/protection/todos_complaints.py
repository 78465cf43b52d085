"""The workbench to-do of a unit: the complaints it handles whose acceptance or reply limit is near or past."""

from django.urls import reverse
from django.utils.translation import gettext as _

from zhichan.core.clocks import State as ClockState
from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, role_of

from .models import Complaint, ComplaintState
from .models.complaints import AWAITING_ACCEPTANCE
from .services.complaints import running_readings


def complaint_todos(user) -> list[Todo]:
    if role_of(user) not in LIAISONS or not user.unit_id:
        return []
    open_ = list(
        Complaint.objects.filter(unit_id=user.unit_id, state__in=[*AWAITING_ACCEPTANCE, ComplaintState.ACCEPTED])
    )
    pressing = [
        reading
        for reading in running_readings(open_).values()
        if reading.state in (ClockState.AT_RISK, ClockState.OVERDUE)
    ]
    if not pressing:
        return []
    first = min(reading.due for reading in pressing)
    late = any(reading.state == ClockState.OVERDUE for reading in pressing)
    url = reverse("complaint-list")
    return [Todo(_("Complaints and tips near or past their time limit"), url, len(pressing), first, late, "complaints")]
