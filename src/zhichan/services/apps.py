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
    todos = ["todos.agency_todos"]
    # After the registry's demo enterprises, which the custody engagements name.
    first_start = ["first_start.first_start"]
