"""The protection module's kinds of events, all on the case they concern."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind
from zhichan.core.models import PeriodUnit

from .pauses import Pause


def _pause(key: str) -> str:
    return str(Pause.LABELS.get(key, key))


def _unit(unit: str) -> str:
    return str(PeriodUnit(unit).label) if unit in PeriodUnit.values else unit


CASE_OPENED = EventKind("case.opened", _("lead received"))
CASE_FILED = EventKind("case.filed", _("case filed"))
CASE_NOT_FILED = EventKind("case.not_filed", _("not filed"))
CASE_INVESTIGATING = EventKind("case.investigating", _("investigation begun"))
CASE_DECIDED = EventKind("case.decided", _("decision made"))
CASE_ENFORCING = EventKind("case.enforcing", _("enforcement begun"))
CASE_CLOSED = EventKind("case.closed", _("case closed"))
CASE_TRANSFERRED = EventKind("case.transferred", _("transferred to the police"))
CASE_WITHDRAWN = EventKind("case.withdrawn", _("withdrawn"))
CASE_SUSPENDED = EventKind("case.suspended", _("period not counted begun"), shown={"pause": _pause})
CASE_RESUMED = EventKind("case.resumed", _("period not counted ended"))
CASE_EXTENDED = EventKind(
    "case.extended",
    _("time limit extended"),
    shown={"period_unit": _unit},
    order=("length", "period_unit", "approver"),
)
PARTY_ADDED = EventKind("case.party_added", _("party added"))

COMPLAINT_RECEIVED = EventKind("complaint.received", _("complaint or tip received"))
COMPLAINT_ROUTED = EventKind("complaint.routed", _("routed to a unit"))
COMPLAINT_HANDED_BACK = EventKind("complaint.handed_back", _("handed back"))
COMPLAINT_ACCEPTED = EventKind("complaint.accepted", _("complaint accepted"))
COMPLAINT_NOT_ACCEPTED = EventKind("complaint.not_accepted", _("not accepted"))
COMPLAINT_REPLIED = EventKind("complaint.replied", _("replied"))
COMPLAINT_CLOSED = EventKind("complaint.closed", _("complaint or tip closed"))
COMPLAINT_CASE_OPENED = EventKind("complaint.case_opened", _("case opened from it"))
# Mediations and their judicial confirmation; rights-assistance requests.
MEDIATION_OPENED = EventKind("mediation.opened", _("dispute taken in for mediation"))
MEDIATION_SESSION = EventKind("mediation.session", _("mediation session held"))
MEDIATION_AGREED = EventKind("mediation.agreed", _("mediation agreement reached"))
MEDIATION_FAILED = EventKind("mediation.failed", _("mediation failed"))
MEDIATION_WITHDRAWN = EventKind("mediation.withdrawn", _("mediation withdrawn"))
MEDIATION_REFERRED = EventKind("mediation.referred", _("referred to arbitration"))
AGREEMENT_ATTACHED = EventKind("mediation.agreement_attached", _("agreement attached"))
CONFIRMATION_APPLIED = EventKind("mediation.confirmation_applied", _("judicial confirmation applied for"))
CONFIRMATION_RULED = EventKind("mediation.confirmation_ruled", _("court's ruling entered"))
ASSISTANCE_OPENED = EventKind("assistance.opened", _("rights-assistance request taken in"))
ASSISTANCE_CLOSED = EventKind("assistance.closed", _("rights-assistance request closed"))
# Special enforcement actions (专项行动), their inspections, and the cases linked to them.
SPECIAL_ACTION_CREATED = EventKind("special_action.created", _("special action set up"))
SPECIAL_ACTION_CHANGED = EventKind("special_action.changed", _("special action changed"))
INSPECTION_RECORDED = EventKind("inspection.recorded", _("inspection recorded"))
CASE_ACTION_LINKED = EventKind("case.action_linked", _("special action of the case set"))

# Joint meetings (联席会议) and their decisions; the frequency of plenary meetings.


def _meeting_kind(kind) -> str:
    from .models import MeetingKind

    return str(dict(MeetingKind.choices).get(kind, kind))


def _present(count) -> str:
    from django.utils.translation import ngettext

    return ngettext("%(n)d unit present", "%(n)d units present", count) % {"n": count}


def _unit_before(name) -> str:
    from django.utils.translation import gettext

    return gettext("before: %(unit)s") % {"unit": name}


def _unit_after(name) -> str:
    from django.utils.translation import gettext

    return gettext("now: %(unit)s") % {"unit": name}


MEETING_RECORDED = EventKind(
    "meeting.recorded", _("joint meeting recorded"), shown={"kind": _meeting_kind, "units": _present}
)
MINUTES_ATTACHED = EventKind("meeting.minutes_attached", _("minutes attached"))
DECISION_ADDED = EventKind("decision.added", _("decision recorded"))
DECISION_PROGRESS = EventKind("decision.progress", _("progress reported"))
DECISION_DONE = EventKind("decision.done", _("decision carried out"))
DECISION_REASSIGNED = EventKind(
    "decision.reassigned", _("decision reassigned"), shown={"before_name": _unit_before, "unit_name": _unit_after}
)
DECISION_CANCELLED = EventKind("decision.cancelled", _("decision cancelled"))


def _every(months) -> str:
    from django.utils.translation import ngettext

    return ngettext("every month", "every %(n)d months", months) % {"n": months}


def _notice(days) -> str:
    from django.utils.translation import ngettext

    return ngettext("reminded %(n)d day ahead", "reminded %(n)d days ahead", days) % {"n": days}


FREQUENCY_SET = EventKind(
    "meeting.frequency_set",
    _("frequency of joint meetings set"),
    shown={"months": _every, "notice_days": _notice},
)

# Transfers to criminal justice (行刑衔接), on the transfer; the case's own return on the case.
TRANSFER_REPORTED = EventKind("transfer.reported", _("reported for transfer to the police"))
TRANSFER_APPROVED = EventKind("transfer.approved", _("transfer approved"))
TRANSFER_NOT_APPROVED = EventKind("transfer.not_approved", _("transfer not approved"))
TRANSFER_SENT = EventKind("transfer.sent", _("case sent to the police"))
TRANSFER_COPIED = EventKind("transfer.copied", _("copy sent to the procuratorate"))
TRANSFER_RECEIVED = EventKind("transfer.received", _("received by the police"))
TRANSFER_OPENED = EventKind("transfer.opened", _("criminal case opened by the police"))
TRANSFER_REFUSED = EventKind("transfer.refused", _("no criminal case opened by the police"))
TRANSFER_PASSED_ON = EventKind("transfer.passed_on", _("passed on by the police to another body"))
TRANSFER_RECONSIDERATION_ASKED = EventKind("transfer.reconsideration_asked", _("reconsideration asked for"))
TRANSFER_RECONSIDERATION_ANSWERED = EventKind("transfer.reconsideration_answered", _("reconsideration answered"))
TRANSFER_SUPERVISION_ASKED = EventKind("transfer.supervision_asked", _("procuratorate asked to supervise"))
TRANSFER_SUPERVISED = EventKind("transfer.supervised", _("procuratorate's supervision recorded"))
TRANSFER_HANDED_OVER = EventKind("transfer.handed_over", _("items and materials handed over"))
TRANSFER_REFUSAL_ACCEPTED = EventKind("transfer.refusal_accepted", _("refusal accepted, case taken back"))
TRANSFER_RETURNED = EventKind("transfer.returned", _("returned for administrative handling"))
CASE_TAKEN_BACK = EventKind("case.taken_back", _("back from the police for administrative handling"))
