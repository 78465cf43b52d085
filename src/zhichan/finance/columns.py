"""The columns of the pledge list, its Excel export and the drill-down of the finance figures."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column

CENTS = Decimal("0.01")


def _wan(amount) -> Decimal:
    """万元 to two places, as the pages show them (kept to the yuan: four)."""
    return (amount or Decimal(0)).quantize(CENTS)


def _rights(pledge) -> str:
    return "；".join(str(right) for right in pledge.rights.all())


PLEDGE_COLUMNS = (
    Column("registration_number", _("registration number"), width=22),
    Column("registered_on", _("registered on")),
    Column("pledgor", _("pledgor"), width=30),
    Column("township", _("township"), "pledgor__region__name"),
    Column("bank", _("pledgee bank"), width=24),
    Column("product", _("product")),
    Column("rights", _("rights pledged"), _rights, width=40),
    Column("secured_amount", _("registered secured amount (10,000 yuan)"), lambda pledge: _wan(pledge.secured_amount)),
    Column(
        "lent", _("amount lent (10,000 yuan)"), lambda pledge: _wan(sum(loan.amount for loan in pledge.loans.all()))
    ),
    Column("released_on", _("released on")),
)
