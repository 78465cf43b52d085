"""The shared pool (共享案件库, plan 四(四)2: 将知识产权行政执法数据汇聚到网上执法平台，实现知识产权保护信息大共享).

Every enforcement case of the organisation (and of those below it), read by every member unit and township under
the pool's scopes (models/pool.py), as one projection: `pooled_cases(user, cases)` turns cases into `PoolCase`
rows, which the pool's pages and its API both show, field for field, and nothing else. A row carries no ID number,
no complainant, no note on the outcome and no person's name in full — except to a reader of the case itself (its
own unit, the office, the leadership), who reads the name anyway; a person's name in the case's name or goods is
masked too.

The record of one party across units (`party_record`) and the search for parties (`find_parties`) read the same
way: organisations by credit code, or by exact name when they have none; a person — and a name without a credit
code outside a case, which may be a person's — only by the office and in the records of the reader's own unit.
Parties with two or more decided cases (`decided_on` set) in the reader's organisation are repeat infringers
(重复侵权).
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Case as Choose
from django.db.models import CharField, Count, Max, Min, Q, Value, When
from django.db.models.functions import Concat
from django.urls import reverse

from zhichan.core.roles import LIAISONS, Role, role_of
from zhichan.core.scoping import NOTHING, works_for

from ..models import (
    AssistanceRequest,
    Case,
    CaseParty,
    Complaint,
    Mediation,
    MediationParty,
    PartyKind,
    PooledCase,
)
from ..models import pool as scopes
from .parties import masked_name, scrubbed

# A party is an organisation by its credit code, or anything else by its exact name.
CODE, NAME = "code", "name"
CREDIT_CODE = re.compile(r"[0-9A-Za-z]{18}")
# Decided cases that make a party a repeat infringer.
REPEAT_AFTER = 2
# Parties a search lists at most.
SEARCH_LIMIT = 50


def party_key(credit_code: str, name: str) -> str:
    return f"{CODE}:{credit_code}" if credit_code else f"{NAME}:{name}"


def _key(code: str = "credit_code", name: str = "name"):
    """party_key in the database, for grouping."""
    return Choose(
        When(**{code: ""}, then=Concat(Value(f"{NAME}:"), name)),
        default=Concat(Value(f"{CODE}:"), code),
        output_field=CharField(),
    )


def party_url(key: str) -> str:
    kind, _sep, value = key.partition(":")
    return f"{reverse('pool-party')}?{urlencode({kind: value})}"


def _held(user, unit: str):
    """Records of the reader's own unit — all, for the office — as a filter on the lookup to their unit: where a
    person's name may be looked up (core.scoping.works_for for many rows). Never the empty Q: it is or-ed with
    other conditions, and `X | Q()` is X."""
    role = role_of(user)
    if role == Role.OFFICE:
        return Q(**{f"{unit}__isnull": False})
    if role in LIAISONS and user.unit_id:
        return Q(**{unit: user.unit_id})
    return NOTHING


def _readable(model, user, ids) -> set:
    """Which of these records the user reads in full, under the record's own scope."""
    return set(model.objects.visible_to(user).filter(pk__in=list(ids)).values_list("pk", flat=True)) if ids else set()


# --- the pool ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolParty:
    kind: str
    kind_label: str
    name: str  # a person's masked, but for readers of the case
    credit_code: str  # an organisation's
    repeat: bool
    url: str  # the party's record, or "" where the reader may not look the party up


@dataclass(frozen=True)
class PoolCase:
    id: int
    number: str
    title: str
    unit: int
    unit_name: str
    kind: str
    kind_name: str
    ip_type: str
    ip_type_label: str
    source: str
    source_label: str
    state: str
    state_label: str
    township: int | None
    township_name: str
    goods: str
    lead_on: datetime.date
    filed_on: datetime.date | None
    decided_on: datetime.date | None
    ended_on: datetime.date | None
    decision_number: str
    illegal_turnover: Decimal
    fine: Decimal
    confiscation: Decimal
    compensation: Decimal
    punitive_damages: Decimal
    parties: tuple[PoolParty, ...]
    repeat: bool
    synthetic: bool
    url: str  # the case itself for its readers, its page in the pool for everyone else


