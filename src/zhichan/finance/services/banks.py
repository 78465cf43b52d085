"""Banks and their loan products: the office enters a bank (and with it the unit its liaison's account belongs to);
the office or the bank's liaison enters its products."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system
from zhichan.core.models import Unit, UnitKind
from zhichan.core.scoping import works_for
from zhichan.core.services.organisation import organisation_of
from zhichan.registry.models.enterprises import validate_uscc

from ..events import BANK_ADDED, PRODUCT_ADDED
from ..models import Bank, LoanProduct, RightType


@action(BANK_ADDED, allow=lambda user, arguments: office_or_system(user, arguments))
def add_bank(
    user, *, name, credit_code="", address="", contact="", phone="", unit=None, organisation=None, synthetic=False
) -> Bank:
    """A bank branch, with a unit of kind bank (made here unless given) for its liaison's account."""
    name = (name or "").strip()
    code = (credit_code or "").strip().upper()
    if code:
        try:
            validate_uscc(code)
        except ValidationError as error:
            raise ValidationError({"credit_code": error.messages}) from None
        existing = Bank.objects.filter(credit_code=code).first()
        if existing:
            raise ValidationError(
                {"credit_code": _("This credit code is already entered: %(bank)s.") % {"bank": existing}}
            )
    if not name:
        raise ValidationError({"name": _("Give the bank's name.")})
    if unit is None:
        organisation = organisation or (organisation_of(user) if user is not None else None)
        if organisation is None:
            raise ValidationError(_("Name the organisation."))
        serial = Unit.objects.filter(organisation=organisation, kind=UnitKind.BANK).count() + 1
        key = f"bank-{serial}"
        while Unit.objects.filter(organisation=organisation, key=key).exists():
            serial += 1
            key = f"bank-{serial}"
        unit = Unit.objects.create(
            organisation=organisation, region=organisation, key=key, name=name[:100], kind=UnitKind.BANK, order=900
        )
    bank = Bank(
        unit=unit, name=name, credit_code=code, address=address, contact=contact, phone=phone, synthetic=synthetic
    )
    bank.full_clean()
    bank.save()
    return bank


def may_keep(user, bank) -> bool:
    """The office, or the bank's own liaison (or the system)."""
    return user is None or works_for(user, bank.unit)


@action(PRODUCT_ADDED, on="bank", allow=lambda user, arguments: may_keep(user, arguments["bank"]))
def add_product(
    bank,
    user,
    *,
    name,
    rights,
    rate_from=None,
    rate_to=None,
    term_months=None,
    risk_sharing="",
    interest_subsidy=False,
    synthetic=False,
) -> LoanProduct:
    rights = [value for value in RightType.values if value in set(rights or ())]
    if not rights:
        raise ValidationError({"rights": _("Choose the rights the product accepts.")})
    if rate_from is not None and rate_to is not None and rate_from > rate_to:
        raise ValidationError({"rate_to": _("The highest rate is below the lowest.")})
    product = LoanProduct(
        bank=bank,
        name=(name or "").strip(),
        rights=rights,
        rate_from=rate_from,
        rate_to=rate_to,
        term_months=term_months,
        risk_sharing=risk_sharing,
        interest_subsidy=interest_subsidy,
        synthetic=synthetic,
    )
    product.full_clean()
    product.save()
    return product
