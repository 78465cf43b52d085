"""Subsidies awarded before the platform kept the applications (历年专项资金资助台账): the office records them one
by one or imports its ledger (the kind `finance-awards`, imports.py), one award a row. The double-subsidy guard
(services/eligibility.py) reads them by what was claimed and its number, so the number is kept as the register
keeps it (`subject_of`): a later claim of the same patent written with 「ZL」 or with spaces is still caught.

An award is one (kind, number, year): recording it again updates it (the amount, the scheme's name, the applicant)
and records nothing when nothing differs, so importing the same ledger again changes nothing."""

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from zhichan.core.actions import action, office_or_system
from zhichan.core.events import record
from zhichan.core.imports import RowRejected
from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.imports.values import text
from zhichan.core.messages import gettext_key
from zhichan.core.services.organisation import organisation_of
from zhichan.registry.models import Enterprise
from zhichan.registry.services.enterprises import enterprise_named

from ..events import PAST_AWARD_RECORDED
from ..models import Basis, PastAward
from .eligibility import subject_of

FIRST_YEAR = 2000  # no award of the programme's funds is older
CENT = Decimal("0.0001")  # 万元 to the yuan

# What ledgers write for each kind of award, besides its code and its label in either language; 「资助」 after
# any of them is read as the same name (发明专利授权资助).
LEDGER_NAMES = {
    Basis.INVENTION_GRANTED: ("发明专利授权", "发明专利"),
    Basis.PCT_FILED: ("PCT申请", "PCT国际申请", "PCT专利申请"),
    Basis.MADRID_REGISTERED: ("马德里商标", "马德里商标国际注册", "马德里国际注册"),
    Basis.PLEDGE_INTEREST: ("质押贷款贴息", "知识产权质押贷款贴息", "质押融资贴息"),
    Basis.PROJECT: ("项目资助", "项目"),
}


def _year_now() -> int:
    return timezone.localdate().year


