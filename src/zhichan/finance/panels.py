"""The bank liaison's workbench panel: its bank's pledges in force and the amount, with the way to enter one."""

from django.db.models import Q, Sum
from django.utils import timezone

from zhichan.core.roles import Role, role_of

from .models import Pledge


def bank_panel(request):
    if role_of(request.user) != Role.BANK:
        return None
    today = timezone.localdate()
    own = Pledge.objects.visible_to(request.user)
    in_force = own.filter(Q(released_on__isnull=True) | Q(released_on__gt=today))
    context = {
        "count": own.count(),
        "in_force": in_force.count(),
        "amount": in_force.aggregate(total=Sum("secured_amount"))["total"] or 0,
    }
    return "finance/_bank_panel.html", context
