"""What the office has published (item 8, credit part): the serious-dishonesty list and the dishonesty records
marked published, and the outcomes of credit repair on them, with public fields only. A person's ID number is never
among them, and a person's name is shown masked; a revoked record or listing is not published."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.identities import masked_name

from ..models import (
    DishonestyRecord,
    ListingState,
    RecordState,
    RepairApplication,
    RepairState,
    SeriousListEntry,
    SubjectKind,
)
from .records import published_on
from .serious import on_list


@dataclass(frozen=True)
class PublishedRow:
    subject_name: str
    credit_code: str
    kind: str  # the kind of dishonesty, or "严重违法失信名单"
    document_number: str
    found_on: datetime.date
    published_to: datetime.date | None
    unit: str


def _name(row) -> str:
    return masked_name(row.subject_name) if row.subject_kind == SubjectKind.PERSON else row.subject_name


def published_records(day: datetime.date | None = None) -> list[PublishedRow]:
    """The published records (published by the day) still published on the day (default today), newest finding
    first."""
    day = day or timezone.localdate()
    rows = (
        DishonestyRecord.objects.filter(published=True, published_on__lte=day)
        .exclude(state=RecordState.REVOKED)
        .filter(published_on(day))
        .select_related("kind", "unit")
        .order_by("-found_on", "-pk")
    )
    return [
        PublishedRow(
            _name(r), r.credit_code, r.kind.name, r.document_number, r.found_on, r.publication_ends, r.unit.name
        )
        for r in rows
    ]


def published_listings(day: datetime.date | None = None) -> list[PublishedRow]:
    """The published serious-list entries on the list on the day (published by then)."""
    day = day or timezone.localdate()
    rows = (
        SeriousListEntry.objects.filter(published=True, published_on__lte=day)
        .select_related("unit")
        .order_by("-listed_on", "-pk")
    )
    return [
        PublishedRow(_name(e), e.credit_code, "严重违法失信名单", e.decision_number, e.listed_on, None, e.unit.name)
        for e in rows
        if on_list(e, day)
    ]


@dataclass(frozen=True)
class RepairOutcome:
    subject_name: str
    credit_code: str
    repaired: str  # the kind of dishonesty repaired, or "严重违法失信名单"
    document_number: str
    outcome: str
    decided_on: datetime.date
    unit: str


def published_repairs(day: datetime.date | None = None) -> list[RepairOutcome]:
    """The credit repairs approved on or before the day of records and listings the office had published (their
    publication ends early, or the party leaves the list early), newest first; never of a revoked one."""
    day = day or timezone.localdate()
    rows = (
        RepairApplication.objects.filter(state=RepairState.APPROVED, decided_on__lte=day)
        .select_related("record", "record__kind", "entry", "unit")
        .order_by("-decided_on", "-pk")
    )
    found = []
    for repair in rows:
        target = repair.record or repair.entry
        revoked = RecordState.REVOKED if repair.record else ListingState.REVOKED
        if target is None or not target.published or target.published_on is None or target.state == revoked:
            continue
        if repair.record:
            what, number = target.kind.name, target.document_number
            outcome = _("Publication ended early")
        else:
            what, number = "严重违法失信名单", target.decision_number
            outcome = _("Removed from the list early")
        found.append(
            RepairOutcome(
                _name(target), target.credit_code, what, number, str(outcome), repair.decided_on, repair.unit.name
            )
        )
    return found
