from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import SEE_ALL, STAFF, Role


class PortalConfig(Module):
    name = "zhichan.portal"
    label = "portal"
    verbose_name = _("Public portal")
    menu_group = _("Public portal")
    menu = [
        Menu(_("Public requests"), "portal-request-list", STAFF),
        Menu(_("Services catalogue"), "portal-catalogue", SEE_ALL),
        Menu(_("News and notices"), "portal-notice-list", SEE_ALL),
        Menu(_("The public portal"), "portal-home", STAFF),
        Menu(_("Enterprise registrations"), "portal-registration-list", frozenset({Role.OFFICE})),
        Menu(_("Enterprise self-service"), "portal-enterprise", frozenset({Role.ENTERPRISE})),
    ]
    api_enums = {"RequestStateEnum": "zhichan.portal.models.RequestState"}
    panels = ["panels.portal_panel", "panels.enterprise_panel"]
    todos = ["todos.registration_todos"]
    first_start = ["first_start.first_start"]
    signals = ["signals"]
