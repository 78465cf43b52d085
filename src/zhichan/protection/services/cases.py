"""An enforcement case's steps: each an action that checks the user may edit the case, moves its state, keeps its
clocks and leaves an event. A step the case's state does not allow is refused with the reason.

The clocks (core/services/clocks.py): the lead starts the filing clock (under the kind's filing rule, if it has
one); filing stops it and starts the decision clock; the decision stops that. A case that ends otherwise (not
filed, transferred, withdrawn) stops the clock running then; a transferred case that comes back for administrative
handling runs it again without the days it was with the police. Periods that do not count and extensions go on
the clock running at the time."""

import datetime
import functools
import inspect
import re
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from zhichan.core.actions import action
from zhichan.core.events import record
from zhichan.core.models import ExcludedPeriod, Region, RegionKind
from zhichan.core.plausible import date_problem
from zhichan.core.scoping import can_edit, works_for
from zhichan.core.services import clocks

from ..events import (
    CASE_CLOSED,
    CASE_DECIDED,
    CASE_ENFORCING,
    CASE_EXTENDED,
    CASE_FILED,
    CASE_INVESTIGATING,
    CASE_NOT_FILED,
    CASE_OPENED,
    CASE_RESUMED,
    CASE_SUSPENDED,
    CASE_TAKEN_BACK,
    CASE_TRANSFERRED,
    CASE_WITHDRAWN,
    PARTY_ADDED,
)
from ..models import Case, CaseParty, PartyKind, State
from ..pauses import Pause
from . import clock_fields
from .parties import enterprise_with
from .special_actions import check_case_action

AMOUNTS = ("illegal_turnover", "fine", "confiscation", "compensation", "punitive_damages")


def may_edit(user, arguments) -> bool:
    """The system, or a user who may edit the case (its own unit's liaison, the office of its organisation)."""
    return user is None or can_edit(user, arguments["case"])


# Why each step is refused in a state that does not allow it, worded for the user.
NEEDS = {
    "file": gettext_lazy("Only a lead can be filed."),
    "decline": gettext_lazy("Only a lead can be recorded as not filed."),
    "investigate": gettext_lazy("Only a filed case can go to investigation."),
    "decide": gettext_lazy("A decision needs a filed case that is not yet decided."),
    "enforce": gettext_lazy("Enforcement follows a decision."),
    "close": gettext_lazy("A case is closed only after its decision."),
    "transfer": gettext_lazy("Only a case not yet decided can be transferred."),
    "withdraw": gettext_lazy("Only a case not yet decided can be withdrawn."),
    "take_back": gettext_lazy("Only a case transferred to the police can come back for administrative handling."),
}

# The reason a case's clock shows for the days it was with the police (行政执法机关移送涉嫌犯罪案件的规定).
TRANSFERRED_PERIOD = gettext_lazy("With the police after transfer (移送涉嫌犯罪案件)")


def _move(case, step: str, *args):
    try:
        getattr(case, step)(*args)
        case.save()
    except TransitionNotAllowed:
        raise ValidationError(
            _("The case is %(state)s: %(why)s") % {"state": case.get_state_display(), "why": NEEDS[step]}
        ) from None
    except ConcurrentTransition:
        raise ValidationError(_("Someone else has just changed this case; reload the page and look again.")) from None
    return case


def _check_day(day, earliest, field: str, earliest_name=None):
    """A date given, plausible (core/plausible.py: not in the future, not before 1950) and not before the event it
    follows."""
    if day is None:
        raise ValidationError({field: _("Give the date.")})
    problem = date_problem(day, Case, "lead_on")
    if problem:
        raise ValidationError({field: problem})
    if earliest and day < earliest:
        raise ValidationError(
            {field: _("The date cannot be before %(what)s (%(day)s).") % {"what": earliest_name, "day": earliest}}
        )


def _note(note: str, field: str = "note") -> str:
    note = (note or "").strip()
    if not note:
        raise ValidationError({field: _("Say why.")})
    return note


