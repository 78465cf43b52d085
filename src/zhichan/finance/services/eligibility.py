"""What a subsidy claim is worth under its item's rule, checked against the register, and why, line by line.

The rules (by the item's `basis`):
- an invention patent granted: the register holds the number, it is an invention patent, its grant date lies in
  the scheme's window, and the applicant is among its holders;
- a PCT application filed: the register holds the patent, with a PCT number, filed internationally in the window,
  the applicant among its holders;
- a trademark registered abroad through Madrid: the register holds the mark as a Madrid registration, registered
  internationally in the window, the applicant among its holders;
- interest on a pledge loan: the loan (by contract number) is on a pledge of the applicant's, drawn in the window;
  the subsidy is the item's percentage of the interest the applicant declares it paid;
- a project: the document number is given; its amount is the item's (the reviewers check the document).
Every rule also asks that the same thing was not subsidised before — in any scheme or year, here or in the awards
imported from before — and applies the item's caps: per claim, then per applicant in the scheme (claims of the
applicant's other applications to the scheme counted first).

`assess` reads everything it needs set-based, a few queries for any number of claims and applications; its
`reasons` are kept as facts ([check, passed, values]) and worded when read, in the reader's language.
"""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zhichan.registry.models import Patent, Trademark
from zhichan.registry.models.patents import PatentType

from ..models import Loan, RightType
from ..models.subsidies import AWARDED, Basis, Claim, PastAward, Stage
from .rights import normalized

CHUNK = 20_000  # numbers asked of the register at once (SQLite's limit on parameters)
CENT = Decimal("0.0001")  # 万元 to the yuan

WORDS = {
    "in-register": _("%(number)s is in the register"),
    "not-in-register": _("%(number)s is not in the register (the reviewers check the certificate)"),
    "invention": _("it is an invention patent"),
    "not-invention": _("it is not an invention patent"),
    "granted-in-window": _("granted on %(day)s, within %(start)s – %(end)s"),
    "not-granted-in-window": _("granted on %(day)s, not within %(start)s – %(end)s"),
    "not-granted": _("not granted in the register"),
    "pct-in-window": _("PCT application %(pct)s filed on %(day)s, within %(start)s – %(end)s"),
    "pct-not-in-window": _("PCT application filed on %(day)s, not within %(start)s – %(end)s"),
    "no-pct": _("the register names no PCT application for it"),
    "madrid-in-window": _("registered through Madrid on %(day)s, within %(start)s – %(end)s"),
    "madrid-not-in-window": _("registered through Madrid on %(day)s, not within %(start)s – %(end)s"),
    "not-madrid": _("not a Madrid international registration in the register"),
    "holder": _("the applicant is among its holders"),
    "not-holder": _("the applicant is not among its holders (%(holders)s)"),
    "loan-found": _("loan %(number)s on pledge %(pledge)s"),
    "loan-not-found": _("no pledge loan of the applicant has the contract number %(number)s"),
    "loan-in-window": _("drawn on %(day)s, within %(start)s – %(end)s"),
    "loan-not-in-window": _("drawn on %(day)s, not within %(start)s – %(end)s"),
    "interest": _("%(percent)s%% of the interest paid, %(declared)s: %(amount)s"),
    "no-interest": _("give the interest paid"),
    "document": _("document %(number)s, checked by the reviewers"),
    "per-claim": _("%(amount)s per claim"),
    "first-time": _("not subsidised before"),
    "subsidised-here": _("already subsidised: application %(number)s, %(scheme)s, %(amount)s"),
    "claimed-here": _("already claimed in application %(number)s (%(stage)s), %(scheme)s"),
    "subsidised-before": _("already subsidised: %(scheme)s, %(year)s, %(amount)s"),
    "cap": _("capped at %(cap)s per claim"),
    "applicant-cap": _("capped at %(cap)s per applicant in the year: %(used)s given on earlier claims"),
}
# Checks that, failed, give nothing; of them, those the guard against double subsidy names.
EARLIER = ("subsidised-here", "claimed-here", "subsidised-before")


def wan(value) -> str:
    """An amount of 万元 as the pages write it."""
    return f"{Decimal(value).quantize(CENT).normalize():f} 万元"


def worded(reasons) -> list[tuple[bool | None, str]]:
    """(passed, text) of each kept fact, in the active language; passed None: a note, neither."""
    return [(passed, str(WORDS[check]) % values) for check, passed, values in reasons]


def subject_of(basis: str, text: str) -> str:
    """The claimed number as the register keeps it (a patent or a mark), else as written."""
    if basis in (Basis.INVENTION_GRANTED, Basis.PCT_FILED):
        return normalized(RightType.PATENT, text)
    if basis == Basis.MADRID_REGISTERED:
        return normalized(RightType.TRADEMARK, text)
    return (text or "").strip()


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _day(day) -> str:
    return f"{day:%Y-%m-%d}" if day else "—"


