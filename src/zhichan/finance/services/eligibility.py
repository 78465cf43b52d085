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
`reasons` are kept as facts ((check, passed, values)) and worded when read, in the reader's language.
"""

import re
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zhichan.core.bulk_work import one_of
from zhichan.registry.models import Enterprise, Patent, Trademark
from zhichan.registry.models.patents import PatentType

from ..models import Loan, RightType
from ..models.subsidies import AWARDED, Basis, Claim, PastAward, Stage
from .rights import normalized

CHUNK = 20_000  # numbers asked of the database at once (SQLite's limit on parameters)
CENT = Decimal("0.0001")  # 万元 to the yuan
ZERO = Decimal(0)
# A patent number written as the register keeps it (ASCII digits, the dot, the check digit): `normalized` would
# give it back unchanged, valid or not, so it is taken as it is without parsing it again.
KEPT_PATENT_NUMBER = re.compile(r"[0-9]{12}\.[0-9X]")

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
PATENT_BASES = (Basis.INVENTION_GRANTED, Basis.PCT_FILED)
INVENTION_TYPE = PatentType.INVENTION


def wan(value) -> str:
    """An amount of 万元 as the pages write it."""
    return f"{Decimal(value).quantize(CENT).normalize():f} 万元"


_wan = lru_cache(maxsize=1024)(wan)  # the few amounts of a scheme's items and caps, written once each


def worded(reasons) -> list[tuple[bool | None, str]]:
    """(passed, text) of each kept fact, in the active language; passed None: a note, neither."""
    return [(passed, str(WORDS[check]) % values) for check, passed, values in reasons]


def subject_of(basis: str, text: str) -> str:
    """The claimed number as the register keeps it (a patent or a mark), else as written."""
    if basis in PATENT_BASES:
        written = (text or "").strip()
        if KEPT_PATENT_NUMBER.fullmatch(written):
            return written
        return normalized(RightType.PATENT, text)
    if basis == Basis.MADRID_REGISTERED:
        return normalized(RightType.TRADEMARK, text)
    return (text or "").strip()


def _chunks(values):
    values = sorted(values)  # in the order of the indexes they are looked up in (quick if sorted already)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


@lru_cache(maxsize=4096)
def _day(day) -> str:
    return f"{day:%Y-%m-%d}" if day else "—"


class Register:
    """What the claims need of the register, the loans and the earlier awards, read once for all of them."""

    def __init__(self, claims, items: dict):
        by_basis = defaultdict(set)
        for claim in claims:
            by_basis[items[claim.item_id].basis].add(claim.subject)
        own = {claim.application_id for claim in claims}
        capped = {pk for pk, item in items.items() if item.cap_per_applicant is not None}
        numbers = sorted(set().union(*by_basis.values()))  # sorted once (see _chunks)
        patents = by_basis[Basis.INVENTION_GRANTED] | by_basis[Basis.PCT_FILED]
        self.patents, self.patent_holders = self._rights(
            Patent,
            "application_number",
            [number for number in numbers if number in patents],
            ("patent_type", "grant_date", "pct_number", "pct_filing_date"),
        )
        self.marks, self.mark_holders = self._rights(
            Trademark,
            "registration_number",
            by_basis[Basis.MADRID_REGISTERED],
            ("madrid", "international_registration_date"),
        )
        self.loans = defaultdict(list)
        for number in _chunks(by_basis[Basis.PLEDGE_INTEREST]):
            for loan in Loan.objects.filter(one_of("contract_number", number)).select_related("pledge"):
                self.loans[loan.contract_number].append(loan)
        self.earlier = self._earlier(numbers, by_basis, own)
        self.used = self._used(capped, own)

    @staticmethod
    def _rights(model, field, numbers, fields):
        """({number: (pk, number, *fields, a holder)}, {pk: its holders}): one query a chunk, the holders joined
        (a row each)."""
        rows, holders = {}, {}
        for chunk in _chunks(numbers):
            found = model.objects.filter(one_of(field, chunk, walk=True)).order_by()
            for row in found.values_list("pk", field, *fields, "holders"):
                if row[1] not in rows:
                    rows[row[1]] = row
                if row[-1] is not None:
                    holders[row[0]] = (*holders.get(row[0], ()), row[-1])  # a tuple: see assess
        return rows, holders

    @staticmethod
    def _earlier(subjects, wanted, own) -> dict:
        """{(basis, subject): [fact of an earlier award or claim]} from applications other than `own` and the past
        awards, for the subjects wanted under each basis ({basis: subjects})."""
        found = defaultdict(list)
        for chunk in _chunks(subjects):
            others = (
                Claim.objects.filter(one_of("subject", chunk))
                .exclude(application__stage__in=(Stage.DRAFT, Stage.REFUSED))
                .exclude(approved=0)
                .exclude(Q(approved__isnull=True) & Q(eligible=0))
                .values_list(
                    "application_id",
                    "item__basis",
                    "subject",
                    "application__number",
                    "application__stage",
                    "application__scheme__name",
                    "approved",
                    "eligible",
                )
            )
            for application, basis, subject, number, stage, scheme, approved, eligible in others:
                if application in own or subject not in wanted.get(basis, ()):
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
            past = PastAward.objects.filter(one_of("subject", chunk)).values_list(
                "basis", "subject", "scheme_name", "year", "amount"
            )
            for basis, subject, scheme, year, amount in past:
                if subject in wanted.get(basis, ()):
                    fact = ("subsidised-before", False, {"scheme": scheme, "year": year, "amount": wan(amount)})
                    found[(basis, subject)].append(fact)
        return found

    @staticmethod
    def _used(items, own) -> dict:
        """{(applicant, item): amount} given on applications other than `own` under these items (each capped per
        applicant)."""
        used = defaultdict(Decimal)
        if not items:
            return used
        rows = (
            Claim.objects.filter(item_id__in=items)
            .exclude(application__stage__in=(Stage.DRAFT, Stage.REFUSED))
            .order_by()
            .values_list("application_id", "application__applicant_id", "item_id", "approved", "eligible")
        )
        for application, applicant, item, approved, eligible in rows:
            if application not in own:
                used[(applicant, item)] += approved if approved is not None else eligible
        return used


def _read_once(claims) -> tuple[dict, dict]:
    """The claims' items and their applications' (scheme, applicant), by key, each read once however many claims
    share it; and each claim's number written as the register keeps it. The claims are of saved applications."""
    items, applications = {}, {}
    for claim in claims:
        item = items.get(claim.item_id)
        if item is None:
            item = items[claim.item_id] = claim.item
        if claim.application_id not in applications:
            application = claim.application
            applications[claim.application_id] = (application.scheme, application.applicant_id)
        claim.subject = subject_of(item.basis, claim.subject)
    return items, applications


