"""Transfers to criminal justice (行刑衔接) under 行政执法机关移送涉嫌犯罪案件的规定 (国务院令第310号, 2020 text, arts.
5–12): each step an action that checks which side may take it, moves the transfer's state, keeps its clocks and
leaves an event on the transfer.

Sides: the reporting unit (the case's own; its liaison) reports, records the chief's approval or refusal, sends,
copies the procuratorate, asks for reconsideration or supervision, accepts a refusal, hands the items over and takes
a returned case back; the police unit it went to (its liaison) signs for it, decides whether to open a criminal case
and answers a reconsideration; the procuratorate (its liaison) records its supervision. The office may take any.

Clocks (rules in data/clocks/deadline-rules.yaml, each with its article):
- the report starts `transfer-approval` (3 days, art. 5); the chief's approval or refusal stops it;
- the approval starts `transfer-to-police` (24 hours, kept as 1 calendar day, not moved to a working day; the
  times are kept to the minute beside it, and `Transfer.over_24_hours` says when the hours ran over); sending stops
  it, and the case is transferred then (services/cases.py `transfer`: its own clock stops);
- the police's receipt starts `police-filing-decision` (3 days, art. 8); their decision stops it;
- a refusal starts `reconsideration-request` (3 days from the refusal notice, art. 9); asking for reconsideration
  starts `reconsideration-answer` (3 days, the police's); an answer upholding the refusal starts
  `procuratorate-request` (3 days, art. 9); asking the procuratorate, or accepting the refusal, stops the clock
  then running;
- a criminal case opened (on the transfer, on reconsideration or after supervision) starts `items-handover` (3 days
  from the filing notice, art. 12); the hand-over stops it.
The police's notices are taken to reach the unit on the day of the decision they carry.

A refusal accepted, or a case the police return for administrative handling, ends the transfer and brings the case
back (services/cases.py `take_back`): its clock runs again without the days it was away."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from zhichan.core.actions import action
from zhichan.core.events import record
from zhichan.core.plausible import date_problem
from zhichan.core.roles import Role, role_of
from zhichan.core.scoping import can_edit
from zhichan.core.services import clocks

from ..events import (
    TRANSFER_APPROVED,
    TRANSFER_COPIED,
    TRANSFER_HANDED_OVER,
    TRANSFER_NOT_APPROVED,
    TRANSFER_OPENED,
    TRANSFER_PASSED_ON,
    TRANSFER_RECEIVED,
    TRANSFER_RECONSIDERATION_ANSWERED,
    TRANSFER_RECONSIDERATION_ASKED,
    TRANSFER_REFUSAL_ACCEPTED,
    TRANSFER_REFUSED,
    TRANSFER_REPORTED,
    TRANSFER_RETURNED,
    TRANSFER_SENT,
    TRANSFER_SUPERVISED,
    TRANSFER_SUPERVISION_ASKED,
)
from ..models import Outcome, PoliceDecision, State, Transfer, TransferState
from ..models.transfers import ENDED, REFUSAL
from . import cases

APPROVAL = "transfer-approval"
SENDING = "transfer-to-police"
POLICE_FILING = "police-filing-decision"
RECONSIDERATION_REQUEST = "reconsideration-request"
RECONSIDERATION_ANSWER = "reconsideration-answer"
PROCURATORATE_REQUEST = "procuratorate-request"
HANDOVER = "items-handover"

# The clocks that wait for the police's step; the others wait for the reporting unit's.
POLICE_RULES = (POLICE_FILING, RECONSIDERATION_ANSWER)

BEFORE_DECISION = (State.LEAD, State.FILED, State.INVESTIGATION)
MIN_OFFICERS = 2  # art. 5: a team of two or more officers checks the facts and writes the report

# Why each step is refused in a state that does not allow it, worded for the user.
NEEDS = {
    "approve": gettext_lazy("Only a reported transfer awaits the chief's decision."),
    "not_approve": gettext_lazy("Only a reported transfer awaits the chief's decision."),
    "send": gettext_lazy("Only an approved transfer can be sent."),
    "receive": gettext_lazy("Only a transfer sent to the police can be signed for."),
    "open": gettext_lazy("The police decide on a transfer they have received."),
    "refuse": gettext_lazy("The police decide on a transfer they have received."),
    "pass_on": gettext_lazy("The police decide on a transfer they have received."),
    "ask_reconsideration": gettext_lazy("Reconsideration is asked for after the police refuse to open a case."),
    "answer": gettext_lazy("Only a reconsideration asked for can be answered."),
    "ask_supervision": gettext_lazy("The procuratorate is asked after the police refuse to open a case."),
    "supervise": gettext_lazy("Only a transfer put to the procuratorate awaits its supervision."),
    "come_back": gettext_lazy(
        "A case comes back after a refusal that stands, or when the police return a case they opened."
    ),
}


# --- who acts ---------------------------------------------------------------------------------------------


def _side(user, transfer, unit_id) -> bool:
    """The system; the office of the transfer's organisation; or the liaison of the side's unit."""
    if user is None:
        return True
    if not can_edit(user, transfer):
        return False
    return role_of(user) == Role.OFFICE or (unit_id is not None and user.unit_id == unit_id)


def unit_side(user, arguments) -> bool:
    transfer = arguments["transfer"]
    return _side(user, transfer, transfer.unit_id)


def police_side(user, arguments) -> bool:
    transfer = arguments["transfer"]
    return _side(user, transfer, transfer.police_id)


def procuratorate_side(user, arguments) -> bool:
    transfer = arguments["transfer"]
    return _side(user, transfer, transfer.procuratorate_id)


def may_report(user, arguments) -> bool:
    """The case's own unit (its liaison) or the office, who may edit the case."""
    return user is None or can_edit(user, arguments["case"])


