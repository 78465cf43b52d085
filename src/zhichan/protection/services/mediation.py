"""A mediation's actions: taking the dispute in, its sessions, its outcome, the agreement file, the application for
judicial confirmation and the court's ruling. Each checks who may act, is refused in a state that does not allow
it (saying why) and leaves an event on the mediation.

The agreement starts the clock for applying to a court (`judicial-confirmation-application`: 30 days from the
agreement taking effect, 民事诉讼法 2023 art. 205); the application stops it."""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from zhichan.core.actions import action
from zhichan.core.events import record
from zhichan.core.models import RegionKind
from zhichan.core.plausible import date_problem
from zhichan.core.scoping import can_edit, works_for
from zhichan.core.services import attachments, clocks
from zhichan.core.services.filetypes import DOCUMENTS

from ..events import (
    AGREEMENT_ATTACHED,
    CONFIRMATION_APPLIED,
    CONFIRMATION_RULED,
    MEDIATION_AGREED,
    MEDIATION_FAILED,
    MEDIATION_OPENED,
    MEDIATION_REFERRED,
    MEDIATION_SESSION,
    MEDIATION_WITHDRAWN,
)
from ..models import JudicialConfirmation, Mediation, MediationParty, MediationSession, MediationState, Ruling, Side
from .parties import enterprise_with

CONFIRMATION_RULE = "judicial-confirmation-application"
AGREEMENT = "agreement"  # the attachment kind of the agreement's file

NEEDS = {
    "agree": gettext_lazy("Only a dispute being mediated can reach an agreement."),
    "fail": gettext_lazy("Only a dispute being mediated can fail."),
    "withdraw": gettext_lazy("Only a dispute being mediated can be withdrawn."),
    "refer": gettext_lazy("Only a dispute being mediated or whose mediation failed can go to arbitration."),
}


def may_edit(user, arguments) -> bool:
    """The system, or a user who may edit the mediation (its own unit's liaison, the office)."""
    return user is None or can_edit(user, arguments["mediation"])


def may_rule(user, arguments) -> bool:
    """The court the application went to (its liaison), the office, or the system."""
    return user is None or can_edit(user, arguments["confirmation"])


def _refused(mediation, why):
    return ValidationError(
        _("The mediation is %(state)s: %(why)s") % {"state": mediation.get_state_display(), "why": why}
    )


def _move(mediation, step: str, day, note):
    try:
        getattr(mediation, step)(day, note)
        mediation.save()
    except TransitionNotAllowed:
        raise _refused(mediation, NEEDS[step]) from None
    except ConcurrentTransition:
        raise ValidationError(
            _("Someone else has just changed this mediation; reload the page and look again.")
        ) from None
    return mediation


def _check_day(day, earliest, field: str, earliest_name=None):
    if day is None:
        raise ValidationError({field: _("Give the date.")})
    problem = date_problem(day, Mediation, "received_on")
    if problem:
        raise ValidationError({field: problem})
    if earliest and day < earliest:
        raise ValidationError(
            {field: _("The date cannot be before %(what)s (%(day)s).") % {"what": earliest_name, "day": earliest}}
        )


def _note(note: str) -> str:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Say why.")})
    return note


@action()
def open_mediation(
    user,
    *,
    unit,
    number: str,
    title: str,
    kind: str,
    rights: str,
    received_on: datetime.date,
    claim: str = "",
    mediator: str = "",
    township=None,
    parties=(),
    synthetic: bool = False,
) -> Mediation:
    """Take a dispute in: its parties, the rights involved and the claim, the unit and mediator."""
    if user is not None and not works_for(user, unit):
        raise PermissionDenied(_("You may enter mediations only for your own unit."))
    number, title, rights = (number or "").strip(), (title or "").strip(), (rights or "").strip()
    if not number:
        raise ValidationError({"number": _("Give the mediation number.")})
    if not title:
        raise ValidationError({"title": _("Say what the dispute is.")})
    if not rights:
        raise ValidationError({"rights": _("Name the rights involved.")})
    if Mediation.objects.filter(unit=unit, number=number).exists():
        raise ValidationError(
            {"number": _("%(unit)s already has a mediation numbered %(number)s.") % {"unit": unit, "number": number}}
        )
    if township is not None and township.kind not in RegionKind.township_level():
        raise ValidationError({"township": _("Choose a township, town, subdistrict or park.")})
    mediation = Mediation(
        unit=unit,
        number=number,
        title=title,
        kind=kind,
        rights=rights,
        claim=(claim or "").strip(),
        mediator=(mediator or "").strip(),
        township=township,
        received_on=received_on,
        synthetic=synthetic,
        created_by=user,
    )
    mediation.full_clean(exclude=["state"])
    mediation.save()
    for party in parties:
        _add_party(mediation, **party)
    record(user, MEDIATION_OPENED, mediation, kind=mediation.kind)
    return mediation


def _add_party(mediation, *, side: str, name: str, credit_code: str = "") -> MediationParty:
    name, credit_code = (name or "").strip(), (credit_code or "").strip().upper()
    if not name:
        raise ValidationError({"party_name": _("Give the party's name.")})
    if side not in Side.values:
        raise ValidationError({"side": _("Say whether the party applies or responds.")})
    if credit_code and not re.fullmatch(r"[0-9A-Z]{18}", credit_code):
        raise ValidationError({"credit_code": _("A unified social credit code has 18 letters and digits.")})
    party = MediationParty(
        mediation=mediation, side=side, name=name, credit_code=credit_code, enterprise=enterprise_with(credit_code)
    )
    party.full_clean()
    party.save()
    return party


