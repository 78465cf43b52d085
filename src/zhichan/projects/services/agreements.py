"""Co-operation agreements (合作协议), each write an action: the office or a member unit's liaison (for its own unit)
enters one; the office and the unit in charge attach its signed text and annexes."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, within_own_region
from zhichan.core.inputs import past_day
from zhichan.core.models import Region, Unit
from zhichan.core.services import attachments
from zhichan.core.services.filetypes import DOCUMENTS
from zhichan.registry.services.enterprises import enterprise_named

from ..events import AGREEMENT_DOCUMENT_ADDED, AGREEMENT_ENTERED
from ..models import CooperationAgreement, MatchingEvent
from .matching import entered_by, in_charge, organisation_for, readable, text
from .projects import manages, may_create

DOCUMENT = "agreement"  # the attachments' kind


@action(AGREEMENT_ENTERED, allow=may_create)
def enter_agreement(
    user,
    *,
    title: str,
    partners: str,
    signed_on: datetime.date,
    enterprise_code: str = "",
    enterprise_name: str = "",
    field: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    amount: Decimal | None = None,
    unit: Unit | None = None,
    region: Region | None = None,
    event: MatchingEvent | None = None,
    note: str = "",
    synthetic: bool = False,
) -> CooperationAgreement:
    """An agreement between an enterprise (the register's by its credit code, or named) and one or more
    universities or institutes (one a line). It lies in the township chosen, else the enterprise's, else the
    unit's region; the matching event it came from, if any, is one the user reads."""
    enterprise = enterprise_named("enterprise_code", enterprise_code)
    unit = in_charge(user, unit)
    named = [line.strip() for line in (partners or "").splitlines() if line.strip()]
    errors = {}
    if unit is None:
        errors["unit"] = _("Choose the member unit in charge.")
    if not text(title):
        errors["title"] = _("Give the title.")
    if not (text(enterprise_name) or enterprise):
        errors["enterprise_name"] = _("Name the enterprise, or give its credit code.")
    if not named:
        errors["partners"] = _("Name at least one university or institute.")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The period ends before it starts.")
    if amount is not None and amount < 0:
        errors["amount"] = _("The amount is below zero.")
    if event is not None and not readable(user, event):
        errors["event"] = _("Choose an event you can read.")
    if errors:
        raise ValidationError(errors)
    within_own_region(user, region)
    if region is None:
        region = enterprise.region if enterprise is not None and enterprise.region_id else unit.region
    agreement = CooperationAgreement(
        title=text(title),
        enterprise=enterprise,
        enterprise_name=text(enterprise_name) or enterprise.name,
        partners="\n".join(named),
        field=text(field),
        signed_on=past_day(signed_on, "signed_on"),
        starts_on=starts_on,
        ends_on=ends_on,
        amount=amount,
        unit=unit,
        region=region,
        organisation=organisation_for(user, unit),
        event=event,
        note=text(note),
        created_by=entered_by(user),
        synthetic=synthetic,
    )
    agreement.full_clean()
    agreement.save()
    return agreement


@action(
    AGREEMENT_DOCUMENT_ADDED,
    on="agreement",
    allow=lambda user, arguments: manages(user, arguments["agreement"]),
    data=lambda arguments, result: {"name": result.name},
)
def attach_document(agreement: CooperationAgreement, user, *, file, label: str = ""):
    """The signed agreement or an annex (PDF, images or office documents)."""
    return attachments.attach(
        user, agreement, file, kind=DOCUMENT, label=text(label), accept=DOCUMENTS, may_write=lambda u, r: True
    )