class Register:
    """What the claims need of the register, the loans and the earlier awards, read once for all of them."""

    def __init__(self, claims):
        by_basis = defaultdict(set)
        for claim in claims:
            by_basis[claim.item.basis].add(claim.subject)
        patents = by_basis[Basis.INVENTION_GRANTED] | by_basis[Basis.PCT_FILED]
        self.patents, self.patent_holders = self._rights(
            Patent, "application_number", patents, ("patent_type", "grant_date", "pct_number", "pct_filing_date")
        )
        self.marks, self.mark_holders = self._rights(
            Trademark,
            "registration_number",
            by_basis[Basis.MADRID_REGISTERED],
            ("madrid", "international_registration_date"),
        )
        self.loans = defaultdict(list)
        for number in _chunks(by_basis[Basis.PLEDGE_INTEREST]):
            for loan in Loan.objects.filter(contract_number__in=number).select_related("pledge"):
                self.loans[loan.contract_number].append(loan)
        self.earlier = self._earlier(claims)
        self.used = self._used(claims)

    @staticmethod
    def _rights(model, field, numbers, fields):
        rows, holders = {}, defaultdict(set)
        through = model.holders.through
        key = f"{model._meta.model_name}_id"
        for chunk in _chunks(numbers):
            rows_found = model.objects.filter(**{f"{field}__in": chunk}).values("pk", field, *fields)
            found = {row[field]: row for row in rows_found}
            rows.update(found)
            ids = [row["pk"] for row in found.values()]
            for record_id, enterprise_id in through.objects.filter(**{f"{key}__in": ids}).values_list(
                key, "enterprise_id"
            ):
                holders[record_id].add(enterprise_id)
        return rows, holders

    @staticmethod
    def _earlier(claims) -> dict:
        """{(basis, subject): [fact of an earlier award or claim]} from other applications and the past awards."""
        wanted = {(claim.item.basis, claim.subject) for claim in claims}
        own = {claim.application_id for claim in claims if claim.application_id}
        subjects = {subject for _, subject in wanted}
        found = defaultdict(list)
        for chunk in _chunks(subjects):
            others = (
                Claim.objects.filter(subject__in=chunk)
                .exclude(application__stage__in=(Stage.DRAFT, Stage.REFUSED))
                .exclude(application_id__in=own)
                .exclude(approved=0)
                .exclude(Q(approved__isnull=True) & Q(eligible=0))
                .values_list(
                    "item__basis",
                    "subject",
                    "application__number",
                    "application__stage",
                    "application__scheme__name",
                    "approved",
                    "eligible",
                )
            )
            for basis, subject, number, stage, scheme, approved, eligible in others:
                if (basis, subject) not in wanted:
                    continue
                if stage in AWARDED:
                    amount = wan(approved if approved is not None else eligible)
                    fact = ("subsidised-here", False, {"number": number, "scheme": scheme, "amount": amount})
                else:
                    fact = (
                        "claimed-here",
                        False,
                        {"number": number, "stage": str(Stage(stage).label), "scheme": scheme},
                    )
                found[(basis, subject)].append(fact)
            for basis, subject, scheme, year, amount in PastAward.objects.filter(subject__in=chunk).values_list(
                "basis", "subject", "scheme_name", "year", "amount"
            ):
                if (basis, subject) in wanted:
                    fact = ("subsidised-before", False, {"scheme": scheme, "year": year, "amount": wan(amount)})
                    found[(basis, subject)].append(fact)
        return found

    @staticmethod
    def _used(claims) -> dict:
        """{(applicant, item): amount} given on the applicant's other applications to the same scheme's items."""
        items = {claim.item_id for claim in claims if claim.item.cap_per_applicant is not None}
        own = {claim.application_id for claim in claims if claim.application_id}
        used = defaultdict(Decimal)
        if not items:
            return used
        rows = (
            Claim.objects.filter(item_id__in=items)
            .exclude(application__stage__in=(Stage.DRAFT, Stage.REFUSED))
            .exclude(application_id__in=own)
            .values_list("application__applicant_id", "item_id", "approved", "eligible")
        )
        for applicant, item, approved, eligible in rows:
            used[(applicant, item)] += approved if approved is not None else eligible
        return used


def _window(scheme, day, inside, outside, extra=None) -> tuple:
    values = {"day": _day(day), "start": _day(scheme.window_from), "end": _day(scheme.window_to), **(extra or {})}
    ok = day is not None and scheme.window_from <= day <= scheme.window_to
    return (inside if ok else outside, ok, values)


def _holder(holders, applicant_id, names) -> tuple:
    if applicant_id in holders:
        return ("holder", True, {})
    return ("not-holder", False, {"holders": names.get(frozenset(holders), "—")})


