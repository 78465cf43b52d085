from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "zhichan.programme"
    label = "programme"
    verbose_name = _("Programme and tasks")

    def ready(self):
        from zhichan.core.extensions import register_alerts, register_first_start, register_nav, register_panel
        from zhichan.core.roles import STAFF

        from .first_start import first_start
        from .panels import programme_panel
        from .services.status import task_alerts

        register_panel(programme_panel)
        register_alerts(task_alerts)
        register_first_start(first_start)
        register_nav(_("Programme"), "programme-list", STAFF)