def pool(user):
    """The cases of the shared pool the user reads, newest lead first, with what a row shows of them."""
    return PooledCase.objects.visible_to(user).select_related("kind", "unit", "township").order_by("-lead_on", "-pk")


def pooled_cases(user, cases) -> list[PoolCase]:
    """The pool's rows of these cases (read through `pool(user)`), in their order, as the user may read them: the
    one projection of the pool's pages and API. Four queries, however many cases."""
    cases = list(cases)
    ids = [case.pk for case in cases]
    parties = defaultdict(list)
    for party in CaseParty.objects.filter(case_id__in=ids).order_by("case_id", "pk"):
        parties[party.case_id].append(party)
    readable = _readable(Case, user, ids)
    repeats = repeat_keys(user, {party_key(p.credit_code, p.name) for rows in parties.values() for p in rows})
    return [_row(user, case, parties[case.pk], case.pk in readable, repeats) for case in cases]


def _row(user, case, parties, reads_case: bool, repeats: set) -> PoolCase:
    hidden = [] if reads_case else [p.name for p in parties if p.kind == PartyKind.PERSON]
    shown = tuple(_party(user, case, party, reads_case, repeats) for party in parties)
    return PoolCase(
        id=case.pk,
        number=case.number,
        title=scrubbed(case.title, hidden),
        unit=case.unit_id,
        unit_name=str(case.unit),
        kind=case.kind.key,
        kind_name=str(case.kind),
        ip_type=case.ip_type,
        ip_type_label=str(case.get_ip_type_display()),
        source=case.source,
        source_label=str(case.get_source_display()),
        state=case.state,
        state_label=str(case.get_state_display()),
        township=case.township_id,
        township_name=str(case.township) if case.township_id else "",
        goods=scrubbed(case.goods, hidden),
        lead_on=case.lead_on,
        filed_on=case.filed_on,
        decided_on=case.decided_on,
        ended_on=case.ended_on,
        decision_number=case.decision_number,
        illegal_turnover=case.illegal_turnover,
        fine=case.fine,
        confiscation=case.confiscation,
        compensation=case.compensation,
        punitive_damages=case.punitive_damages,
        parties=shown,
        repeat=any(party.repeat for party in shown),
        synthetic=case.synthetic,
        url=reverse("case-detail", args=[case.pk]) if reads_case else reverse("pool-detail", args=[case.pk]),
    )


def _party(user, case, party, reads_case: bool, repeats: set) -> PoolParty:
    key = party_key(party.credit_code, party.name)
    person = party.kind == PartyKind.PERSON
    return PoolParty(
        kind=party.kind,
        kind_label=str(party.get_kind_display()),
        name=masked_name(party.name) if person and not reads_case else party.name,
        credit_code="" if person else party.credit_code,
        repeat=key in repeats,
        url=party_url(key) if not person or works_for(user, case.unit) else "",
    )


def repeat_keys(user, keys) -> set[str]:
    """Which of these parties (party_key) have two or more decided cases in the reader's organisation (and those
    below it), whichever of those cases the reader may see: one query."""
    codes = [key.partition(":")[2] for key in keys if key.startswith(f"{CODE}:")]
    names = [key.partition(":")[2] for key in keys if key.startswith(f"{NAME}:")]
    if not codes and not names:
        return set()
    rows = (
        CaseParty.objects.filter(CaseParty.scope.of_organisation(user, below=True), case__decided_on__isnull=False)
        .filter(Q(credit_code__in=codes) | Q(credit_code="", name__in=names))
        .annotate(key=_key())
        .values("key")
        .annotate(decided=Count("case", distinct=True))
        .filter(decided__gte=REPEAT_AFTER)
    )
    return {row["key"] for row in rows}


