"""Search in the registers: numbers matched exactly after normalization, words as substrings.

One code path on both databases: text is matched with `icontains` (a LIKE on the upper-cased column), so a
Chinese substring such as 切割 finds 一种石材切割装置. On PostgreSQL the columns have pg_trgm GIN indexes
(migration 0006_search) on that same expression; on SQLite the LIKE scans the table. Numbers are normalized
first (identifiers.py), so `ZL 2016 2 0363475.1`, `CN2016203634751` and `201620363475.1` find the same patent.
docs/registry.md (Search).
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


def search_patents(queryset, text):
    text = clean(text)
    if not text:
        return queryset
    number = patent_number_query(text)
    if number is not None:
        return queryset.filter(number)
    ipc = ipc_query(text)
    words = (
        Q(title__icontains=text)
        | Q(applicants__icontains=text)
        | Q(inventors__icontains=text)
        # Holders through a subquery, so a patent with two matching holders comes back once.
        | Q(pk__in=Patent.holders.through.objects.filter(enterprise__name__icontains=text).values("patent_id"))
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
    holders = Trademark.holders.through.objects.filter(enterprise__name__icontains=text).values("trademark_id")
    return queryset.filter(Q(mark__icontains=text) | Q(applicant_name__icontains=text) | Q(pk__in=holders))


def search_copyrights(queryset, text):
    text = clean(text)
    if not text:
        return queryset
    owners = Copyright.owners.through.objects.filter(enterprise__name__icontains=text).values("copyright_id")
    number = normalize_copyright_number(text)
    return queryset.filter(
        Q(registration_number__iexact=number)
        | Q(title__icontains=text)
        | Q(owner_name__icontains=text)
        | Q(pk__in=owners)
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
