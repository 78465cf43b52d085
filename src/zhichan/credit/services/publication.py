"""What the office has published (item 8, credit part): the serious-dishonesty list and the dishonesty records
marked published, with public fields only. A person's ID number is never among them, and a person's name is
shown masked; a revoked record or listing is not published."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from zhichan.core.identities import masked_name

from ..models import DishonestyRecord, RecordState, SeriousListEntry, SubjectKind
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
    """The published records still published on the day (default today), newest finding first."""
    day = day or timezone.localdate()
    rows = (
        DishonestyRecord.objects.filter(published=True)
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
    """The published serious-list entries on the list on the day."""
    day = day or timezone.localdate()
    rows = SeriousListEntry.objects.filter(published=True).select_related("unit").order_by("-listed_on", "-pk")
    return [
        PublishedRow(_name(e), e.credit_code, "严重违法失信名单", e.decision_number, e.listed_on, None, e.unit.name)
        for e in rows
        if on_list(e, day)
    ]
