"""The finance module's workbench to-do: pledges naming a right the register does not hold yet, for the office to
match once the register has it."""

from django.urls import reverse
from django.utils.translation import gettext as _

from zhichan.core.extensions import Todo
from zhichan.core.roles import Role, role_of

from .models import Pledge, unmatched


def finance_todos(user) -> list[Todo]:
    if role_of(user) != Role.OFFICE:
        return []
    waiting = Pledge.objects.visible_to(user).filter(unmatched("rights")).distinct().count()
    if not waiting:
        return []
    url = reverse("finance-pledge-list") + "?state=unmatched"
    return [Todo(_("Pledges with rights to match to the register"), url, count=waiting, kind="match")]