# --- where a party is named ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Records that name a party: the model of the rows, the pool's scope of them, the lookups to the party's credit
    code and name, and to the unit holding the record."""

    model: type
    scope: object
    code: str
    name: str
    unit: str


CASE_PARTIES = Source(CaseParty, scopes.CASE_PARTIES, "credit_code", "name", "case__unit")
COMPLAINTS = Source(Complaint, scopes.COMPLAINTS, "respondent_credit_code", "respondent_name", "unit")
MEDIATION_PARTIES = Source(MediationParty, scopes.MEDIATION_PARTIES, "credit_code", "name", "mediation__unit")
REQUESTS = Source(AssistanceRequest, scopes.REQUESTS, "credit_code", "requester", "unit")


def naming(user, source: Source, *, code: str = "", name: str = "", part: str = ""):
    """The rows of `source` the pool shows the user that name the party — by its credit code, its exact `name` or a
    `part` of a name. A credit code is an organisation's, looked up by anyone reading the pool; a case's party of
    the organisation kind too; any other name (a person's, or one outside a case, which may be a person's) only
    in the records of the reader's own unit — all of them, for the office."""
    rows = source.model.objects.filter(source.scope.readable(user))
    if code:
        return rows.filter(**{source.code: code})
    if name:  # the party of no credit code by this name (an organisation of this name with a code is another)
        rows = rows.filter(**{source.code: "", source.name: name})
    else:
        rows = rows.filter(**{f"{source.name}__icontains": part})
    public = ~Q(**{source.code: ""})
    if source is CASE_PARTIES:
        public |= Q(kind=PartyKind.ORGANISATION)
    return rows.filter(public | _held(user, source.unit))


# --- one party's record -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolComplaint:
    id: int
    kind_label: str
    received_on: datetime.date
    unit_name: str
    ip_type_label: str
    state_label: str
    url: str  # the complaint for its readers, else ""


@dataclass(frozen=True)
class PoolMediation:
    id: int
    number: str
    kind_label: str
    side_label: str
    unit_name: str
    received_on: datetime.date
    state_label: str
    ended_on: datetime.date | None
    url: str


@dataclass(frozen=True)
class PoolRequest:
    id: int
    kind_label: str
    unit_name: str
    requested_on: datetime.date
    outcome_label: str
    closed_on: datetime.date | None
    url: str


@dataclass(frozen=True)
class PartyRecord:
    key: str
    name: str
    credit_code: str
    kind: str  # organisation, person, or "" (a name known only outside cases)
    kind_label: str
    cases: list[PoolCase] = field(default_factory=list)
    complaints: list[PoolComplaint] = field(default_factory=list)
    mediations: list[PoolMediation] = field(default_factory=list)
    requests: list[PoolRequest] = field(default_factory=list)
    decided: int = 0
    fines: Decimal = Decimal(0)
    repeat: bool = False

    @property
    def empty(self) -> bool:
        return not (self.cases or self.complaints or self.mediations or self.requests)


def party_record(user, *, code: str = "", name: str = "") -> PartyRecord:
    """Everything the pool holds on one party — by credit code, or by exact name — as the user may read it: its
    cases in every unit, the complaints naming it, its mediations and its requests for assistance."""
    code, name = (code or "").strip().upper(), (name or "").strip()
    key = party_key(code, name)
    parties, complaints, mediation_parties, requests = (
        naming(user, source, code=code, name=name) for source in (CASE_PARTIES, COMPLAINTS, MEDIATION_PARTIES, REQUESTS)
    )
    found = list(parties.order_by("-case__lead_on", "-pk").values_list("case_id", "kind", "name"))
    cases = pooled_cases(user, pool(user).filter(pk__in={case for case, _kind, _name in found}))
    kinds = {kind for _case, kind, _name in found}
    kind = PartyKind.ORGANISATION if code or PartyKind.ORGANISATION in kinds else (PartyKind.PERSON if kinds else "")
    decided = [case for case in cases if case.decided_on]
    return PartyRecord(
        key=key,
        name=found[0][2] if found else _name_elsewhere(code, complaints, mediation_parties, requests) or name,
        credit_code=code,
        kind=kind,
        kind_label=str(PartyKind(kind).label) if kind else "",
        cases=cases,
        complaints=_complaints(user, complaints),
        mediations=_mediations(user, mediation_parties),
        requests=_requests(user, requests),
        decided=len(decided),
        fines=sum((case.fine for case in decided), Decimal(0)),
        repeat=key in repeat_keys(user, {key}),
    )