# The facts that carry no values are the same for every claim: made once (their empty values are never changed,
# nor are the shared facts below).
INVENTION, NOT_INVENTION = ("invention", True, {}), ("not-invention", False, {})
NOT_GRANTED, NO_PCT, NOT_MADRID = ("not-granted", False, {}), ("no-pct", False, {}), ("not-madrid", False, {})
HOLDER, FIRST_TIME, NO_INTEREST = ("holder", True, {}), ("first-time", True, {}), ("no-interest", False, {})


@lru_cache(maxsize=8192)
def _window(start, end, day, inside: str, outside: str) -> tuple:
    """Whether the day lies in the window, as a fact: the same for every claim of that day (shared)."""
    ok = day is not None and start <= day <= end
    return (inside if ok else outside, ok, {"day": _day(day), "start": _day(start), "end": _day(end)})


@lru_cache(maxsize=1024)
def _per_claim(amount) -> tuple:
    return ("per-claim", None, {"amount": _wan(amount)})


def _holder(holders, applicant_id, unnamed) -> tuple:
    if applicant_id in holders:
        return HOLDER
    values = {"holders": "—"}
    unnamed.append((values, holders))  # named once every claim is checked, all at once (_name_holders)
    return ("not-holder", False, values)


def _name_holders(unnamed) -> None:
    """Name the holders in the facts of the claims whose applicant is not among them: one query for all."""
    ids = set().union(*(holders for _values, holders in unnamed))
    names = {}
    for chunk in _chunks(ids):
        names.update(
            Enterprise.objects.filter(one_of("pk", chunk, "bigint", walk=True)).order_by().values_list("pk", "name")
        )
    for values, holders in unnamed:
        values["holders"] = "、".join(sorted(names[pk] for pk in holders if pk in names)) or "—"


# What a check gives: the facts, the amount before the caps, whether every check passed, the key of the record or
# loan the claim names.
Checked = tuple[list, Decimal, bool, int | None]


def _in_register(number) -> tuple:
    return ("in-register", True, {"number": number})


def _not_in_register(number) -> Checked:
    return [("not-in-register", False, {"number": number})], ZERO, False, None


def _invention_granted(claim, item, scheme, applicant, register: Register, unnamed) -> Checked:
    number = claim.subject
    row = register.patents.get(number)
    if row is None:
        return _not_in_register(number)
    pk, _number, patent_type, grant_date, _pct_number, _pct_filing_date, _holder_id = row
    invention = patent_type == INVENTION_TYPE
    if grant_date is None:
        granted = NOT_GRANTED
    else:
        window = (scheme.window_from, scheme.window_to)
        granted = _window(*window, grant_date, "granted-in-window", "not-granted-in-window")
    holder = _holder(register.patent_holders.get(pk, ()), applicant, unnamed)
    amount = item.amount or ZERO
    facts = [_in_register(number), INVENTION if invention else NOT_INVENTION, granted, holder, _per_claim(amount)]
    return facts, amount, invention and granted[1] and holder is HOLDER, pk


