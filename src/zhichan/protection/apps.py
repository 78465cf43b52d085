from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import STAFF


class ProtectionConfig(Module):
    name = "zhichan.protection"
    label = "protection"
    verbose_name = _("Enforcement and protection")
    menu_group = _("Enforcement and protection")
    menu = [
        Menu(_("Enforcement cases"), "case-list", STAFF),
        Menu(_("Complaints and tips"), "complaint-list", STAFF),
        Menu(_("Mediations"), "mediation-list", STAFF),
        Menu(_("Rights assistance"), "assistance-list", STAFF),
        Menu(_("Transfers to criminal justice"), "transfer-list", STAFF),
    ]
    panels = ["panels.cases_panel"]
    todos = ["todos.unit_todos", "todos_complaints.complaint_todos", "todos_transfers.transfer_todos"]
    alerts = ["services.alerts.dashboard_alerts", "services.alerts_transfers.dashboard_alerts"]
    first_start = ["first_start.first_start", "first_start.first_start_complaints", "first_start.first_start_transfers"]