def _name_elsewhere(code, complaints, mediation_parties, requests) -> str:
    """The name an organisation known only outside cases goes by."""
    if not code:
        return ""
    for rows, name in ((complaints, "respondent_name"), (mediation_parties, "name"), (requests, "requester")):
        found = rows.values_list(name, flat=True).first()
        if found:
            return found
    return ""


def _complaints(user, complaints) -> list[PoolComplaint]:
    rows = list(complaints.select_related("unit").order_by("-received_on", "-pk"))
    readable = _readable(Complaint, user, [row.pk for row in rows])
    return [
        PoolComplaint(
            id=row.pk,
            kind_label=str(row.get_kind_display()),
            received_on=row.received_on,
            unit_name=str(row.unit),
            ip_type_label=str(row.get_ip_type_display()),
            state_label=str(row.get_state_display()),
            url=reverse("complaint-detail", args=[row.pk]) if row.pk in readable else "",
        )
        for row in rows
    ]


def _mediations(user, mediation_parties) -> list[PoolMediation]:
    rows = list(
        mediation_parties.select_related("mediation__unit").order_by("-mediation__received_on", "-mediation_id", "pk")
    )
    readable = _readable(Mediation, user, {row.mediation_id for row in rows})
    return [
        PoolMediation(
            id=row.mediation_id,
            number=row.mediation.number,
            kind_label=str(row.mediation.get_kind_display()),
            side_label=str(row.get_side_display()),
            unit_name=str(row.mediation.unit),
            received_on=row.mediation.received_on,
            state_label=str(row.mediation.get_state_display()),
            ended_on=row.mediation.ended_on,
            url=reverse("mediation-detail", args=[row.mediation_id]) if row.mediation_id in readable else "",
        )
        for row in rows
    ]


def _requests(user, requests) -> list[PoolRequest]:
    rows = list(requests.select_related("unit").order_by("-requested_on", "-pk"))
    readable = _readable(AssistanceRequest, user, [row.pk for row in rows])
    return [
        PoolRequest(
            id=row.pk,
            kind_label=str(row.get_kind_display()),
            unit_name=str(row.unit),
            requested_on=row.requested_on,
            outcome_label=str(row.get_outcome_display()) if row.outcome else "",
            closed_on=row.closed_on,
            url=reverse("assistance-detail", args=[row.pk]) if row.pk in readable else "",
        )
        for row in rows
    ]


# --- search and repeat infringers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyHit:
    name: str
    credit_code: str
    kind: str
    kind_label: str
    cases: int
    decided: int
    other_records: int  # complaints, mediations and requests for assistance
    units: tuple[str, ...]
    repeat: bool
    url: str


def is_credit_code(text: str) -> bool:
    return bool(CREDIT_CODE.fullmatch(text or ""))