@action(
    MEDIATION_SESSION, on="mediation", allow=may_edit, data=lambda arguments, session: {"day": str(session.held_on)}
)
def hold_session(mediation, user, day: datetime.date, note: str = "") -> MediationSession:
    """A session held while the dispute is being mediated."""
    if mediation.state != MediationState.OPEN:
        raise _refused(mediation, _("Sessions are held while the dispute is being mediated."))
    _check_day(day, mediation.received_on, "day", _("the dispute's receipt"))
    session = MediationSession(mediation=mediation, held_on=day, note=(note or "").strip())
    session.full_clean()
    session.save()
    return session


@action(MEDIATION_AGREED, allow=may_edit, reason="note")
def agree(mediation, user, day: datetime.date, note: str = "", agreement=None) -> Mediation:
    """An agreement reached on the day it takes effect (with its file, if given): the parties' 30 days to apply for
    judicial confirmation run from it."""
    _check_day(day, mediation.received_on, "day", _("the dispute's receipt"))
    _move(mediation, "agree", day, (note or "").strip())
    clocks.start_clock(user, mediation, CONFIRMATION_RULE, day)
    if agreement is not None:
        _attach(mediation, user, agreement)
    return mediation


@action(MEDIATION_FAILED, allow=may_edit, reason="note")
def fail(mediation, user, day: datetime.date, note: str) -> Mediation:
    _check_day(day, mediation.received_on, "day", _("the dispute's receipt"))
    return _move(mediation, "fail", day, _note(note))


@action(MEDIATION_WITHDRAWN, allow=may_edit, reason="note")
def withdraw(mediation, user, day: datetime.date, note: str) -> Mediation:
    _check_day(day, mediation.received_on, "day", _("the dispute's receipt"))
    return _move(mediation, "withdraw", day, _note(note))


@action(MEDIATION_REFERRED, allow=may_edit, reason="note")
def refer_to_arbitration(mediation, user, day: datetime.date, note: str) -> Mediation:
    """The dispute goes to an arbitration body (by the parties' arbitration agreement), now or after a failure."""
    _check_day(day, mediation.ended_on or mediation.received_on, "day", _("the dispute's last step"))
    return _move(mediation, "refer", day, _note(note))


def _attach(mediation, user, uploaded):
    return attachments.attach(user, mediation, uploaded, kind=AGREEMENT, accept=DOCUMENTS, may_write=_may_write)


def _may_write(user, mediation) -> bool:
    return user is None or can_edit(user, mediation)


@action(AGREEMENT_ATTACHED, on="mediation", allow=may_edit, data=lambda arguments, file: {"name": file.name})
def attach_agreement(mediation, user, uploaded):
    """The agreement's file (PDF, scan or office file), on a mediation that reached one."""
    if mediation.state != MediationState.AGREED:
        raise _refused(mediation, _("Only an agreement reached can be attached."))
    return _attach(mediation, user, uploaded)


def agreement_files(mediation):
    from zhichan.core.models import Attachment

    return Attachment.objects.on(mediation).filter(kind=AGREEMENT).order_by("pk")


@action(
    CONFIRMATION_APPLIED,
    on="mediation",
    allow=may_edit,
    data=lambda arguments, confirmation: {"court": confirmation.court_id, "day": str(confirmation.applied_on)},
)
def apply_for_confirmation(mediation, user, day: datetime.date, court) -> JudicialConfirmation:
    """The parties' joint application to a court, recorded by the mediating unit: it stops the 30-day clock (an
    application after it is kept, and the clock shows it late)."""
    if mediation.state != MediationState.AGREED:
        raise _refused(mediation, _("Only an agreement can be brought for judicial confirmation."))
    if JudicialConfirmation.objects.filter(mediation=mediation).exists():
        raise ValidationError(_("Judicial confirmation has already been applied for."))
    _check_day(day, mediation.ended_on, "day", _("the agreement"))
    if court is None:
        raise ValidationError({"court": _("Choose the court.")})
    confirmation = JudicialConfirmation(mediation=mediation, court=court, applied_on=day)
    confirmation.full_clean()
    confirmation.save()
    clocks.stop_clock(user, mediation, CONFIRMATION_RULE, day)
    return confirmation


@action(
    CONFIRMATION_RULED,
    on=lambda arguments, confirmation: confirmation.mediation,
    allow=may_rule,
    data=lambda arguments, confirmation: {"ruling": confirmation.ruling, "number": confirmation.ruling_number},
)
def rule(confirmation, user, ruling: str, day: datetime.date, number: str = "", note: str = "") -> JudicialConfirmation:
    """The court's ruling, entered by the court: the agreement confirmed as valid, or the application rejected."""
    if confirmation.ruling:
        raise ValidationError(_("The court's ruling is already entered."))
    if ruling not in Ruling.values:
        raise ValidationError({"ruling": _("Choose the ruling.")})
    _check_day(day, confirmation.applied_on, "day", _("the application"))
    if ruling == Ruling.REJECTED and not (note or "").strip():
        raise ValidationError({"note": _("Say why.")})
    confirmation.ruling, confirmation.ruled_on = ruling, day
    confirmation.ruling_number, confirmation.note = (number or "").strip(), (note or "").strip()
    confirmation.full_clean()
    confirmation.save()
    return confirmation


def confirmation_readings(mediation, day: datetime.date | None = None) -> list:
    """The mediation's clocks read on the day (the application's, once an agreement is reached)."""
    from django.contrib.contenttypes.models import ContentType

    from zhichan.core.clocks import clock
    from zhichan.core.models import Clock

    rows = Clock.objects.filter(
        content_type=ContentType.objects.get_for_model(Mediation), object_id=mediation.pk
    ).select_related("rule")
    return [clock(row, day) for row in rows.prefetch_related("extensions", "excluded")]