def _check(claim, register: Register, holder_names) -> tuple[list, Decimal]:
    """(facts, amount before the caps) of one claim; also links it to the register's record or the loan."""
    item, scheme = claim.item, claim.application.scheme
    applicant = claim.application.applicant_id
    basis, number = item.basis, claim.subject
    facts = []
    claim.patent_id = claim.trademark_id = claim.loan_id = None
    if basis in (Basis.INVENTION_GRANTED, Basis.PCT_FILED):
        row = register.patents.get(number)
        if row is None:
            return [("not-in-register", False, {"number": number})], Decimal(0)
        claim.patent_id = row["pk"]
        facts.append(("in-register", True, {"number": number}))
        if basis == Basis.INVENTION_GRANTED:
            invention = row["patent_type"] == PatentType.INVENTION
            facts.append(("invention" if invention else "not-invention", invention, {}))
            if row["grant_date"] is None:
                facts.append(("not-granted", False, {}))
            else:
                facts.append(_window(scheme, row["grant_date"], "granted-in-window", "not-granted-in-window"))
        elif not row["pct_number"]:
            facts.append(("no-pct", False, {}))
        else:
            pct = {"pct": row["pct_number"]}
            facts.append(_window(scheme, row["pct_filing_date"], "pct-in-window", "pct-not-in-window", pct))
        facts.append(_holder(register.patent_holders[row["pk"]], applicant, holder_names))
        amount = item.amount or Decimal(0)
    elif basis == Basis.MADRID_REGISTERED:
        row = register.marks.get(number)
        if row is None:
            return [("not-in-register", False, {"number": number})], Decimal(0)
        claim.trademark_id = row["pk"]
        facts.append(("in-register", True, {"number": number}))
        if not row["madrid"]:
            facts.append(("not-madrid", False, {}))
        else:
            facts.append(
                _window(scheme, row["international_registration_date"], "madrid-in-window", "madrid-not-in-window")
            )
        facts.append(_holder(register.mark_holders[row["pk"]], applicant, holder_names))
        amount = item.amount or Decimal(0)
    elif basis == Basis.PLEDGE_INTEREST:
        loan = next((x for x in register.loans.get(number, ()) if x.pledge.pledgor_id == applicant), None)
        if loan is None:
            return [("loan-not-found", False, {"number": number})], Decimal(0)
        claim.loan_id = loan.pk
        facts.append(("loan-found", True, {"number": number, "pledge": loan.pledge.registration_number}))
        facts.append(_window(scheme, loan.drawn_on, "loan-in-window", "loan-not-in-window"))
        if not claim.declared:
            facts.append(("no-interest", False, {}))
            amount = Decimal(0)
        else:
            amount = (claim.declared * (item.percent or 0) / 100).quantize(CENT, ROUND_HALF_UP)
            values = {"percent": f"{item.percent:f}", "declared": wan(claim.declared), "amount": wan(amount)}
            facts.append(("interest", None, values))
    else:
        facts.append(("document", None, {"number": number}))
        amount = item.amount or Decimal(0)
    if basis != Basis.PLEDGE_INTEREST:
        facts.append(("per-claim", None, {"amount": wan(amount)}))
    return facts, amount


def assess(claims) -> None:
    """Set each claim's `eligible` amount, its `reasons` and its link to the register (or the loan), for claims of
    any number of applications; the caller saves them. Claims of one application are capped in their order."""
    claims = list(claims)
    for claim in claims:
        claim.subject = subject_of(claim.item.basis, claim.subject)
    register = Register(claims)
    holder_names = _holder_names(register)
    used = register.used
    for claim in claims:
        facts, amount = _check(claim, register, holder_names)
        earlier = register.earlier.get((claim.item.basis, claim.subject), [])
        facts.extend(earlier or [("first-time", True, {})])
        passed = all(ok is not False for _, ok, _ in facts)
        amount = amount if passed else Decimal(0)
        item = claim.item
        if amount and item.cap is not None and amount > item.cap:
            amount = item.cap
            facts.append(("cap", None, {"cap": wan(item.cap)}))
        if amount and item.cap_per_applicant is not None:
            key = (claim.application.applicant_id, item.pk)
            room = max(item.cap_per_applicant - used[key], Decimal(0))
            if amount > room:
                facts.append(("applicant-cap", None, {"cap": wan(item.cap_per_applicant), "used": wan(used[key])}))
                amount = room
            used[key] += amount
        claim.eligible, claim.reasons = amount, [list(fact) for fact in facts]


def _holder_names(register: Register) -> dict:
    """{holders: their names} for the messages of claims whose applicant is not a holder (few, read lazily)."""
    from zhichan.registry.models import Enterprise

    class Names(dict):
        def get(self, key, default=None):
            if key not in self:
                names = Enterprise.objects.filter(pk__in=key).values_list("name", flat=True)
                self[key] = "、".join(sorted(names)) or default
            return self[key]

    return Names()


def earlier_awards(claim) -> list[str]:
    """The earlier awards or claims a claim runs into, worded (the guard's message)."""
    texts = worded(claim.reasons)
    return [text for (check, _, _), (_, text) in zip(claim.reasons, texts, strict=True) if check in EARLIER]