# --- checks -----------------------------------------------------------------------------------------------


def _refused(transfer, why):
    return ValidationError(
        _("The transfer is %(state)s: %(why)s") % {"state": transfer.get_state_display(), "why": why}
    )


def _move(transfer, step: str, *args):
    try:
        getattr(transfer, step)(*args)
        transfer.save()
    except TransitionNotAllowed:
        raise _refused(transfer, NEEDS[step]) from None
    except ConcurrentTransition:
        raise ValidationError(
            _("Someone else has just changed this transfer; reload the page and look again.")
        ) from None
    return transfer


def local_day(moment: datetime.datetime) -> datetime.date:
    """The day in Asia/Shanghai (the site's time zone) of a moment."""
    return timezone.localtime(moment).date()


def _shown(value) -> str:
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    return f"{value:%Y-%m-%d}"


def _check_day(day, earliest, field: str, earliest_name=None):
    """A date given, plausible (not in the future, not before 1950) and not before the step it follows."""
    if day is None:
        raise ValidationError({field: _("Give the date.")})
    problem = date_problem(day, Transfer, "reported_on")
    if problem:
        raise ValidationError({field: problem})
    if isinstance(earliest, datetime.datetime):
        earliest_day = local_day(earliest)
    else:
        earliest_day = earliest
    if earliest_day and day < earliest_day:
        raise ValidationError(
            {
                field: _("The date cannot be before %(what)s (%(day)s).")
                % {"what": earliest_name, "day": _shown(earliest)}
            }
        )


def _check_moment(moment, earliest, field: str, earliest_name=None) -> datetime.datetime:
    """A date and time given, plausible, not later than now and not before the step it follows."""
    if moment is None:
        raise ValidationError({field: _("Give the date and time.")})
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    _check_day(local_day(moment), None, field)
    if moment > timezone.now():
        raise ValidationError({field: _("%(time)s is later than now.") % {"time": _shown(moment)}})
    if isinstance(earliest, datetime.datetime) and moment < earliest:
        raise ValidationError(
            {
                field: _("The time cannot be before %(what)s (%(time)s).")
                % {"what": earliest_name, "time": _shown(earliest)}
            }
        )
    if isinstance(earliest, datetime.date) and not isinstance(earliest, datetime.datetime):
        _check_day(local_day(moment), earliest, field, earliest_name)
    return moment


