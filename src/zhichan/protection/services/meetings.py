"""Joint meetings (联席会议) and their decisions: recording a meeting with the units present and its minutes, its
decisions as action items, their progress, completion, reassignment and cancellation, and the organisation's
frequency of plenary meetings. Each action checks who may act (saying why when refused), runs in one transaction
and leaves an event.

When a plenary meeting is due (`meeting_due`): the last plenary meeting held on or before the day, plus the
organisation's interval in months (core.clocks.add_months: the same day of the month, or the month's last day);
with none held yet, the first is due at once. Special meetings (专题会议) are held as matters require and do not
count. The interval is the office's setting (`MeetingFrequency`): the work plan says only 定期召开 (四(四)3)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Min, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from zhichan.core.actions import action
from zhichan.core.clocks import add_months
from zhichan.core.models import Region
from zhichan.core.plausible import date_problem
from zhichan.core.roles import Role, role_of
from zhichan.core.scoping import can_edit
from zhichan.core.services import attachments
from zhichan.core.services.filetypes import DOCUMENTS

from ..events import (
    DECISION_ADDED,
    DECISION_CANCELLED,
    DECISION_DONE,
    DECISION_PROGRESS,
    DECISION_REASSIGNED,
    FREQUENCY_SET,
    MEETING_RECORDED,
    MINUTES_ATTACHED,
)
from ..models import (
    DecisionState,
    JointMeeting,
    MeetingAttendance,
    MeetingDecision,
    MeetingFrequency,
    MeetingKind,
)
from ..models.meetings import DEFAULT_MONTHS, DEFAULT_NOTICE_DAYS

MINUTES = "minutes"  # the attachment kind of a meeting's minutes
DECISION_NOTICE_DAYS = 14  # a unit's to-do shows its open decisions this close to their deadline, and past it
MAX_MONTHS = 36
MAX_NOTICE_DAYS = 366

NEEDS_OPEN = gettext_lazy("only an open decision can be changed.")


# --- who may act -----------------------------------------------------------------------------------------------


def office_of(user, organisation_id) -> bool:
    """The office of that organisation (an office account without a unit, the operator's, for any)."""
    if role_of(user) != Role.OFFICE:
        return False
    return not user.unit_id or user.unit.organisation_id == organisation_id


def may_manage(user, meeting) -> bool:
    """May record the meeting's minutes and decisions, reassign and cancel them: its office, or the system."""
    return user is None or office_of(user, meeting.organisation_id)


def may_act(user, decision) -> bool:
    """May report progress on the decision and mark it done: the assigned unit's liaison, the office, the system."""
    return user is None or can_edit(user, decision)


def _must_manage(user, organisation_id, message):
    if user is not None and not office_of(user, organisation_id):
        raise PermissionDenied(message)


def _must_act(user, decision):
    if not may_act(user, decision):
        raise PermissionDenied(
            _("Only the assigned unit (%(unit)s) or the programme office may act on this decision.")
            % {"unit": decision.unit}
        )


# --- checks ----------------------------------------------------------------------------------------------------


def _text(value, field: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _check_day(day, model, name: str, field: str, earliest=None, earliest_name=None):
    if day is None:
        raise ValidationError({field: _("Give the date.")})
    problem = date_problem(day, model, name)
    if problem:
        raise ValidationError({field: problem})
    if earliest and day < earliest:
        raise ValidationError(
            {field: _("The date cannot be before %(what)s (%(day)s).") % {"what": earliest_name, "day": earliest}}
        )


def _check_unit(unit, organisation_id, field: str):
    if unit is None:
        raise ValidationError({field: _("Choose the unit.")})
    if unit.organisation_id != organisation_id:
        raise ValidationError({field: _("%(unit)s is not a unit of this organisation.") % {"unit": unit}})


def _check_deadline(deadline, meeting, field="deadline"):
    if deadline is None:
        raise ValidationError({field: _("Give the deadline.")})
    problem = date_problem(deadline, MeetingDecision, "deadline")
    if problem:
        raise ValidationError({field: problem})
    if deadline < meeting.held_on:
        raise ValidationError(
            {field: _("The deadline cannot be before the meeting (%(day)s).") % {"day": meeting.held_on}}
        )


def _refused(decision, why):
    return ValidationError(
        _("The decision is %(state)s: %(why)s") % {"state": decision.get_state_display(), "why": why}
    )


def _move(decision, step: str, day, note):
    try:
        getattr(decision, step)(day, note)
        decision.save()
    except TransitionNotAllowed:
        raise _refused(decision, NEEDS_OPEN) from None
    except ConcurrentTransition:
        raise ValidationError(
            _("Someone else has just changed this decision; reload the page and look again.")
        ) from None
    return decision


def _open(decision):
    if decision.state != DecisionState.OPEN:
        raise _refused(decision, NEEDS_OPEN)


# --- meetings --------------------------------------------------------------------------------------------------


@action(MEETING_RECORDED, data=lambda arguments, meeting: {"kind": meeting.kind, "units": meeting.attendance.count()})
def record_meeting(
    user,
    *,
    title: str,
    kind: str,
    held_on: datetime.date,
    convener,
    units_present=(),
    agenda: str = "",
    minutes=None,
    synthetic: bool = False,
) -> JointMeeting:
    """Record a joint meeting held: the convening unit (always counted as present), the units present, the agenda,
    and the minutes' file if given. The office of the convening unit's organisation records it."""
    if convener is None:
        raise ValidationError({"convener": _("Choose the convening unit.")})
    organisation_id = convener.organisation_id
    _must_manage(user, organisation_id, _("Only the programme office records joint meetings."))
    title = _text(title, "title", _("Name the meeting."))
    if kind not in MeetingKind.values:
        raise ValidationError({"kind": _("Choose plenary or special meeting.")})
    _check_day(held_on, JointMeeting, "held_on", "held_on")
    units = list(units_present or [])
    if not units:
        raise ValidationError({"units_present": _("Tick the units present at the meeting.")})
    for unit in units:
        _check_unit(unit, organisation_id, "units_present")
    present = {unit.pk: unit for unit in [convener, *units]}
    meeting = JointMeeting(
        organisation_id=organisation_id,
        title=title,
        kind=kind,
        held_on=held_on,
        convener=convener,
        agenda=(agenda or "").strip(),
        synthetic=synthetic,
        created_by=user,
    )
    meeting.full_clean()
    meeting.save()
    for unit in present.values():
        MeetingAttendance.objects.create(meeting=meeting, unit=unit)
    if minutes is not None:
        _attach(meeting, user, minutes)
    return meeting


def _attach(meeting, user, uploaded):
    return attachments.attach(
        user, meeting, uploaded, kind=MINUTES, accept=DOCUMENTS, may_write=lambda user, record: may_manage(user, record)
    )


@action(MINUTES_ATTACHED, on="meeting", data=lambda arguments, file: {"name": file.name, "size": file.size})
def attach_minutes(meeting, user, uploaded):
    """The minutes (纪要) of a meeting: a PDF, scan or office file, read by every staff user of the organisation."""
    _must_manage(user, meeting.organisation_id, _("Only the programme office attaches a meeting's minutes."))
    if uploaded is None:
        raise ValidationError({"minutes": _("Choose the file of the minutes.")})
    return _attach(meeting, user, uploaded)


def minutes_files(meeting):
    from zhichan.core.models import Attachment

    return Attachment.objects.on(meeting).filter(kind=MINUTES).order_by("pk")


# --- decisions -------------------------------------------------------------------------------------------------


def _decision_data(arguments, decision) -> dict:
    return {"unit": decision.unit_id, "unit_name": decision.unit.name, "deadline": decision.deadline.isoformat()}


@action(DECISION_ADDED, data=_decision_data)
def add_decision(
    user, *, meeting, text: str, unit, deadline: datetime.date, synthetic: bool = False
) -> MeetingDecision:
    """A decision of the meeting, assigned to a unit of its organisation with a deadline on or after the meeting."""
    if meeting is None:
        raise ValidationError({"meeting": _("Choose the meeting.")})
    _must_manage(user, meeting.organisation_id, _("Only the programme office records a meeting's decisions."))
    text = _text(text, "text", _("Say what was decided."))
    _check_unit(unit, meeting.organisation_id, "unit")
    _check_deadline(deadline, meeting)
    JointMeeting.objects.select_for_update().filter(pk=meeting.pk).first()  # numbers are given one at a time
    number = (meeting.decisions.aggregate(last=Max("number"))["last"] or 0) + 1
    decision = MeetingDecision(
        meeting=meeting, number=number, text=text, unit=unit, deadline=deadline, synthetic=synthetic
    )
    decision.full_clean(exclude=["state"])
    decision.save()
    return decision


@action(
    DECISION_PROGRESS, on="decision", reason="note", data=lambda arguments, decision: {"day": str(decision.progress_on)}
)
def report_progress(decision, user, day: datetime.date, note: str) -> MeetingDecision:
    """The assigned unit says how far it has got (the latest report is kept on the decision, each one in its log)."""
    _must_act(user, decision)
    _open(decision)
    _check_day(day, MeetingDecision, "progress_on", "day", decision.meeting.held_on, _("the meeting"))
    decision.progress = _text(note, "note", _("Say what has been done so far."))
    decision.progress_on = day
    decision.full_clean(exclude=["state"])
    decision.save()
    return decision


@action(DECISION_DONE, on="decision", reason="note", data=lambda arguments, decision: {"day": str(decision.done_on)})
def mark_done(decision, user, day: datetime.date, note: str) -> MeetingDecision:
    """The assigned unit has carried the decision out, on the day given, saying what was done."""
    _must_act(user, decision)
    _open(decision)
    _check_day(day, MeetingDecision, "done_on", "day", decision.meeting.held_on, _("the meeting"))
    note = _text(note, "note", _("Say what was done."))
    return _move(decision, "finish", day, note)


@action(
    DECISION_REASSIGNED,
    on="decision",
    reason="note",
    data=lambda arguments, decision: {
        "before": arguments["decision"]._before_id,
        "before_name": arguments["decision"]._before_name,
        **_decision_data(arguments, decision),
    },
)
def reassign(decision, user, unit, note: str, deadline: datetime.date | None = None) -> MeetingDecision:
    """The office gives an open decision to another unit (and, if given, a new deadline), saying why."""
    meeting = decision.meeting
    _must_manage(user, meeting.organisation_id, _("Only the programme office may reassign a decision."))
    _open(decision)
    _check_unit(unit, meeting.organisation_id, "unit")
    if deadline is not None:
        _check_deadline(deadline, meeting)
    if unit.pk == decision.unit_id and deadline in (None, decision.deadline):
        raise ValidationError({"unit": _("The decision is already assigned to %(unit)s.") % {"unit": unit}})
    note = _text(note, "note", _("Say why."))
    decision._before_id, decision._before_name = decision.unit_id, decision.unit.name
    decision.unit = unit
    if deadline is not None:
        decision.deadline = deadline
    decision.full_clean(exclude=["state"])
    decision.save()
    return decision


@action(
    DECISION_CANCELLED,
    on="decision",
    reason="note",
    data=lambda arguments, decision: {"day": str(decision.cancelled_on)},
)
def cancel(decision, user, day: datetime.date, note: str) -> MeetingDecision:
    """The office cancels an open decision (overtaken by events, merged into another), saying why."""
    _must_manage(user, decision.meeting.organisation_id, _("Only the programme office may cancel a decision."))
    _open(decision)
    _check_day(day, MeetingDecision, "cancelled_on", "day", decision.meeting.held_on, _("the meeting"))
    note = _text(note, "note", _("Say why."))
    return _move(decision, "cancel", day, note)


# --- the frequency and when a meeting is due -------------------------------------------------------------------


@action(
    FREQUENCY_SET,
    data=lambda arguments, frequency: {"months": frequency.months, "notice_days": frequency.notice_days},
)
def set_frequency(user, organisation, months: int, notice_days: int = DEFAULT_NOTICE_DAYS, basis: str = ""):
    """The organisation's interval between plenary meetings (months) and how many days ahead the office is
    reminded; the basis names the document that sets them."""
    if organisation is None:
        raise ValidationError({"organisation": _("Choose the organisation.")})
    _must_manage(user, organisation.pk, _("Only the programme office sets how often joint meetings are held."))
    if not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise ValidationError({"months": _("Give a whole number of months from 1 to %(most)d.") % {"most": MAX_MONTHS}})
    if not isinstance(notice_days, int) or not 0 <= notice_days <= MAX_NOTICE_DAYS:
        raise ValidationError(
            {"notice_days": _("Give a whole number of days from 0 to %(most)d.") % {"most": MAX_NOTICE_DAYS}}
        )
    frequency = MeetingFrequency.objects.filter(organisation=organisation).first() or MeetingFrequency(
        organisation=organisation
    )
    frequency.months, frequency.notice_days, frequency.basis = months, notice_days, (basis or "").strip()
    frequency.full_clean()
    frequency.save()
    return frequency


class DueState:
    NONE_HELD = "none-held"
    ON_SCHEDULE = "on-schedule"
    SOON = "soon"
    OVERDUE = "overdue"


STATE_LABELS = {
    DueState.NONE_HELD: gettext_lazy("no plenary meeting held yet: one is due"),
    DueState.ON_SCHEDULE: gettext_lazy("on schedule"),
    DueState.SOON: gettext_lazy("due soon"),
    DueState.OVERDUE: gettext_lazy("overdue"),
}


@dataclass(frozen=True)
class MeetingDue:
    """When the organisation's next plenary meeting is due, read on a day."""

    day: datetime.date
    last: datetime.date | None  # the last plenary meeting held on or before the day
    months: int
    notice_days: int
    set_by_office: bool  # False: the defaults, no frequency saved yet

    @property
    def due(self) -> datetime.date | None:
        return add_months(self.last, self.months) if self.last else None

    @property
    def days_left(self) -> int | None:
        return (self.due - self.day).days if self.due else None

    @property
    def state(self) -> str:
        if self.last is None:
            return DueState.NONE_HELD
        if self.day > self.due:
            return DueState.OVERDUE
        if self.days_left <= self.notice_days:
            return DueState.SOON
        return DueState.ON_SCHEDULE

    @property
    def pressing(self) -> bool:
        return self.state != DueState.ON_SCHEDULE

    @property
    def late(self) -> bool:
        return self.state in (DueState.NONE_HELD, DueState.OVERDUE)

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


def organisation_of(user):
    """The id of the organisation whose meetings the user works with (None: an account without a unit)."""
    return user.unit.organisation_id if user is not None and getattr(user, "unit_id", None) else None


def meeting_due(organisation_id, day: datetime.date | None = None) -> MeetingDue | None:
    """When the organisation's next plenary meeting is due on the day (default today): one query."""
    if organisation_id is None:
        return None
    day = day or timezone.localdate()
    last = (
        JointMeeting.objects.filter(organisation=OuterRef("pk"), kind=MeetingKind.PLENARY, held_on__lte=day)
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    frequency = MeetingFrequency.objects.filter(organisation=OuterRef("pk"))
    row = (
        Region.objects.filter(pk=organisation_id)
        .order_by()
        .annotate(
            last=Subquery(last),
            months=Subquery(frequency.values("months")[:1]),
            notice_days=Subquery(frequency.values("notice_days")[:1]),
        )
        .values("last", "months", "notice_days")
        .first()
    )
    if row is None:
        return None
    return MeetingDue(
        day=day,
        last=row["last"],
        months=row["months"] or DEFAULT_MONTHS,
        notice_days=DEFAULT_NOTICE_DAYS if row["notice_days"] is None else row["notice_days"],
        set_by_office=row["months"] is not None,
    )


def frequency_of(organisation_id) -> MeetingFrequency:
    """The organisation's saved frequency, or an unsaved one with the defaults."""
    return MeetingFrequency.objects.filter(organisation_id=organisation_id).first() or MeetingFrequency(
        organisation_id=organisation_id
    )


def overdue_decisions(user, day: datetime.date | None = None):
    """The open decisions the user reads whose deadline has passed."""
    day = day or timezone.localdate()
    return MeetingDecision.objects.visible_to(user).filter(state=DecisionState.OPEN, deadline__lt=day)


def pressing_for_unit(unit_id, day: datetime.date | None = None) -> dict:
    """A unit's open decisions due within DECISION_NOTICE_DAYS or past their deadline: their number, the earliest
    deadline and how many are overdue (one query)."""
    day = day or timezone.localdate()
    return MeetingDecision.objects.filter(
        unit_id=unit_id, state=DecisionState.OPEN, deadline__lte=day + datetime.timedelta(days=DECISION_NOTICE_DAYS)
    ).aggregate(count=Count("pk"), first=Min("deadline"), overdue=Count("pk", filter=Q(deadline__lt=day)))
