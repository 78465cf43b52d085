"""Complaints and tips (投诉举报): each step an action that checks who acts, moves the state, keeps the clocks and
leaves an event on the complaint.

`take_complaint` is the one intake, for the office, a unit and (later) the public portal (user None). Receiving
starts the acceptance clock on the day received; routing and handing back leave it running (the time limit is the
receiving authority's, whoever holds the complaint); accepting stops it and starts the reply clock; not accepting
stops it; the reply stops the reply clock. Opening a case from an accepted complaint enters the case's lead through
services/cases.py with the source "complaint" and links the two."""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from zhichan.core.actions import action
from zhichan.core.events import record
from zhichan.core.plausible import date_problem
from zhichan.core.roles import Role, role_of
from zhichan.core.scoping import can_edit, works_for
from zhichan.core.services import clocks

from ..events import (
    COMPLAINT_ACCEPTED,
    COMPLAINT_CASE_OPENED,
    COMPLAINT_CLOSED,
    COMPLAINT_HANDED_BACK,
    COMPLAINT_NOT_ACCEPTED,
    COMPLAINT_RECEIVED,
    COMPLAINT_REPLIED,
    COMPLAINT_ROUTED,
)
from ..models import Channel, Complaint, ComplaintKind, ComplaintState, IPType, PartyKind, Source
from . import cases

MASK = "••••"


def may_edit(user, arguments) -> bool:
    """The system, or a user who may edit the complaint (its handling unit's liaison, the office)."""
    return user is None or can_edit(user, arguments["complaint"])


def office_may_edit(user, arguments) -> bool:
    """Routing is the office's (of the complaint's organisation), or the system's."""
    return user is None or (role_of(user) == Role.OFFICE and can_edit(user, arguments["complaint"]))


NEEDS = {
    "route": gettext_lazy("Only a complaint not yet accepted can be routed."),
    "hand_back": gettext_lazy("Only a complaint routed to your unit can be handed back."),
    "accept": gettext_lazy("Only a complaint awaiting acceptance can be accepted."),
    "decline": gettext_lazy("Only a complaint awaiting acceptance can be not accepted."),
    "answer": gettext_lazy("Only an accepted complaint can be replied to."),
    "close": gettext_lazy("A complaint is closed after its reply or after it was not accepted."),
}


def _move(complaint, step: str, *args):
    try:
        getattr(complaint, step)(*args)
        complaint.save()
    except TransitionNotAllowed:
        raise ValidationError(
            _("The complaint is %(state)s: %(why)s") % {"state": complaint.get_state_display(), "why": NEEDS[step]}
        ) from None
    except ConcurrentTransition:
        raise ValidationError(
            _("Someone else has just changed this complaint; reload the page and look again.")
        ) from None
    return complaint


def _check_day(day, earliest, field: str, earliest_name=None):
    if day is None:
        raise ValidationError({field: _("Give the date.")})
    problem = date_problem(day, Complaint, "received_on")
    if problem:
        raise ValidationError({field: problem})
    if earliest and day < earliest:
        raise ValidationError(
            {field: _("The date cannot be before %(what)s (%(day)s).") % {"what": earliest_name, "day": earliest}}
        )


