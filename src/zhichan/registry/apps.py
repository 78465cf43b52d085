from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import PROGRAMME_USERS


class RegistryConfig(Module):
    name = "zhichan.registry"
    label = "registry"
    verbose_name = _("IP registry")
    menu = [Menu(_("IP registry"), "registry-home", PROGRAMME_USERS)]
    panels = ["panels.portfolio_panel"]
    first_start = ["first_start.first_start"]
    daily = ["services.reminders.daily_reminders"]  # annuity and renewal reminders
    signals = ["signals"]  # the demo enterprise