def _text(value: str, field: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def officer_names(officers) -> list[str]:
    """The officers' names from a list, or from one text separated by commas, 、, semicolons or line breaks."""
    if isinstance(officers, str):
        officers = re.split(r"[,，、;；\n]+", officers)
    names = []
    for name in officers or ():
        name = (name or "").strip()
        if name and name not in names:
            names.append(name)
    return names


def _unit_of_organisation(unit, transfer, field: str):
    if unit is None:
        return
    if unit.organisation_id != transfer.unit.organisation_id or unit.pk == transfer.unit_id:
        raise ValidationError({field: _("Choose another unit of the same organisation.")})


def _stop_running(user, transfer, day):
    """Stop whichever of the transfer's clocks is still running, on the day."""
    for rule in running_rules(transfer):
        clocks.stop_clock(user, transfer, rule, day)


def running_rules(transfer) -> list[str]:
    from django.contrib.contenttypes.models import ContentType

    from zhichan.core.models import Clock

    return list(
        Clock.objects.filter(
            content_type=ContentType.objects.get_for_model(Transfer), object_id=transfer.pk, stopped_on=None
        ).values_list("rule__key", flat=True)
    )


# --- the unit's side ----------------------------------------------------------------------------------------


def open_transfer(case):
    """The case's transfer under way, or None."""
    return Transfer.objects.filter(case=case).exclude(state__in=ENDED).first()


@action(TRANSFER_REPORTED, allow=may_report, data=lambda arguments, transfer: {"case": transfer.case.number})
def report(user, *, case, reported_on: datetime.date, officers, report_note: str = "", synthetic=None) -> Transfer:
    """The transfer report of two or more officers to the chief (art. 5): the case stays where it is until the
    approved transfer goes out; the chief's 3 days run from the report."""
    if case.state not in BEFORE_DECISION:
        raise ValidationError(
            _("The case is %(state)s: only a case not yet decided can be reported for transfer.")
            % {"state": case.get_state_display()}
        )
    under_way = open_transfer(case)
    if under_way is not None:
        raise ValidationError(
            _("This case already has a transfer under way (%(state)s).") % {"state": under_way.get_state_display()}
        )
    names = officer_names(officers)
    if len(names) < MIN_OFFICERS:
        raise ValidationError({"officers": _("Name at least two officers, who checked the facts.")})
    _check_day(reported_on, case.lead_on, "reported_on", _("the lead"))
    transfer = Transfer(
        case=case,
        unit=case.unit,
        reported_on=reported_on,
        officers=names,
        report_note=(report_note or "").strip(),
        synthetic=case.synthetic if synthetic is None else synthetic,
        created_by=user,
    )
    transfer.full_clean(exclude=["state"])
    transfer.save()
    clocks.start_clock(user, transfer, APPROVAL, reported_on)
    return transfer


@action(TRANSFER_APPROVED, allow=unit_side, data=lambda arguments, transfer: {"approver": transfer.approver})
def approve(transfer, user, approver: str, at: datetime.datetime) -> Transfer:
    """The chief approves (art. 5): the transfer must go out within 24 hours."""
    approver = _text(approver, "approver", _("Name the chief who decided."))
    at = _check_moment(at, transfer.reported_on, "at", _("the report"))
    _move(transfer, "approve", approver, at)
    clocks.stop_clock(user, transfer, APPROVAL, local_day(at))
    clocks.start_clock(user, transfer, SENDING, local_day(at))
    return transfer


@action(
    TRANSFER_NOT_APPROVED,
    allow=unit_side,
    reason="reasons",
    data=lambda arguments, transfer: {"approver": transfer.approver},
)
def not_approve(transfer, user, approver: str, at: datetime.datetime, reasons: str) -> Transfer:
    """The chief does not approve, with the reasons recorded (art. 5): the case goes on as an administrative case."""
    approver = _text(approver, "approver", _("Name the chief who decided."))
    reasons = _text(reasons, "reasons", _("Say why."))
    at = _check_moment(at, transfer.reported_on, "at", _("the report"))
    _move(transfer, "not_approve", approver, at, reasons)
    clocks.stop_clock(user, transfer, APPROVAL, local_day(at))
    return transfer


@action(TRANSFER_SENT, allow=unit_side, data=lambda arguments, transfer: {"police": str(transfer.police)})
def send(
    transfer, user, at: datetime.datetime, police, copied_on: datetime.date | None = None, procuratorate=None
) -> Transfer:
    """The approved transfer goes to the police (within 24 hours of the approval): the case is transferred then and
    its own clock stops. A copy to the procuratorate may be recorded at once."""
    if transfer.state != TransferState.APPROVED:
        raise _refused(transfer, NEEDS["send"])
    if police is None:
        raise ValidationError({"police": _("Choose the police unit it goes to.")})
    _unit_of_organisation(police, transfer, "police")
    at = _check_moment(at, transfer.approval_at, "at", _("the approval"))
    _move(transfer, "send", at, police)
    day = local_day(at)
    clocks.stop_clock(user, transfer, SENDING, day)
    cases.transfer(transfer.case, user, day, _("Sent to %(police)s as a suspected crime.") % {"police": police})
    if copied_on is not None or procuratorate is not None:
        _copy(transfer, copied_on, procuratorate)
    return transfer


def _with_procuratorate(transfer, procuratorate):
    if procuratorate is None:
        if transfer.procuratorate_id is None:
            raise ValidationError({"procuratorate": _("Choose the procuratorate.")})
        return
    _unit_of_organisation(procuratorate, transfer, "procuratorate")
    if transfer.procuratorate_id not in (None, procuratorate.pk):
        raise ValidationError(
            {"procuratorate": _("The transfer is already with %(unit)s.") % {"unit": transfer.procuratorate}}
        )
    transfer.procuratorate = procuratorate


def _copy(transfer, day, procuratorate):
    if transfer.copied_on is not None:
        raise ValidationError(_("The copy to the procuratorate is already recorded."))
    _check_day(day, transfer.sent_at, "copied_on", _("the transfer"))
    _with_procuratorate(transfer, procuratorate)
    transfer.copied_on = day
    transfer.save()


@action(TRANSFER_COPIED, allow=unit_side, data=lambda arguments, transfer: {"day": str(transfer.copied_on)})
def copy_to_procuratorate(transfer, user, day: datetime.date, procuratorate=None) -> Transfer:
    """A copy of the transfer to the procuratorate, which then reads it."""
    if transfer.sent_at is None or transfer.state in ENDED:
        raise _refused(transfer, _("A copy goes to the procuratorate once the case is sent."))
    _copy(transfer, day, procuratorate)
    return transfer


@action(TRANSFER_RECONSIDERATION_ASKED, allow=unit_side)
def ask_reconsideration(transfer, user, day: datetime.date) -> Transfer:
    """Within 3 days of the refusal notice the unit may ask the police to reconsider (art. 9); they answer within 3
    days."""
    if transfer.state == TransferState.REFUSED:
        _check_day(day, transfer.police_decided_on, "day", _("the police's decision"))
    _move(transfer, "ask_reconsideration", day)
    clocks.stop_clock(user, transfer, RECONSIDERATION_REQUEST, day)
    clocks.start_clock(user, transfer, RECONSIDERATION_ANSWER, day)
    return transfer


@action(TRANSFER_SUPERVISION_ASKED, allow=unit_side, data=lambda arguments, t: {"procuratorate": str(t.procuratorate)})
def ask_supervision(transfer, user, day: datetime.date, procuratorate=None) -> Transfer:
    """The procuratorate asked to supervise the refusal: at once instead of a reconsideration, or within 3 days of an
    answer upholding the refusal (art. 9)."""
    if transfer.state not in REFUSAL:
        raise _refused(transfer, NEEDS["ask_supervision"])
    if transfer.supervision_asked_on is not None:
        raise ValidationError(_("The procuratorate has already been asked to supervise this transfer."))
    _check_day(day, transfer.refused_on, "day", _("the refusal"))
    running = running_rules(transfer)
    _with_procuratorate(transfer, procuratorate)
    _move(transfer, "ask_supervision", day, transfer.procuratorate)
    for rule in running:
        clocks.stop_clock(user, transfer, rule, day)
    return transfer


@action(TRANSFER_HANDED_OVER, allow=unit_side)
def hand_over(transfer, user, day: datetime.date) -> Transfer:
    """The items and materials handed to the police once they open a criminal case (within 3 days, art. 12)."""
    if transfer.state != TransferState.OPENED:
        raise _refused(transfer, _("Items are handed over once the police open a criminal case."))
    if transfer.handed_over_on is not None:
        raise ValidationError(_("The hand-over is already recorded."))
    _check_day(day, transfer.opened_on, "day", _("the filing notice"))
    transfer.handed_over_on = day
    transfer.save()
    clocks.stop_clock(user, transfer, HANDOVER, day)
    return transfer


def _come_back(transfer, user, day, note):
    if transfer.state in REFUSAL:
        _check_day(day, transfer.refused_on, "day", _("the refusal"))
    elif transfer.state == TransferState.OPENED:
        _check_day(day, transfer.opened_on, "day", _("the filing notice"))
    running = running_rules(transfer) if transfer.state not in ENDED else []
    _move(transfer, "come_back", day, note)
    for rule in running:
        clocks.stop_clock(user, transfer, rule, day)
    cases.take_back(transfer.case, user, day, note)
    return transfer


@action(TRANSFER_REFUSAL_ACCEPTED, allow=unit_side, reason="note")
def accept_refusal(transfer, user, day: datetime.date, note: str = "") -> Transfer:
    """The unit accepts the police's refusal (art. 10: it then deals with the case by law): the case comes back under
    investigation, the days it was with the police not counted."""
    if transfer.state not in REFUSAL:
        raise _refused(transfer, _("Only a refusal can be accepted."))
    return _come_back(transfer, user, day, (note or "").strip())


@action(TRANSFER_RETURNED, allow=unit_side, reason="note")
def take_back(transfer, user, day: datetime.date, note: str) -> Transfer:
    """The police return a case they opened for administrative handling (no criminal liability, but an
    administrative one): the unit records it coming back, with the police's reasons."""
    if transfer.state != TransferState.OPENED:
        raise _refused(transfer, NEEDS["come_back"])
    return _come_back(transfer, user, day, _text(note, "note", _("Say why the police returned it.")))


# --- the police's side ----------------------------------------------------------------------------------------


@action(TRANSFER_RECEIVED, allow=police_side)
def receive(transfer, user, day: datetime.date) -> Transfer:
    """The police sign for the case (art. 7): their 3 days to decide whether to open a criminal case run from it."""
    if transfer.state == TransferState.SENT:
        _check_day(day, transfer.sent_at, "day", _("the transfer"))
    _move(transfer, "receive", day)
    clocks.start_clock(user, transfer, POLICE_FILING, day)
    return transfer


@action(allow=police_side)
def decide(transfer, user, decision: str, day: datetime.date, reasons: str = "", passed_to: str = "") -> Transfer:
    """The police's decision (art. 8): a criminal case opened (the unit then hands the items over within 3 days), none
    opened with the reasons (the unit may ask for reconsideration within 3 days), or the case passed on to the body
    competent for it (art. 7)."""
    if transfer.state == TransferState.RECEIVED:
        _check_day(day, transfer.police_received_on, "day", _("the receipt"))
    reasons = (reasons or "").strip()
    if decision == PoliceDecision.OPENED:
        _move(transfer, "open", day, reasons)
        kind, follows = TRANSFER_OPENED, HANDOVER
    elif decision == PoliceDecision.REFUSED:
        _move(transfer, "refuse", day, _text(reasons, "reasons", _("Give the reasons for not opening a case.")))
        kind, follows = TRANSFER_REFUSED, RECONSIDERATION_REQUEST
    elif decision == PoliceDecision.PASSED_ON:
        body = _text(passed_to, "passed_to", _("Name the body it was passed on to."))
        _move(transfer, "pass_on", day, reasons, body)
        kind, follows = TRANSFER_PASSED_ON, None
    else:
        raise ValidationError({"decision": _("Choose the decision.")})
    clocks.stop_clock(user, transfer, POLICE_FILING, day)
    if follows:
        clocks.start_clock(user, transfer, follows, day)
    record(user, kind, transfer, reason=reasons)
    return transfer


@action(
    TRANSFER_RECONSIDERATION_ANSWERED,
    allow=police_side,
    reason="note",
    data=lambda arguments, transfer: {"outcome": transfer.get_reconsideration_outcome_display()},
)
def answer(transfer, user, outcome: str, day: datetime.date, note: str = "") -> Transfer:
    """The police's answer to the reconsideration (art. 9): a criminal case opened, or the refusal upheld (the unit
    may then go to the procuratorate within 3 days)."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    if transfer.state == TransferState.RECONSIDERING:
        _check_day(day, transfer.reconsideration_asked_on, "day", _("the request"))
    _move(transfer, "answer", day, outcome, (note or "").strip())
    clocks.stop_clock(user, transfer, RECONSIDERATION_ANSWER, day)
    clocks.start_clock(user, transfer, HANDOVER if outcome == Outcome.OPENED else PROCURATORATE_REQUEST, day)
    return transfer


# --- the procuratorate's side -------------------------------------------------------------------------------------


@action(
    TRANSFER_SUPERVISED,
    allow=procuratorate_side,
    reason="note",
    data=lambda arguments, transfer: {"outcome": transfer.get_supervision_outcome_display()},
)
def supervise(transfer, user, outcome: str, day: datetime.date, note: str = "") -> Transfer:
    """What came of the procuratorate's supervision: the police opened a criminal case (the items are then handed over
    within 3 days), or the refusal stands."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    if transfer.state == TransferState.SUPERVISION:
        _check_day(day, transfer.supervision_asked_on, "day", _("the request"))
    _move(transfer, "supervise", day, outcome, (note or "").strip())
    if outcome == Outcome.OPENED:
        clocks.start_clock(user, transfer, HANDOVER, day)
    return transfer


