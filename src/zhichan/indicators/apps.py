from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import STAFF


class IndicatorsConfig(Module):
    name = "zhichan.indicators"
    label = "indicators"
    verbose_name = _("Indicators")
    menu = [Menu(_("Dashboard"), "dashboard", STAFF), Menu(_("Indicators"), "indicator-list", STAFF)]
    panels = ["panels.targets_panel", "panels.township_panel"]
    todos = ["todos.office_todos", "todos.unit_todos"]
    first_start = ["first_start.first_start"]
    target_readers = ["services.targets.programme_targets"]

    def ready(self):
        super().ready()
        from . import signals

        signals.connect()
