"""The workbench panel: the public requests of the user's scope still open, and those past the deadline the office
committed to."""

from zhichan.core.roles import STAFF, Role, role_of

from .models import PublicRequest
from .models.requests import OPEN_STATES
from .services.requests import overdue


def portal_panel(request):
    if role_of(request.user) not in STAFF:
        return None
    late = overdue(request.user)
    context = {
        "open": PublicRequest.objects.visible_to(request.user).filter(state__in=OPEN_STATES).count(),
        "late": late[:5],
        "late_count": len(late),
    }
    return "portal/_panel.html", context


def enterprise_panel(request):
    """On an enterprise user's workbench, the way to its portal page; on an applicant's (the public role, signed
    in), its registrations and where they stand."""
    from .services.registrations import registrations_of

    role = role_of(request.user)
    if role not in (Role.ENTERPRISE, Role.PUBLIC) or not request.user.is_authenticated:
        return None
    registrations = list(registrations_of(request.user)[:5])
    if role == Role.PUBLIC and not registrations:
        return None
    return "portal/_enterprise_panel.html", {"role": role, "registrations": registrations}
