"""The protection module's kinds of events, all on the case they concern."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

CASE_OPENED = EventKind("case.opened", _("lead received"))
CASE_FILED = EventKind("case.filed", _("case filed"))
CASE_NOT_FILED = EventKind("case.not_filed", _("not filed"))
CASE_INVESTIGATING = EventKind("case.investigating", _("investigation begun"))
CASE_DECIDED = EventKind("case.decided", _("decision made"))
CASE_ENFORCING = EventKind("case.enforcing", _("enforcement begun"))
CASE_CLOSED = EventKind("case.closed", _("case closed"))
CASE_TRANSFERRED = EventKind("case.transferred", _("transferred to the police"))
CASE_WITHDRAWN = EventKind("case.withdrawn", _("withdrawn"))
CASE_SUSPENDED = EventKind("case.suspended", _("period not counted begun"))
CASE_RESUMED = EventKind("case.resumed", _("period not counted ended"))
CASE_EXTENDED = EventKind("case.extended", _("time limit extended"))
PARTY_ADDED = EventKind("case.party_added", _("party added"))

COMPLAINT_RECEIVED = EventKind("complaint.received", _("complaint or tip received"))
COMPLAINT_ROUTED = EventKind("complaint.routed", _("routed to a unit"))
COMPLAINT_HANDED_BACK = EventKind("complaint.handed_back", _("handed back"))
COMPLAINT_ACCEPTED = EventKind("complaint.accepted", _("complaint accepted"))
COMPLAINT_NOT_ACCEPTED = EventKind("complaint.not_accepted", _("not accepted"))
COMPLAINT_REPLIED = EventKind("complaint.replied", _("replied"))
COMPLAINT_CLOSED = EventKind("complaint.closed", _("complaint or tip closed"))
COMPLAINT_CASE_OPENED = EventKind("complaint.case_opened", _("case opened from it"))
