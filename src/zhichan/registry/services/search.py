"""Search in the registers: numbers matched exactly after normalization, words as substrings.

One code path on both databases: text is matched with `icontains` (a LIKE on the upper-cased column), so a
Chinese substring such as 切割 finds 一种石材切割装置. On PostgreSQL the columns have pg_trgm GIN indexes
(migration 0006_search) on that same expression; on SQLite the LIKE scans the table. A term of one or two
characters has no trigram, so no index serves it: when it has no letter with a case (陶瓷, 12) it is matched as
written, which finds the same rows without upper-casing every value scanned. Numbers are normalized
first (identifiers.py), so `ZL 2016 2 0363475.1`, `CN2016203634751` and `201620363475.1` find the same patent.

Holders and owners are matched by name first, and the records they hold are then named by id: an
`OR id IN (subquery)` would hide the text's selectivity from the planner, which then walks a whole register in
number order looking for the first ten matches of a term that matches nothing. docs/registry.md (Search).
"""

import re
import unicodedata

from django.db.models import Q

from ..identifiers import (
    IdentifierError,
    parse_patent_application,
    parse_trademark_registration,
    parse_uscc,
    patent_check_digit,
)
from ..models import Copyright, Enterprise, GeographicalIndication, Patent, Trademark
from ..models.copyrights import normalize_copyright_number

# An IPC symbol or its start: section, class, subclass, then optionally main group and subgroup (E04F 15/02).
IPC = re.compile(r"^([A-H])(\d{2})([A-Z])(?:\s*(\d{1,4})(?:\s*/\s*(\d{1,6}))?)?$")
# A publication or grant publication number: CN, 9 digits (older: 7 or 8), a kind letter and digit.
PUBLICATION = re.compile(r"^(?:CN)?(\d{7,9})([A-Z]\d?)?$")
BARE_APPLICATION = re.compile(r"^(?:CN|ZL)?(\d{12}|\d{8})$")


def clean(text) -> str:
    """The query as typed, with full-width characters folded and runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def _compact(text: str) -> str:
    return "".join(text.split()).upper()


def ipc_query(text: str) -> Q | None:
    """IPC codes starting with the symbol typed, with or without the space before the main group."""
    match = IPC.match(text.upper())
    if not match:
        return None
    section, klass, subclass, group, subgroup = match.groups()
    head = f"{section}{klass}{subclass}"
    if group is None:
        forms = [head]
    else:
        tail = group + (f"/{subgroup}" if subgroup else "")
        forms = [f"{head} {tail}", f"{head}{tail}"]
    query = Q()
    for form in forms:
        query |= Q(ipc_codes__icontains=form) | Q(main_ipc__istartswith=form)
    return query


def patent_number_query(text: str) -> Q | None:
    """Application number in any export form, or a publication / grant publication number."""
    try:
        return Q(application_number=parse_patent_application(text).normalized)
    except IdentifierError:
        pass
    compact = _compact(text)
    bare = BARE_APPLICATION.match(compact)
    if bare:  # the number without its check digit: stored numbers are checked, so the digit follows from it
        return Q(application_number=f"{bare[1]}.{patent_check_digit(bare[1])}")
    publication = PUBLICATION.match(compact)
    if publication:
        digits, kind = publication.groups()
        forms = {f"CN{digits}{kind or ''}", f"{digits}{kind or ''}", f"CN {digits} {kind or ''}".strip()}
        query = Q()
        for form in forms:
            for field in ("publication_number", "grant_number"):
                query |= Q(**{f"{field}__iexact": form})
                if not kind:  # no kind letter typed: any kind
                    query |= Q(**{f"{field}__istartswith": form})
        return query
    return None


SHORTEST_INDEXED = 3  # a trigram index finds only terms of three characters or more
MOST_IDS = 500  # records named by id in a search; more stay a subquery


def contains(field: str, text: str) -> Q:
    """`field` holds `text`, whatever the case: `icontains`, or, for a short term without cased letters (which no
    index serves and which upper-casing cannot change), the plain `contains`, which finds the same rows."""
    if len(text) < SHORTEST_INDEXED and text.upper() == text.lower():
        return Q(**{f"{field}__contains": text})
    return Q(**{f"{field}__icontains": text})


def held_by_name(relation, text: str) -> Q:
    """Records one of whose enterprises (the many-to-many `relation`: a register's holders or owners) has `text`
    in its name, named by id (each once, so a record with two matching holders comes back once). Past
    `MOST_IDS` records the subquery stays a subquery: so many matches make the first ten quick to find anyway."""
    record = relation.field.m2m_field_name() + "_id"
    names = Enterprise.objects.filter(contains("name", text)).values("pk")
    held = relation.through.objects.filter(enterprise__in=names).values_list(record, flat=True).distinct()
    ids = set(held[: MOST_IDS + 1])
    if len(ids) > MOST_IDS:
        return Q(pk__in=held)
    return Q(pk__in=sorted(ids)) if ids else Q(pk__in=[])


def search_patents(queryset, text):
    text = clean(text)
    if not text:
        return queryset
    number = patent_number_query(text)
    if number is not None:
        return queryset.filter(number)
    ipc = ipc_query(text)
    words = (
        contains("title", text)
        | contains("applicants", text)
        | contains("inventors", text)
        | held_by_name(Patent.holders, text)
    )
    return queryset.filter(words | ipc if ipc is not None else words)


def search_trademarks(queryset, text):
    text = clean(text)
    if not text:
        return queryset
    try:
        return queryset.filter(registration_number=parse_trademark_registration(text))
    except IdentifierError:
        pass
    return queryset.filter(
        contains("mark", text) | contains("applicant_name", text) | held_by_name(Trademark.holders, text)
    )


def search_copyrights(queryset, text):
    text = clean(text)
    if not text:
        return queryset
    number = normalize_copyright_number(text)
    return queryset.filter(
        Q(registration_number__iexact=number)
        | contains("title", text)
        | contains("owner_name", text)
        | held_by_name(Copyright.owners, text)
    )


def search_geographical_indications(queryset, text):
    text = clean(text)
    if not text:
        return queryset
    return queryset.filter(
        Q(name__icontains=text)
        | Q(holder_name__icontains=text)
        | Q(holder__name__icontains=text)
        | Q(announcement_number__icontains=text)
        | Q(product_category__icontains=text)
    )


def search_enterprises(queryset, text):
    text = clean(text)
    if not text:
        return queryset
    try:
        return queryset.filter(uscc=parse_uscc(text).normalized)
    except IdentifierError:
        pass
    return queryset.filter(Q(name__icontains=text) | Q(uscc__iexact=_compact(text)))


SEARCHES = {
    Patent: search_patents,
    Trademark: search_trademarks,
    Copyright: search_copyrights,
    GeographicalIndication: search_geographical_indications,
    Enterprise: search_enterprises,
}


def search(queryset, text):
    """Search any register's queryset (scoped beforehand with visible_to) for the text."""
    return SEARCHES[queryset.model](queryset, text)
