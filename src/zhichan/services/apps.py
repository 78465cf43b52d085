from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import STAFF


class ServicesConfig(Module):
    name = "zhichan.services"
    label = "services"
    verbose_name = _("Services")
    menu_group = _("Services")
    menu = [
        Menu(_("Service agencies"), "agency-list", STAFF),
        Menu(_("Brand stations and service outlets"), "outlet-list", STAFF),
        Menu(_("IP custody"), "custody-list", STAFF),
    ]
    todos = ["todos.agency_todos", "todos.custody_application_todos"]
    # After the registry's demo enterprises, which the custody engagements name.
    first_start = ["first_start.first_start"]
    # Sets of choices several fields share (a custody engagement's services and a service record's item; the
    # services an agency offers and those a plan of agencies inspects).
    api_enums = {
        "CustodyServiceEnum": "zhichan.services.models.CustodyService",
        "ServiceKindEnum": "zhichan.services.models.ServiceKind",
    }


# The expert pool (人才专家库) and random inspections (双随机、一公开).
ServicesConfig.menu += [
    Menu(_("Expert pool"), "expert-list", STAFF),
    Menu(_("Random inspections"), "inspection-plan-list", STAFF),
]
ServicesConfig.todos += ["todos_inspections.inspection_todos"]
ServicesConfig.first_start += ["first_start_experts.first_start"]
