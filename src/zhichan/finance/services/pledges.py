"""Pledges and their loans: entered by the pledgee bank's liaison or the office, released, and their rights matched
to the register. A right the register does not hold is kept with its number and flagged, never refused."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system
from zhichan.registry.services.enterprises import enterprise_named

from ..events import LOAN_ADDED, PLEDGE_REGISTERED, PLEDGE_RELEASED, RIGHT_MATCHED
from ..models import Loan, Pledge, PledgedRight, unmatched
from .banks import may_keep
from .rights import link, register_record, wanted_rights


def _pledgor(pledgor):
    found = enterprise_named("pledgor", pledgor)
    if found is None:
        raise ValidationError({"pledgor": _("Give the pledgor's unified social credit code.")})
    return found


def _may_enter(user, arguments) -> bool:
    return may_keep(user, arguments["bank"])


@action(PLEDGE_REGISTERED, allow=_may_enter)
def register_pledge(
    user,
    *,
    bank,
    registration_number,
    registered_on: datetime.date,
    pledgor,
    secured_amount: Decimal,
    rights,
    product=None,
    first_loan=False,
    note="",
    synthetic=False,
) -> Pledge:
    """A pledge registration with its rights [(kind of right, number)]; the registration number is unique."""
    number = (registration_number or "").strip()
    existing = Pledge.objects.filter(registration_number=number).select_related("bank", "pledgor").first()
    if number and existing:
        raise ValidationError(
            {
                "registration_number": _(
                    "This registration number is already entered: %(pledge)s, %(pledgor)s, %(bank)s."
                )
                % {"pledge": existing, "pledgor": existing.pledgor, "bank": existing.bank}
            }
        )
    if product is not None and product.bank_id != bank.pk:
        raise ValidationError({"product": _("The product is another bank's.")})
    if secured_amount is None or secured_amount <= 0:
        raise ValidationError({"secured_amount": _("Give the registered secured amount, more than zero.")})
    wanted = wanted_rights(rights)
    if not wanted:
        raise ValidationError({"rights": _("Give at least one right pledged.")})
    pledge = Pledge(
        registration_number=number,
        registered_on=registered_on,
        pledgor=_pledgor(pledgor),
        bank=bank,
        product=product,
        secured_amount=secured_amount,
        first_loan=first_loan,
        note=note,
        entered_by=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
    )
    pledge.full_clean()
    pledge.save()
    for right_type, right_number in wanted:
        right = PledgedRight(pledge=pledge, right_type=right_type, number=right_number)
        link(right, register_record(right_type, right_number))
        right.save()
    return pledge


def _keeps_pledge(user, arguments) -> bool:
    return may_keep(user, arguments["pledge"].bank)


@action(LOAN_ADDED, on="pledge", allow=_keeps_pledge)
def add_loan(pledge, user, *, contract_number, amount: Decimal, drawn_on, matures_on) -> Loan:
    number = (contract_number or "").strip()
    if pledge.loans.filter(contract_number=number).exists():
        raise ValidationError({"contract_number": _("This loan is already entered on the pledge.")})
    if amount is None or amount <= 0:
        raise ValidationError({"amount": _("Give the amount lent, more than zero.")})
    if drawn_on and matures_on and matures_on <= drawn_on:
        raise ValidationError({"matures_on": _("The loan falls due after it is drawn.")})
    if drawn_on and drawn_on < pledge.registered_on - datetime.timedelta(days=366):
        raise ValidationError({"drawn_on": _("The loan is drawn more than a year before the pledge's registration.")})
    loan = Loan(pledge=pledge, contract_number=number, amount=amount, drawn_on=drawn_on, matures_on=matures_on)
    loan.full_clean()
    loan.save()
    return loan


@action(PLEDGE_RELEASED, on="pledge", allow=_keeps_pledge)
def release_pledge(pledge, user, *, day: datetime.date | None = None) -> Pledge:
    day = day or timezone.localdate()
    if pledge.released_on:
        raise ValidationError(_("The pledge was released on %(day)s.") % {"day": pledge.released_on})
    if day < pledge.registered_on:
        raise ValidationError({"day": _("A pledge is released after its registration.")})
    pledge.released_on = day
    pledge.full_clean()
    pledge.save(update_fields=["released_on"])
    return pledge


@action(RIGHT_MATCHED, on="pledge", allow=lambda user, arguments: office_or_system(user, arguments))
def match_rights(pledge, user) -> int:
    """Link the pledge's unmatched rights to the register's records that now hold their numbers; how many."""
    matched = 0
    for right in pledge.rights.filter(unmatched()):
        record = register_record(right.right_type, right.number)
        if record is not None:
            link(right, record)
            right.save()
            matched += 1
    if not matched:
        raise ValidationError(_("The register holds none of the unmatched numbers yet."))
    return matched
