from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import STAFF


class ProgrammeConfig(Module):
    name = "zhichan.programme"
    label = "programme"
    verbose_name = _("Programme and tasks")
    menu = [Menu(_("Programme"), "programme-list", STAFF)]
    panels = ["panels.programme_panel"]
    todos = ["todos.office_todos", "todos.unit_todos"]
    alerts = ["services.status.dashboard_alerts"]
    first_start = ["first_start.first_start"]
    daily = ["services.reminders.daily_reminders"]  # task deadlines and report due dates