# --- reading ----------------------------------------------------------------------------------------------------


def _clocks(ids, running_only=False):
    from django.contrib.contenttypes.models import ContentType

    from zhichan.core.models import Clock

    rows = Clock.objects.filter(content_type=ContentType.objects.get_for_model(Transfer), object_id__in=list(ids))
    if running_only:
        rows = rows.filter(stopped_on=None)
    return rows.select_related("rule").prefetch_related("extensions", "excluded")


def transfer_readings(transfer, day: datetime.date | None = None) -> list:
    """Every clock of the transfer read on the day, in the order they started."""
    from zhichan.core.clocks import clock
    from zhichan.core.services.calendar import WorkCalendar

    calendar = WorkCalendar()
    return [clock(row, day, calendar=calendar) for row in _clocks([transfer.pk])]


def open_readings(transfers, day: datetime.date | None = None) -> dict[int, list]:
    """{transfer id: readings of its clocks still running, the least time left first} for the transfers."""
    from zhichan.core.clocks import clock
    from zhichan.core.services.calendar import WorkCalendar

    calendar, day = WorkCalendar(), day or timezone.localdate()
    found: dict[int, list] = {}
    for row in _clocks([transfer.pk for transfer in transfers], running_only=True):
        found.setdefault(row.object_id, []).append(clock(row, day, calendar=calendar))
    for readings in found.values():
        readings.sort(key=lambda reading: reading.due)
    return found
