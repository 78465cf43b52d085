from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "zhichan.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self):
        from zhichan.core.extensions import (
            register_first_start,
            register_nav,
            register_panel,
            register_target_reader,
            register_todo,
        )
        from zhichan.core.roles import STAFF

        from . import signals, todos
        from .first_start import first_start
        from .panels import targets_panel, township_panel
        from .services.board import programme_targets

        signals.connect()
        register_first_start(first_start)
        register_nav(_("Dashboard"), "dashboard", STAFF)
        register_nav(_("Indicators"), "indicator-list", STAFF)
        register_panel(targets_panel)
        register_panel(township_panel)
        register_todo(todos.office_todos)
        register_todo(todos.unit_todos)
        register_target_reader(programme_targets)