def _amount(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _year(value) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _applicant(applicant_code, name, errors) -> Enterprise | None:
    """The enterprise by its credit code when one is given (an unknown code refused), else the only enterprise of
    the register with exactly this name, else None."""
    try:
        found = enterprise_named("applicant_code", applicant_code)
    except ValidationError as error:
        errors.update(error.message_dict)
        return None
    if found is not None or (applicant_code or "").strip() or not name:
        return found
    named = list(Enterprise.objects.filter(name=name, merged_into__isnull=True)[:2])
    return named[0] if len(named) == 1 else None


@action(allow=lambda user, arguments: office_or_system(user, arguments))
def record_past_award(
    user,
    *,
    applicant_name,
    applicant_code="",
    scheme_name,
    year,
    basis,
    subject,
    amount,
    organisation=None,
    import_batch=None,
) -> tuple[PastAward, str]:
    """Record a past award (amount in 万元); returns it and "created", "updated" or "unchanged". `import_batch`:
    the import of the office's ledger it comes from."""
    errors = {}
    name = (applicant_name or "").strip()
    applicant = _applicant(applicant_code, name, errors)
    name = name or (applicant.name if applicant is not None else "")
    if not name and "applicant_code" not in errors:
        errors["applicant_name"] = _("Give the applicant's name or its unified social credit code.")
    scheme = (scheme_name or "").strip()
    if not scheme:
        errors["scheme_name"] = _("Give the scheme the award was made under.")
    if basis not in Basis.values:
        errors["basis"] = _("Unknown kind of award: %(basis)s.") % {"basis": basis}
    number = subject_of(basis, subject) if basis in Basis.values else (subject or "").strip()
    if not number:
        errors["subject"] = _("Give the number claimed: the patent, trademark, loan contract or document number.")
    found_year, last = _year(year), _year_now()
    if found_year is None or not FIRST_YEAR <= found_year <= last:
        errors["year"] = _("%(year)s is not a year of an award: write a year from %(first)s to %(last)s.") % {
            "year": year if year not in (None, "") else "—",
            "first": FIRST_YEAR,
            "last": last,
        }
    money = _amount(amount)
    if money is None or money <= 0:
        errors["amount"] = _("Give the amount awarded, more than zero.")
    if errors:
        raise ValidationError(errors)
    money = money.quantize(CENT, ROUND_HALF_UP)
    organisation = organisation or (organisation_of(user) if user is not None else None)
    award = PastAward.objects.filter(basis=basis, subject=number, year=found_year).first()
    if award is None:
        award = PastAward(
            applicant=applicant,
            applicant_name=name,
            scheme_name=scheme,
            year=found_year,
            basis=basis,
            subject=number,
            amount=money,
            import_batch=import_batch,
            organisation=organisation,
        )
        award.full_clean()
        award.save()
        record(user, PAST_AWARD_RECORDED, award, amount=f"{money:f}", state="created")
        return award, "created"
    if award.organisation_id and organisation is not None and award.organisation_id != organisation.pk:
        raise ValidationError({"subject": _("This award is recorded in another organisation's programme.")})
    wanted = {"applicant_name": name, "scheme_name": scheme, "amount": money}
    if applicant is not None:  # a row naming no enterprise of the register leaves a link made before
        wanted["applicant"] = applicant
    changed = [field for field, value in wanted.items() if getattr(award, field) != value]
    if not changed:
        return award, "unchanged"
    before = f"{award.amount:f}"
    for field in changed:
        setattr(award, field, wanted[field])
    if import_batch is not None:
        award.import_batch = import_batch
    award.full_clean()
    award.save()
    record(user, PAST_AWARD_RECORDED, award, amount=f"{money:f}", before=before, changed=changed, state="updated")
    return award, "updated"


# --- the import (the kind `finance-awards`, imports.py) ---------------------------------------------------------


def _fold(name) -> str:
    return "".join(unicodedata.normalize("NFKC", str(name)).split()).lower()


_names: dict[str, str] = {}


def _basis_names() -> dict[str, str]:
    """Folded name → code: each code, its label in Chinese and in English, and the ledgers' own names; built on
    first use, when the labels are translated."""
    if not _names:
        found = {}
        for value, names in LEDGER_NAMES.items():
            for each in (value, *names):
                found.setdefault(_fold(each), value)
        for language in ("zh-hans", "en"):
            with override(language):
                for value, label in Basis.choices:
                    found.setdefault(_fold(label), value)
        _names.update(found)
    return _names


def read_basis(cell) -> str:
    """A kind of award by its code, its label or a ledger's name for it (with or without 「资助」 after it)."""
    raw = text(cell)
    if not raw:
        return ""
    names = _basis_names()
    folded = _fold(raw)
    found = names.get(folded) or names.get(folded.removesuffix("资助"))
    if found is None:
        labels = "、".join(written[0] for written in LEDGER_NAMES.values())
        raise ValueError(
            gettext_key("%(value)s is not a kind of award: write %(labels)s, or its code (%(codes)s).")
            % {"value": raw, "labels": labels, "codes": ", ".join(Basis.values)}
        )
    return found


_YEAR = re.compile(r"^(\d{4})\s*(?:年度|年)?$")


def read_year(cell) -> int | None:
    """A year as a ledger writes it: 2023, 2023年 or 2023年度 (a number cell too)."""
    raw = text(cell)
    if not raw:
        return None
    match = _YEAR.match(unicodedata.normalize("NFKC", raw))
    if match is None:
        raise ValueError(gettext_key("%(value)s is not a year: write it as 2023.") % {"value": raw})
    return int(match[1])


def row_key(record: dict) -> tuple:
    """An award is its kind, its year and its number as the register keeps it."""
    basis = record.get("basis") or ""
    return (basis, record.get("year"), subject_of(basis, record.get("subject") or ""))


def check_row(record: dict, helpers) -> None:
    """The amount in 万元 or in 元, not both, and not neither."""
    has_yuan = "amount_yuan" in record
    yuan = record.pop("amount_yuan", None)
    if yuan is not None and record.get("amount") is not None:
        raise RowRejected([("amount", record["amount"], gettext_key("Give the amount once: in 万元 or in 元."))])
    if yuan is not None:
        record["amount"] = yuan
    if record.get("amount") is None:
        field = "amount_yuan" if has_yuan and "amount" not in record else "amount"
        raise RowRejected([(field, "", gettext_key("Give the amount awarded, in 万元 or in 元."))])


class PastAwardWriter(ActionWriter):
    """Records each accepted row through `record_past_award`, as the batch's user (the office)."""

    refused_field = "applicant_name"

    def __init__(self, job):
        super().__init__(job)
        self.organisation = organisation_of(self.user) if self.user is not None else None

    def enter(self, record):
        _award, state = record_past_award(
            self.user,
            applicant_name=record.get("applicant_name") or "",
            applicant_code=record.get("applicant_code") or "",
            scheme_name=record.get("scheme_name") or "",
            year=record.get("year"),
            basis=record.get("basis") or "",
            subject=record.get("subject") or "",
            amount=record.get("amount"),
            organisation=self.organisation,
            import_batch=self.batch,
        )
        return state