def _pct_filed(claim, item, scheme, applicant, register: Register, unnamed) -> Checked:
    number = claim.subject
    row = register.patents.get(number)
    if row is None:
        return _not_in_register(number)
    pk, _number, _type, _grant_date, pct_number, pct_filing_date, _holder_id = row
    if not pct_number:
        filed = NO_PCT
    else:
        check, ok, values = _window(
            scheme.window_from, scheme.window_to, pct_filing_date, "pct-in-window", "pct-not-in-window"
        )
        filed = (check, ok, {**values, "pct": pct_number})
    holder = _holder(register.patent_holders.get(pk, ()), applicant, unnamed)
    amount = item.amount or ZERO
    facts = [_in_register(number), filed, holder, _per_claim(amount)]
    return facts, amount, filed[1] and holder is HOLDER, pk


def _madrid_registered(claim, item, scheme, applicant, register: Register, unnamed) -> Checked:
    number = claim.subject
    row = register.marks.get(number)
    if row is None:
        return _not_in_register(number)
    pk, _number, madrid, registered_on, _holder_id = row
    if not madrid:
        registered = NOT_MADRID
    else:
        registered = _window(
            scheme.window_from, scheme.window_to, registered_on, "madrid-in-window", "madrid-not-in-window"
        )
    holder = _holder(register.mark_holders.get(pk, ()), applicant, unnamed)
    amount = item.amount or ZERO
    facts = [_in_register(number), registered, holder, _per_claim(amount)]
    return facts, amount, registered[1] and holder is HOLDER, pk


def _pledge_interest(claim, item, scheme, applicant, register: Register, unnamed) -> Checked:
    number, declared = claim.subject, claim.declared
    loan = next((x for x in register.loans.get(number, ()) if x.pledge.pledgor_id == applicant), None)
    if loan is None:
        return [("loan-not-found", False, {"number": number})], ZERO, False, None
    drawn = _window(scheme.window_from, scheme.window_to, loan.drawn_on, "loan-in-window", "loan-not-in-window")
    facts = [("loan-found", True, {"number": number, "pledge": loan.pledge.registration_number}), drawn]
    if not declared:
        facts.append(NO_INTEREST)
        return facts, ZERO, False, loan.pk
    amount = (declared * (item.percent or 0) / 100).quantize(CENT, ROUND_HALF_UP)
    values = {"percent": f"{item.percent:f}", "declared": wan(declared), "amount": wan(amount)}
    facts.append(("interest", None, values))
    return facts, amount, drawn[1], loan.pk


def _project(claim, item, scheme, applicant, register: Register, unnamed) -> Checked:
    amount = item.amount or ZERO
    return [("document", None, {"number": claim.subject}), _per_claim(amount)], amount, True, None


# The check of each basis (see Checked); any other basis is checked as a project, and names nothing.
CHECKS = {
    Basis.INVENTION_GRANTED: _invention_granted,
    Basis.PCT_FILED: _pct_filed,
    Basis.MADRID_REGISTERED: _madrid_registered,
    Basis.PLEDGE_INTEREST: _pledge_interest,
}
LINKS = {
    Basis.INVENTION_GRANTED: "patent_id",
    Basis.PCT_FILED: "patent_id",
    Basis.MADRID_REGISTERED: "trademark_id",
    Basis.PLEDGE_INTEREST: "loan_id",
}


def assess(claims) -> None:
    """Set each claim's `eligible` amount, its `reasons` and its link to the register (or the loan), for claims of
    any number of applications; the caller saves them. Claims of one application are capped in their order.
    The reasons are tuples: many claims make millions of them, which Python's cycle collector then need not walk
    again and again (it leaves alone a tuple of plain values)."""
    claims = list(claims)
    items, applications = _read_once(claims)
    register = Register(claims, items)
    earlier_facts, used, unnamed = register.earlier, register.used, []
    for claim in claims:
        item = items[claim.item_id]
        scheme, applicant = applications[claim.application_id]
        basis = item.basis
        facts, amount, passed, link = CHECKS.get(basis, _project)(claim, item, scheme, applicant, register, unnamed)
        if basis in LINKS:
            setattr(claim, LINKS[basis], link)
        earlier = earlier_facts.get((basis, claim.subject))
        if earlier:
            facts.extend(earlier)
            passed = False
        else:
            facts.append(FIRST_TIME)
        if not passed:
            amount = ZERO
        elif item.cap is not None and amount > item.cap:
            amount = item.cap
            facts.append(("cap", None, {"cap": _wan(item.cap)}))
        if amount and item.cap_per_applicant is not None:
            key = (applicant, item.id)
            room = max(item.cap_per_applicant - used[key], ZERO)
            if amount > room:
                facts.append(("applicant-cap", None, {"cap": _wan(item.cap_per_applicant), "used": wan(used[key])}))
                amount = room
            used[key] += amount
        claim.eligible, claim.reasons = amount, tuple(facts)
    _name_holders(unnamed)


def earlier_awards(claim) -> list[str]:
    """The earlier awards or claims a claim runs into, worded (the guard's message)."""
    texts = worded(claim.reasons)
    return [text for (check, _, _), (_, text) in zip(claim.reasons, texts, strict=True) if check in EARLIER]
