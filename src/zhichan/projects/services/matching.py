"""Industry–university–research matching, each write an action: a technology matching event entered once held,
the technology demands and offers posted (at an event or on their own), a demand and an offer matched, and where
each match ended (in talks, a co-operation agreement signed, a licence or transfer, not pursued).

Who may, as for projects: the office, and a member unit's liaison for its own unit, enter events and postings; at an
event, its unit (and the office) posts and matches. A match belongs to its demand: the demand's unit and the office
record it and its outcome. What a match is linked to — an event, an offer, an agreement, a licence or transfer —
must be a record the acting user reads."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, within_own_region
from zhichan.core.inputs import past_day
from zhichan.core.models import Region, Unit
from zhichan.core.roles import LIAISONS, role_of
from zhichan.core.services.organisation import organisation_of
from zhichan.finance.models import RightTransaction
from zhichan.registry.services.enterprises import enterprise_named

from ..events import MATCH_RECORDED, MATCHING_EVENT_ENTERED, OUTCOME_RECORDED, POSTING_ADDED
from ..models import CooperationAgreement, Match, MatchingEvent, Outcome, Posting, PostingKind
from .projects import manages, may_create


def text(value) -> str:
    return (value or "").strip()


def in_charge(user, unit: Unit | None) -> Unit | None:
    """A liaison's record is its own unit's; the office (or the system) names the unit."""
    if user is not None and role_of(user) in LIAISONS:
        return user.unit
    return unit


def organisation_for(user, unit: Unit):
    return unit.organisation if unit.organisation_id else organisation_of(user) if user else None


def readable(user, record) -> bool:
    """Does the user read the record (the system reads all)?"""
    return user is None or type(record)._default_manager.visible_to(user).filter(pk=record.pk).exists()


def entered_by(user):
    return user if getattr(user, "pk", None) else None


# --- events ------------------------------------------------------------------------------------------------------


@action(MATCHING_EVENT_ENTERED, allow=may_create)
def enter_event(
    user,
    *,
    title: str,
    held_on: datetime.date,
    place: str = "",
    unit: Unit | None = None,
    region: Region | None = None,
    enterprises_count: int = 0,
    institutions_count: int = 0,
    persons_count: int = 0,
    note: str = "",
    synthetic: bool = False,
) -> MatchingEvent:
    """A technology matching event, entered once held (the plan counts those held): where, by which unit, and how
    many enterprises, universities and institutes, and persons took part. It lies in the township chosen, else in
    the unit's region."""
    unit = in_charge(user, unit)
    within_own_region(user, region)
    errors = {}
    if unit is None:
        errors["unit"] = _("Choose the member unit in charge.")
    if not text(title):
        errors["title"] = _("Give the event's title.")
    for name, count in (
        ("enterprises_count", enterprises_count),
        ("institutions_count", institutions_count),
        ("persons_count", persons_count),
    ):
        if count is not None and count < 0:
            errors[name] = _("A count is never below zero.")
    if errors:
        raise ValidationError(errors)
    event = MatchingEvent(
        title=text(title),
        held_on=past_day(held_on, "held_on"),
        place=text(place),
        unit=unit,
        region=region or unit.region,
        organisation=organisation_for(user, unit),
        enterprises_count=enterprises_count or 0,
        institutions_count=institutions_count or 0,
        persons_count=persons_count or 0,
        note=text(note),
        created_by=entered_by(user),
        synthetic=synthetic,
    )
    event.full_clean()
    event.save()
    return event


# --- postings ----------------------------------------------------------------------------------------------------


def may_post(user, arguments) -> bool:
    """At an event: its unit or the office; on its own: whoever enters records of the module."""
    event = arguments.get("event")
    return manages(user, event) if event is not None else may_create(user)


@action(
    POSTING_ADDED,
    allow=may_post,
    data=lambda arguments, result: {"kind": result.kind, "title": result.title},
)
def add_posting(
    user,
    *,
    kind: str,
    title: str,
    party: str = "",
    enterprise_code: str = "",
    field: str = "",
    description: str = "",
    event: MatchingEvent | None = None,
    unit: Unit | None = None,
    region: Region | None = None,
    note: str = "",
    synthetic: bool = False,
) -> Posting:
    """A technology demand (an enterprise's, by its credit code when in the register) or a technology offer (a
    university's or an institute's, by name). At an event it is the event's (its unit's, its organisation's) and
    lies in the enterprise's township, else where the event lies: a township's enterprise's demand is its
    township's to read wherever it was posted (the event's page lists all it holds to whoever reads the event). On
    its own it lies in the township chosen, else the enterprise's, else the unit's region."""
    enterprise = enterprise_named("enterprise_code", enterprise_code)
    unit = event.unit if event is not None else in_charge(user, unit)
    errors = {}
    if kind not in PostingKind.values:
        errors["kind"] = _("Choose a demand or an offer.")
    if kind == PostingKind.OFFER and enterprise is not None:
        errors["enterprise_code"] = _("An offer is a university's or an institute's: name it, without a credit code.")
    if not (text(party) or enterprise):
        errors["party"] = _("Name who posts it, or give the enterprise's credit code.")
    if not text(title):
        errors["title"] = _("Give the title.")
    if unit is None:
        errors["unit"] = _("Choose the member unit in charge.")
    if errors:
        raise ValidationError(errors)
    if event is not None:
        region = enterprise.region if enterprise is not None and enterprise.region_id else event.region
    elif region is None:
        region = enterprise.region if enterprise is not None and enterprise.region_id else unit.region
    posting = Posting(
        kind=kind,
        title=text(title),
        party=text(party) or enterprise.name,
        enterprise=enterprise,
        field=text(field),
        description=text(description),
        event=event,
        unit=unit,
        region=region,
        organisation=event.organisation if event is not None else organisation_for(user, unit),
        note=text(note),
        created_by=entered_by(user),
        synthetic=synthetic,
    )
    posting.full_clean()
    posting.save()
    return posting


