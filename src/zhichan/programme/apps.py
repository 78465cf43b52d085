from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "zhichan.programme"
    label = "programme"
    verbose_name = _("Programme and tasks")

    def ready(self):
        from zhichan.core.extensions import (
            register_alerts,
            register_first_start,
            register_nav,
            register_panel,
            register_todo,
        )
        from zhichan.core.roles import STAFF

        from . import todos
        from .first_start import first_start
        from .panels import programme_panel
        from .services.status import task_alerts

        register_panel(programme_panel)
        register_alerts(task_alerts)
        register_first_start(first_start)
        register_nav(_("Programme"), "programme-list", STAFF)
        register_todo(todos.office_todos)
        register_todo(todos.unit_todos)
