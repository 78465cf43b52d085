"""The finance module's import kinds, found by core's import framework:

- a bank's pledge ledger (质押融资台账), one loan a row (profile data/import-profiles/finance-pledges.yaml),
  entered through the module's actions (services/ledger_import.py);
- the office's ledger of past subsidy awards (历年专项资金资助台账), one award a row (profile
  data/import-profiles/finance-awards.yaml), recorded through `record_past_award` (services/awards.py), which the
  double-subsidy guard then reads.

Amounts are read from a column in 万元 or one in 元 (the column's header says which); a figure in a 万元 column too
large for one pledge, or for one award, is refused as written in 元."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.imports import ImportKind
from zhichan.core.imports.values import amount, dated, free_text, limited, parse_yes_no
from zhichan.core.roles import Role

from .models import Loan, PastAward, Pledge
from .services import awards, ledger_import

# The largest single award a 万元 column may hold (10 million yuan): the platform's own bound, no rule sets it; a
# larger figure is taken for one written in 元.
LARGEST_AWARD_WAN = 1000


def _largest():
    return settings.ZHICHAN_FINANCE_LARGEST_PLEDGE_WAN


FIELDS = {
    "registration_number": limited(Pledge, "registration_number"),
    "registered_on": dated(Pledge, "registered_on"),
    "pledgor": free_text,
    "pledgor_name": free_text,
    "bank": free_text,
    "product": free_text,
    "secured_amount": amount(largest=_largest()),
    "secured_amount_yuan": amount(scale=10_000),
    "patents": free_text,
    "trademarks": free_text,
    "copyrights": free_text,
    "first_loan": parse_yes_no,
    "contract_number": limited(Loan, "contract_number"),
    "amount": amount(largest=_largest()),
    "amount_yuan": amount(scale=10_000),
    "drawn_on": dated(Loan, "drawn_on"),
    "matures_on": dated(Loan, "matures_on"),
    "released_on": dated(Pledge, "released_on"),
    "note": free_text,
}

LABELS = {
    "registration_number": _("registration number"),
    "registered_on": _("registered on"),
    "pledgor": _("pledgor's unified social credit code"),
    "pledgor_name": _("pledgor"),
    "bank": _("pledgee bank"),
    "product": _("product"),
    "secured_amount": _("registered secured amount (10,000 yuan)"),
    "secured_amount_yuan": _("registered secured amount (yuan)"),
    "patents": _("patents pledged"),
    "trademarks": _("trademarks pledged"),
    "copyrights": _("copyrights pledged"),
    "first_loan": _("first IP-backed loan of the enterprise"),
    "contract_number": _("loan contract number"),
    "amount": _("amount lent (10,000 yuan)"),
    "amount_yuan": _("amount lent (yuan)"),
    "drawn_on": pgettext_lazy("loan", "drawn on"),
    "matures_on": _("due on"),
    "released_on": _("released on"),
    "note": _("note"),
}

AWARD_FIELDS = {
    "year": awards.read_year,
    "scheme_name": limited(PastAward, "scheme_name"),
    "applicant_name": limited(PastAward, "applicant_name"),
    "applicant_code": free_text,
    "basis": awards.read_basis,
    "subject": limited(PastAward, "subject"),
    "amount": amount(largest=LARGEST_AWARD_WAN),
    "amount_yuan": amount(scale=10_000),
}

AWARD_LABELS = {
    "year": _("year"),
    "scheme_name": _("scheme of the award"),
    "applicant_name": _("enterprise name"),
    "applicant_code": _("unified social credit code"),
    "basis": _("kind of award"),
    "subject": _("patent, trademark, loan contract or document number"),
    "amount": _("award (10,000 yuan)"),
    "amount_yuan": _("award (yuan)"),
}

KINDS = [
    ImportKind(
        name="finance-pledges",
        label=_("IP pledges"),
        fields=FIELDS,
        labels=LABELS,
        key=("registration_number", "contract_number"),
        row_key=ledger_import.row_key,
        required=("registration_number", "registered_on", "pledgor"),
        check_row=ledger_import.check_row,
        writer=ledger_import.PledgeLedgerWriter,
        uncached=frozenset({"registration_number", "contract_number", "note", "patents"}),
        order=80,
        roles=frozenset({Role.OFFICE, Role.BANK}),
    ),
    ImportKind(
        name="finance-awards",
        label=_("ledger of past subsidy awards"),
        fields=AWARD_FIELDS,
        labels=AWARD_LABELS,
        key=("subject", "basis", "year"),
        row_key=awards.row_key,
        required=("year", "scheme_name", "applicant_name", "basis", "subject"),
        check_row=awards.check_row,
        writer=awards.PastAwardWriter,
        uncached=frozenset({"subject"}),
        order=81,
        roles=frozenset({Role.OFFICE}),
    ),
]