def _text(value: str, field: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


@action()
def take_complaint(
    user,
    *,
    unit,
    kind: str,
    channel: str,
    received_on: datetime.date,
    matter: str,
    ip_type: str = IPType.OTHER,
    anonymous: bool = False,
    complainant_name: str = "",
    complainant_contact: str = "",
    complainant_id_number: str = "",
    respondent_name: str = "",
    respondent_credit_code: str = "",
    synthetic: bool = False,
) -> Complaint:
    """Take in a complaint or tip, held first by the unit that received it; its acceptance clock starts on the
    day received. A complaint names its complainant; only a tip may be anonymous."""
    if user is not None and not works_for(user, unit):
        raise PermissionDenied(_("You may take in complaints only for your own unit."))
    if kind not in ComplaintKind.values:
        raise ValidationError({"kind": _("Choose complaint or tip.")})
    if channel not in Channel.values:
        raise ValidationError({"channel": _("Choose the channel.")})
    name, contact = (complainant_name or "").strip(), (complainant_contact or "").strip()
    id_number = (complainant_id_number or "").strip().upper()
    if anonymous:
        if kind != ComplaintKind.TIP:
            raise ValidationError({"anonymous": _("Only a tip may be anonymous; a complaint names its complainant.")})
        name = contact = id_number = ""
    elif not name:
        raise ValidationError({"complainant_name": _("Give the complainant's name, or take it as an anonymous tip.")})
    if id_number and not re.fullmatch(r"\d{17}[\dX]", id_number):
        raise ValidationError(
            {"complainant_id_number": _("An ID number has 18 characters: 17 digits and a digit or X.")}
        )
    credit_code = (respondent_credit_code or "").strip().upper()
    if credit_code and not re.fullmatch(r"[0-9A-Z]{18}", credit_code):
        raise ValidationError({"respondent_credit_code": _("A unified social credit code has 18 letters and digits.")})
    _check_day(received_on, None, "received_on")
    complaint = Complaint(
        kind=kind,
        channel=channel,
        received_on=received_on,
        received_by=unit,
        unit=unit,
        anonymous=anonymous,
        complainant_name=name,
        complainant_contact=contact,
        complainant_id_number=id_number,
        matter=_text(matter, "matter", _("Say what the complaint is about.")),
        respondent_name=(respondent_name or "").strip(),
        respondent_credit_code=credit_code,
        ip_type=ip_type,
        synthetic=synthetic,
        created_by=user,
    )
    complaint.full_clean(exclude=["state"])
    complaint.save()
    clocks.start_clock(user, complaint, complaint.acceptance_rule, received_on)
    record(user, COMPLAINT_RECEIVED, complaint, kind=kind, channel=channel)
    return complaint


@action(COMPLAINT_ROUTED, allow=office_may_edit, data=lambda arguments, c: {"to": str(c.unit)})
def route(complaint, user, unit, day: datetime.date) -> Complaint:
    """The office sends the complaint to the competent unit (again, to another one, after it was handed back)."""
    if unit is None or unit.organisation_id != complaint.unit.organisation_id:
        raise ValidationError({"unit": _("Choose a unit of this organisation.")})
    if unit.pk == complaint.unit_id and complaint.state == ComplaintState.ROUTED:
        raise ValidationError({"unit": _("The complaint is already with that unit.")})
    _check_day(day, complaint.received_on, "day", _("the day received"))
    return _move(complaint, "route", unit, day)


@action(COMPLAINT_HANDED_BACK, allow=may_edit, reason="note")
def hand_back(complaint, user, note: str) -> Complaint:
    """A unit that is not competent hands a routed complaint back, saying why; it goes back to the unit that took
    it in, and the office routes it again."""
    if complaint.unit_id == complaint.received_by_id:
        raise ValidationError(_("The complaint is with the unit that took it in: there is no one to hand it back to."))
    note = _text(note, "note", _("Say why."))
    return _move(complaint, "hand_back", note)


@action(COMPLAINT_ACCEPTED, allow=may_edit)
def accept(complaint, user, day: datetime.date) -> Complaint:
    """受理: stops the acceptance clock and starts the reply clock on the day of acceptance."""
    _check_day(day, complaint.received_on, "day", _("the day received"))
    _move(complaint, "accept", day)
    clocks.stop_clock(user, complaint, complaint.acceptance_rule, day)
    clocks.start_clock(user, complaint, complaint.reply_rule, day)
    return complaint


@action(COMPLAINT_NOT_ACCEPTED, allow=may_edit, reason="reason")
def decline(complaint, user, day: datetime.date, reason: str) -> Complaint:
    """不予受理, with the reason told to the complainant; stops the acceptance clock."""
    _check_day(day, complaint.received_on, "day", _("the day received"))
    reason = _text(reason, "reason", _("Say why."))
    _move(complaint, "decline", day, reason)
    clocks.stop_clock(user, complaint, complaint.acceptance_rule, day)
    return complaint


@action(COMPLAINT_REPLIED, allow=may_edit)
def answer(complaint, user, day: datetime.date, text: str) -> Complaint:
    """The reply to the complainant (its text and date); stops the reply clock."""
    _check_day(day, complaint.accepted_on, "day", _("the acceptance"))
    text = _text(text, "text", _("Give the reply."))
    _move(complaint, "answer", day, text)
    clocks.stop_clock(user, complaint, complaint.reply_rule, day)
    return complaint


@action(COMPLAINT_CLOSED, allow=may_edit)
def close(complaint, user, day: datetime.date) -> Complaint:
    _check_day(day, complaint.replied_on or complaint.not_accepted_on, "day", _("the reply"))
    return _move(complaint, "close", day)


@action(COMPLAINT_CASE_OPENED, allow=may_edit, data=lambda arguments, c: {"case": c.case.number})
def open_case(complaint, user, *, number: str, title: str, kind, lead_on: datetime.date, township=None):
    """Enter a case's lead from an accepted complaint (source: complaint), with the party complained about, and
    link it to the complaint. The case belongs to the complaint's handling unit."""
    if complaint.state not in (ComplaintState.ACCEPTED, ComplaintState.HANDLED):
        raise ValidationError(_("A case is opened from an accepted complaint."))
    if complaint.case_id:
        raise ValidationError(_("A case was already opened from this complaint: %(case)s.") % {"case": complaint.case})
    _check_day(lead_on, complaint.received_on, "lead_on", _("the day received"))
    parties = []
    if complaint.respondent_name:
        parties.append(
            {
                "kind": PartyKind.ORGANISATION,
                "name": complaint.respondent_name,
                "credit_code": complaint.respondent_credit_code,
            }
        )
    case = cases.open_case(
        user,
        unit=complaint.unit,
        number=number,
        title=title,
        kind=kind,
        source=Source.COMPLAINT,
        lead_on=lead_on,
        township=township,
        parties=parties,
        synthetic=complaint.synthetic,
    )
    complaint.case = case
    complaint.save(update_fields=["case", "updated"])
    return complaint


# --- reading ---------------------------------------------------------------------------------------------


def sees_identity(user, complaint) -> bool:
    """The complainant's identity: only the handling unit and the office read it."""
    return user is not None and (role_of(user) == Role.OFFICE or works_for(user, complaint.unit))


def identity(complaint, user) -> dict:
    """The complainant's name, contact and ID number as the user may read them (masked otherwise)."""
    fields = ("complainant_name", "complainant_contact", "complainant_id_number")
    shown = sees_identity(user, complaint)
    return {field: (getattr(complaint, field) if shown else _masked(getattr(complaint, field))) for field in fields}


def _masked(value: str) -> str:
    return MASK if value else ""


def _clocks(ids):
    from django.contrib.contenttypes.models import ContentType

    from zhichan.core.models import Clock

    return (
        Clock.objects.filter(content_type=ContentType.objects.get_for_model(Complaint), object_id__in=list(ids))
        .select_related("rule")
        .prefetch_related("extensions", "excluded")
    )


def complaint_readings(complaint, day: datetime.date | None = None) -> list:
    """Every clock of the complaint read on the day, in the order they started."""
    from zhichan.core.clocks import clock
    from zhichan.core.services.calendar import WorkCalendar

    calendar = WorkCalendar()
    return [clock(row, day, calendar=calendar) for row in _clocks([complaint.pk])]


def running_readings(complaints, day: datetime.date | None = None) -> dict:
    """{complaint id: reading of its running clock} for the complaints that have one."""
    from django.utils import timezone

    from zhichan.core.clocks import clock
    from zhichan.core.services.calendar import WorkCalendar

    wanted = {complaint.pk: complaint.running_rule for complaint in complaints if complaint.running_rule}
    calendar, day = WorkCalendar(), day or timezone.localdate()
    return {
        row.object_id: clock(row, day, calendar=calendar)
        for row in _clocks(wanted)
        if wanted[row.object_id] == row.rule.key
    }
