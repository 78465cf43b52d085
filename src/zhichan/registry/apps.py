from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "zhichan.registry"
    label = "registry"
    verbose_name = _("IP registry")

    def ready(self):
        from zhichan.core.extensions import register_daily, register_first_start, register_nav, register_panel
        from zhichan.core.roles import SIGNED_IN

        from . import signals  # noqa: F401  (demo enterprise)
        from .first_start import first_start
        from .panels import portfolio_panel
        from .services.reminders import daily_reminders

        register_nav(_("IP registry"), "registry-home", SIGNED_IN)
        register_panel(portfolio_panel)
        register_first_start(first_start)
        register_daily(daily_reminders)