def find_parties(user, text: str) -> list[PartyHit]:
    """Parties whose credit code is the text, or whose name holds it, across every unit, as the user may read them
    (see `naming`); repeat infringers first, then the most cases, at most SEARCH_LIMIT."""
    text = (text or "").strip()
    look_up = {"code": text.upper()} if is_credit_code(text) else {"part": text}
    parties = naming(user, CASE_PARTIES, **look_up).annotate(key=_key())
    grouped = (
        parties.values("key")
        .annotate(
            name=Max("name"),
            kind=Min("kind"),  # organisation before person
            cases=Count("case", distinct=True),
            decided=Count("case", filter=Q(case__decided_on__isnull=False), distinct=True),
        )
        .order_by("-cases", "key")[:SEARCH_LIMIT]
    )
    hits = {row["key"]: dict(row, others=0) for row in grouped}
    units = defaultdict(set)
    for key, unit in parties.filter(key__in=list(hits)).values_list("key", "case__unit").distinct():
        units[key].add(unit)
    for source in (COMPLAINTS, MEDIATION_PARTIES, REQUESTS):
        rows = naming(user, source, **look_up).annotate(key=_key(source.code, source.name)).values("key")
        for row in rows.annotate(name=Max(source.name), others=Count("pk")).order_by("key")[: SEARCH_LIMIT * 2]:
            hit = hits.get(row["key"])
            if hit is None and len(hits) < SEARCH_LIMIT:
                hit = hits[row["key"]] = {"name": row["name"], "kind": "", "cases": 0, "decided": 0, "others": 0}
            if hit is not None:
                hit["others"] += row["others"]
    return _hits(user, hits, units)


def _hits(user, hits: dict, units: dict) -> list[PartyHit]:
    from zhichan.core.models import Unit

    names = {unit.pk: str(unit) for unit in Unit.objects.filter(pk__in={u for found in units.values() for u in found})}
    repeats = repeat_keys(user, set(hits))
    result = []
    for key, hit in hits.items():
        code = key.partition(":")[2] if key.startswith(f"{CODE}:") else ""
        kind = PartyKind.ORGANISATION if code else hit["kind"]
        result.append(
            PartyHit(
                name=hit["name"],
                credit_code=code,
                kind=kind,
                kind_label=str(PartyKind(kind).label) if kind else "",
                cases=hit["cases"],
                decided=hit["decided"],
                other_records=hit["others"],
                units=tuple(sorted(names[unit] for unit in units.get(key, ()))),
                repeat=key in repeats,
                url=party_url(key),
            )
        )
    return sorted(result, key=lambda hit: (not hit.repeat, -hit.cases, -hit.other_records, hit.name))


def repeat_infringers(user):
    """The parties with two or more decided cases in the reader's organisation (and those below it), the most
    decided first: rows of key, name, kind, cases, decided and the latest decision."""
    return (
        CaseParty.objects.visible_to(user)
        .annotate(key=_key())
        .values("key")
        .annotate(
            name=Max("name"),
            kind=Min("kind"),
            cases=Count("case", distinct=True),
            decided=Count("case", filter=Q(case__decided_on__isnull=False), distinct=True),
            units=Count("case__unit", distinct=True),
            last_decided_on=Max("case__decided_on"),
        )
        .filter(decided__gte=REPEAT_AFTER)
        .order_by("-decided", "-last_decided_on", "key")
    )


@dataclass(frozen=True)
class RepeatInfringer:
    name: str
    credit_code: str
    kind: str
    kind_label: str
    cases: int
    decided: int
    units: int
    last_decided_on: datetime.date | None
    url: str


def infringer_rows(rows) -> list[RepeatInfringer]:
    """repeat_infringers' rows (a page of them) as the office reads them."""
    found = []
    for row in rows:
        code = row["key"].partition(":")[2] if row["key"].startswith(f"{CODE}:") else ""
        kind = PartyKind.ORGANISATION if code else row["kind"]
        found.append(
            RepeatInfringer(
                name=row["name"],
                credit_code=code,
                kind=kind,
                kind_label=str(PartyKind(kind).label),
                cases=row["cases"],
                decided=row["decided"],
                units=row["units"],
                last_decided_on=row["last_decided_on"],
                url=party_url(row["key"]),
            )
        )
    return found