def refreshed(function):
    """A case action that keeps what the case stores of its clocks (services/clock_fields.py): refreshed once at its
    end, inside the action's transaction, whatever clocks it changed."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def run(*args, **kwargs):
        with clock_fields.deferred():
            result = function(*args, **kwargs)
        case = result if isinstance(result, Case) else signature.bind(*args, **kwargs).arguments["case"]
        if not clock_fields.put_off(case):
            clock_fields.refresh(case)
        return result

    return run


def _stop_running(case, user, day):
    rule = case.running_rule
    if rule:
        clocks.stop_clock(user, case, rule, day)


@action()
@refreshed
def open_case(
    user,
    *,
    unit,
    number: str,
    title: str,
    kind,
    source: str,
    lead_on: datetime.date,
    township=None,
    goods: str = "",
    parties=(),
    synthetic: bool = False,
    action=None,
    import_batch=None,
) -> Case:
    """Enter a lead: the case as received, its parties, and its filing clock from the day the lead came in; a case
    from a special action names it (services/special_actions.py says which it may name). `import_batch`: the
    import of a case ledger the case comes from (services/ledger_import.py)."""
    if user is not None and not works_for(user, unit):
        raise PermissionDenied(_("You may enter cases only for your own unit."))
    number, title = (number or "").strip(), (title or "").strip()
    if not number:
        raise ValidationError({"number": _("Give the case number.")})
    if not title:
        raise ValidationError({"title": _("Give the case a name.")})
    if Case.objects.filter(unit=unit, number=number).exists():
        raise ValidationError(
            {"number": _("%(unit)s already has a case numbered %(number)s.") % {"unit": unit, "number": number}}
        )
    if township is not None and township.kind not in RegionKind.township_level():
        raise ValidationError({"township": _("Choose a township, town, subdistrict or park.")})
    case = Case(
        unit=unit,
        number=number,
        title=title,
        kind=kind,
        ip_type=kind.ip_type,
        source=source,
        lead_on=lead_on,
        township=township,
        goods=(goods or "").strip(),
        synthetic=synthetic,
        created_by=user,
        action=action,
        import_batch=import_batch,
    )
    case.full_clean(exclude=["state"])
    check_case_action(unit=unit, lead_on=lead_on, source=source, special_action=action)
    case.save()
    if kind.filing_rule:
        clocks.start_clock(user, case, kind.filing_rule, lead_on)
    for party in parties:
        _add_party(case, **party)
    record(user, CASE_OPENED, case, source=str(case.get_source_display()))
    return case


def _add_party(case, *, kind: str, name: str, credit_code: str = "", id_number: str = "") -> CaseParty:
    name, credit_code, id_number = (name or "").strip(), (credit_code or "").strip().upper(), (id_number or "").strip()
    if not name:
        raise ValidationError({"party_name": _("Give the party's name.")})
    if credit_code and not re.fullmatch(r"[0-9A-Z]{18}", credit_code):
        raise ValidationError({"credit_code": _("A unified social credit code has 18 letters and digits.")})
    if id_number and not re.fullmatch(r"\d{17}[\dX]", id_number.upper()):
        raise ValidationError({"id_number": _("An ID number has 18 characters: 17 digits and a digit or X.")})
    if kind == PartyKind.ORGANISATION and id_number:
        raise ValidationError({"id_number": _("An organisation is known by its credit code, not an ID number.")})
    party = CaseParty(
        case=case,
        kind=kind,
        name=name,
        credit_code=credit_code,
        id_number=id_number.upper(),
        enterprise=enterprise_with(credit_code),
    )
    party.full_clean()
    party.save()
    return party


@action(PARTY_ADDED, on="case", allow=may_edit, data=lambda arguments, party: {"name": party.name})
def add_party(case, user, *, kind: str, name: str, credit_code: str = "", id_number: str = "") -> CaseParty:
    return _add_party(case, kind=kind, name=name, credit_code=credit_code, id_number=id_number)


@action(CASE_FILED, allow=may_edit)
@refreshed
def file_case(case, user, day: datetime.date) -> Case:
    """立案: stops the filing clock and starts the decision clock on the day of filing."""
    _check_day(day, case.lead_on, "day", _("the lead"))
    _move(case, "file", day)
    if case.kind.filing_rule:
        clocks.stop_clock(user, case, case.kind.filing_rule, day)
    clocks.start_clock(user, case, case.kind.decision_rule, day)
    return case


@action(CASE_NOT_FILED, allow=may_edit, reason="note")
@refreshed
def decline_case(case, user, day: datetime.date, note: str) -> Case:
    """不予立案, with the reason."""
    _check_day(day, case.lead_on, "day", _("the lead"))
    note = _note(note)
    _stop_running(case, user, day)
    return _move(case, "decline", day, note)


@action(CASE_INVESTIGATING, allow=may_edit)
@refreshed
def investigate(case, user) -> Case:
    return _move(case, "investigate")


@action(CASE_DECIDED, allow=may_edit, data=lambda arguments, case: {"number": case.decision_number})
@refreshed
def decide(case, user, day: datetime.date, number: str, amounts: dict | None = None) -> Case:
    """The penalty or adjudication decision: its document number, date and amounts; stops the decision clock."""
    if case.state not in (State.FILED, State.INVESTIGATION):
        raise ValidationError(
            _("The case is %(state)s: %(why)s") % {"state": case.get_state_display(), "why": NEEDS["decide"]}
        )
    _check_day(day, case.filed_on, "day", _("the filing"))
    number = (number or "").strip()
    if not number:
        raise ValidationError({"number": _("Give the decision document's number.")})
    for name, value in (amounts or {}).items():
        if name not in AMOUNTS:
            raise ValidationError({name: _("Not an amount of a case.")})
        value = Decimal(value if value not in (None, "") else 0)
        if value < 0:
            raise ValidationError({name: _("An amount cannot be negative.")})
        setattr(case, name, value)
    clocks.stop_clock(user, case, case.kind.decision_rule, day)
    return _move(case, "decide", day, number)


@action(CASE_ENFORCING, allow=may_edit)
@refreshed
def enforce(case, user) -> Case:
    return _move(case, "enforce")


@action(CASE_CLOSED, allow=may_edit, reason="note")
@refreshed
def close_case(case, user, day: datetime.date, note: str = "") -> Case:
    """结案: only after the decision."""
    if case.decided_on is None:
        raise ValidationError(
            _("The case is %(state)s: %(why)s") % {"state": case.get_state_display(), "why": NEEDS["close"]}
        )
    _check_day(day, case.decided_on, "day", _("the decision"))
    return _move(case, "close", day, (note or "").strip())


@action(CASE_TRANSFERRED, allow=may_edit, reason="note")
@refreshed
def transfer(case, user, day: datetime.date, note: str) -> Case:
    """Transferred to the police as a suspected crime (行刑衔接): the administrative clock stops. Run when an approved
    transfer goes out (services/transfers.py `send`), which is the way a case is transferred."""
    _check_day(day, case.lead_on, "day", _("the lead"))
    note = _note(note)
    _stop_running(case, user, day)
    return _move(case, "transfer", day, note)


@action(CASE_TAKEN_BACK, allow=may_edit, reason="note")
@refreshed
def take_back(case, user, day: datetime.date, note: str = "") -> Case:
    """Back from the police for administrative handling (the police's refusal accepted, or the case returned): under
    investigation again (a lead again if it went before filing). Its clock runs again, the days from the transfer
    to its return, both included, not counted (an excluded period, as a suspension is)."""
    if case.state != State.TRANSFERRED:
        raise ValidationError(
            _("The case is %(state)s: %(why)s") % {"state": case.get_state_display(), "why": NEEDS["take_back"]}
        )
    sent = case.ended_on
    _check_day(day, sent, "day", _("the transfer"))
    _move(case, "take_back")
    rule = case.running_rule
    if rule:
        clocks.stop_clock(user, case, rule, None)
        clocks.exclude(user, case, rule, start=sent, end=day, reason=str(TRANSFERRED_PERIOD))
    return case


@action(CASE_WITHDRAWN, allow=may_edit, reason="note")
@refreshed
def withdraw(case, user, day: datetime.date, note: str) -> Case:
    _check_day(day, case.lead_on, "day", _("the lead"))
    note = _note(note)
    _stop_running(case, user, day)
    return _move(case, "withdraw", day, note)


def _running(case) -> str:
    rule = case.running_rule
    if not rule:
        raise ValidationError(_("No time limit is running on this case now."))
    return rule


@action(CASE_SUSPENDED, on="case", allow=may_edit, data=lambda arguments, period: {"pause": arguments["pause"]})
@refreshed
def suspend(case, user, pause: str, start: datetime.date, note: str = "", end: datetime.date | None = None):
    """A period that does not count towards the running clock (suspension, hearing, notice, testing, appraisal,
    identification by the right holder), open until `resume` unless its end is known."""
    rule = _running(case)
    if pause not in Pause.LABELS:
        raise ValidationError({"pause": _("Choose why the period does not count.")})
    _check_day(start, case.filed_on or case.lead_on, "start", _("the clock's start"))
    if end is not None:
        _check_day(end, start, "end", _("the period's start"))
    note = (note or "").strip()
    reason = f"{Pause.LABELS[pause]}：{note}" if note else str(Pause.LABELS[pause])
    return clocks.exclude(user, case, rule, start=start, end=end, reason=reason)


def open_pauses(case):
    """The periods not counted that are still running on the case's clocks."""
    return ExcludedPeriod.objects.filter(clock__object_id=case.pk, clock__content_type__model="case", end=None).filter(
        clock__content_type__app_label="protection"
    )


@action(CASE_RESUMED, on="case", allow=may_edit, data=lambda arguments, period: {"end": str(period.end)})
@refreshed
def resume(case, user, period: ExcludedPeriod, end: datetime.date) -> ExcludedPeriod:
    if period is None or not open_pauses(case).filter(pk=period.pk).exists():
        raise ValidationError(_("That period has already ended, or is not this case's."))
    _check_day(end, period.start, "end", _("the period's start"))
    return clocks.end_excluded(user, period, end)


@action(
    CASE_EXTENDED,
    on="case",
    allow=may_edit,
    reason="reason",
    data=lambda arguments, extension: {
        "length": extension.length,
        "period_unit": extension.clock.rule.unit,
        "approver": extension.approver,
    },
)
@refreshed
def extend(case, user, length: int, approver: str, approved_on: datetime.date, reason: str):
    """An extension approved by a named person (the rule says whether and how far)."""
    rule = _running(case)
    _check_day(approved_on, None, "approved_on")
    return clocks.extend(user, case, rule, length=length, approver=approver, approved_on=approved_on, reason=reason)


def township_choices(unit):
    """The township-level regions under a unit's organisation, for a case's place."""
    organisation = unit.organisation
    return Region.objects.filter(path__startswith=organisation.path, kind__in=RegionKind.township_level()).order_by(
        "path"
    )
