from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import PROGRAMME_USERS, SEE_ALL


class NavigationConfig(Module):
    name = "zhichan.navigation"
    label = "navigation"
    verbose_name = _("Patent navigation")
    menu_group = _("Patent navigation")
    menu = [
        Menu(_("Patent landscapes"), "patent-set-list", PROGRAMME_USERS),
        Menu(_("Applicant name merges"), "applicant-alias-list", SEE_ALL),
    ]
    api_enums = {
        "PatentSetKindEnum": "zhichan.navigation.models.SetKind",
        "PatentSetStateEnum": "zhichan.navigation.models.SetState",
    }
    first_start = ["first_start.first_start"]