# --- matches -----------------------------------------------------------------------------------------------------


def may_match(user, arguments) -> bool:
    """The demand's unit or the office (a demand posted at an event is the event's unit's)."""
    demand = arguments.get("demand")
    return demand is not None and manages(user, demand)


@action(MATCH_RECORDED, allow=may_match)
def record_match(
    user,
    *,
    demand: Posting,
    offer: Posting,
    matched_on: datetime.date | None = None,
    event: MatchingEvent | None = None,
    note: str = "",
    synthetic: bool = False,
) -> Match:
    """A demand and an offer matched, at an event (on its day, unless another is given) or not; it starts in
    talks."""
    errors = {}
    if demand.kind != PostingKind.DEMAND:
        errors["demand"] = _("Choose a technology demand.")
    if offer.kind != PostingKind.OFFER or not readable(user, offer):
        errors["offer"] = _("Choose a technology offer you can read.")
    if event is not None and not readable(user, event):
        errors["event"] = _("Choose an event you can read.")
    if errors:
        raise ValidationError(errors)
    if Match.objects.filter(demand=demand, offer=offer).exists():
        raise ValidationError({"offer": _("This demand and this offer are matched already.")})
    matched_on = past_day(matched_on, "matched_on", default=event.held_on if event is not None else None)
    if event is not None and matched_on < event.held_on:
        raise ValidationError({"matched_on": _("A match at an event is made on or after its day.")})
    match = Match(
        demand=demand,
        offer=offer,
        event=event,
        matched_on=matched_on,
        outcome=Outcome.TALKS,
        outcome_on=matched_on,
        note=text(note),
        created_by=entered_by(user),
        synthetic=synthetic,
    )
    match.full_clean()
    match.save()
    return match


def may_follow(user, arguments) -> bool:
    return manages(user, arguments["match"].demand)


def _agreement_fits(match, agreement) -> bool:
    """An agreement of another enterprise of the register than the demand's is not this match's."""
    demanding = match.demand.enterprise_id
    return not (demanding and agreement.enterprise_id and agreement.enterprise_id != demanding)


@action(
    OUTCOME_RECORDED,
    on="match",
    reason="note",
    allow=may_follow,
    data=lambda arguments, result: {"outcome": result.outcome, "outcome_on": result.outcome_on.isoformat()},
)
def record_outcome(
    match: Match,
    user,
    *,
    outcome: str,
    outcome_on: datetime.date | None = None,
    agreement: CooperationAgreement | None = None,
    transaction: RightTransaction | None = None,
    note: str = "",
) -> Match:
    """Where the match stands: in talks; an agreement signed (the agreement named); licensed or transferred (the
    licence or transfer entered in IP finance, when there); or not pursued. The day defaults to the agreement's
    signing or the transaction's day."""
    errors = {}
    if outcome not in Outcome.values:
        errors["outcome"] = _("Choose an outcome.")
    if outcome == Outcome.SIGNED and agreement is None:
        errors["agreement"] = _("Choose the agreement signed.")
    if agreement is not None and outcome not in (Outcome.SIGNED, Outcome.LICENSED):
        errors["agreement"] = _("Only a signed agreement or a licence names an agreement.")
    if agreement is not None and not (readable(user, agreement) and _agreement_fits(match, agreement)):
        errors["agreement"] = _("Choose an agreement of the demand's enterprise that you can read.")
    if transaction is not None and outcome != Outcome.LICENSED:
        errors["transaction"] = _("Only a licence or transfer names one entered in IP finance.")
    if transaction is not None and not readable(user, transaction):
        errors["transaction"] = _("Choose a licence or transfer you can read.")
    if errors:
        raise ValidationError(errors)
    known = transaction.day if transaction is not None else agreement.signed_on if agreement is not None else None
    outcome_on = past_day(outcome_on, "outcome_on", default=known)
    if outcome_on < match.matched_on:
        raise ValidationError({"outcome_on": _("The outcome comes on or after the match.")})
    match.outcome, match.outcome_on = outcome, outcome_on
    match.agreement, match.transaction = agreement, transaction
    match.full_clean()
    match.save()
    return match
