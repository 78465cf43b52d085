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
        Menu(_("Special enforcement actions"), "special-action-list", STAFF),
        Menu(_("Transfers to criminal justice"), "transfer-list", STAFF),
        Menu(_("Shared case pool"), "pool-list", STAFF),
        Menu(_("Joint meetings"), "meeting-list", STAFF),
    ]
    panels = ["panels.cases_panel"]
    todos = [
        "todos.unit_todos",
        "todos_complaints.complaint_todos",
        "todos_meetings.meeting_todos",
        "todos_transfers.transfer_todos",
    ]
    alerts = [
        "services.alerts.dashboard_alerts",
        "services.alerts_transfers.dashboard_alerts",
        "services.alerts.meeting_alerts",
    ]
    daily = ["services.reminders.daily_reminders"]  # cases' time limits near or past
    first_start = ["first_start.first_start", "first_start.first_start_complaints", "first_start.first_start_transfers"]
    # After every demo case: what a case keeps of its clocks, then the actions and meetings naming them.
    first_start += ["services.clock_fields.first_start"]
    first_start += ["first_start.first_start_special_actions", "first_start.first_start_meetings"]
    # What a case keeps of its clocks follows edits made outside the case actions (services/clock_fields.py).
    signals = ["clock_signals"]
    api_enums = {
        "CaseStateEnum": "zhichan.protection.models.State",
        "CaseSourceEnum": "zhichan.protection.models.Source",
        "DecisionStateEnum": "zhichan.protection.models.DecisionState",
        "PartyKindEnum": "zhichan.protection.models.PartyKind",
        "IpTypeEnum": "zhichan.protection.models.IPType",
        "TransferOutcomeEnum": "zhichan.protection.models.Outcome",
    }
