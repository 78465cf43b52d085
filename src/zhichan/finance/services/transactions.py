"""Licences, transfers and auctions, entered by the office: the rights read and linked as a pledge's are; a
transfer or an auction changes each matched right's holder through the registry's `transfer_holder`."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system
from zhichan.registry.services.enterprises import enterprise_named
from zhichan.registry.services.entries import transfer_holder

from ..events import TRANSACTION_RECORDED
from ..models import CHANGES_HOLDER, RightTransaction, TransactionKind, TransactionRight
from .rights import link, register_record, wanted_rights


@action(TRANSACTION_RECORDED, allow=lambda user, arguments: office_or_system(user, arguments))
def record_transaction(
    user,
    *,
    kind: str,
    day: datetime.date,
    rights,
    party_from: str = "",
    party_from_code: str = "",
    party_to: str = "",
    party_to_code: str = "",
    amount: Decimal | None = None,
    record_number: str = "",
    licence_scope: str = "",
    note: str = "",
    synthetic: bool = False,
) -> RightTransaction:
    errors = {}
    giver = taker = None
    try:
        giver = enterprise_named("party_from_code", party_from_code)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        taker = enterprise_named("party_to_code", party_to_code)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    wanted = wanted_rights(rights)
    if not wanted:
        raise ValidationError({"rights": _("Give at least one right.")})
    if kind != TransactionKind.LICENCE and licence_scope:
        raise ValidationError({"licence_scope": _("Only a licence has a kind of licence.")})
    if amount is not None and amount < 0:
        raise ValidationError({"amount": _("The amount is below zero.")})
    deal = RightTransaction(
        kind=kind,
        day=day,
        record_number=(record_number or "").strip(),
        amount=amount,
        licence_scope=licence_scope,
        party_from=(party_from or (giver.name if giver else "")).strip(),
        party_from_enterprise=giver,
        party_to=(party_to or (taker.name if taker else "")).strip(),
        party_to_enterprise=taker,
        note=note,
        entered_by=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
    )
    deal.full_clean()
    deal.save()
    deal.parties.set([party for party in (giver, taker) if party is not None])
    for right_type, number in wanted:
        right = TransactionRight(transaction=deal, right_type=right_type, number=number)
        record = register_record(right_type, number)
        link(right, record)
        right.save()
        if record is not None and kind in CHANGES_HOLDER:
            words = _("%(kind)s to %(party)s") % {"kind": deal.get_kind_display(), "party": deal.party_to}
            transfer_holder(user, record, day=day, to=taker, away=giver, text=words)
    return deal
