"""A set's patents written as the analyses read them: from an import's rows, or from the county's register."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from zhichan.core.models import Region
from zhichan.core.models.regions import RegionKind
from zhichan.registry.filters import PatentFilter
from zhichan.registry.models import Patent
from zhichan.registry.services.patents import is_high_value, maintained_ten_years, status_on

from ..models import DateBasis, SetPatent
from .branches import branches_of, compiled_branches
from .reading import ENDED, PENDING, VALID, applicant_type, classes, joined, names, place, status

CHUNK = 5000
HIGH_VALUE = "high_value"  # the category a valid high-value invention patent of the register counts in


def year_of(patent_set, filing_date, publication_date):
    day = publication_date if patent_set.date_basis == DateBasis.PUBLICATION else filing_date
    return day.year if day else None


def imported_row(patent_set, record: dict, rules) -> SetPatent:
    """A row of an import as the set keeps it (`rules`: the set's compiled branches)."""
    codes, unread = classes(record.get("ipc_codes"))
    main, main_unread = classes(record.get("main_ipc"))
    codes = list(dict.fromkeys(main + codes))
    unread = "; ".join(text for text in (main_unread, unread) if text)
    applicants = names(record.get("applicants"))
    province, city = place(record.get("address") or "", record.get("province") or "", record.get("city") or "")
    filing, publication, grant = record.get("filing_date"), record.get("publication_date"), record.get("grant_date")
    title = record.get("title") or ""
    return SetPatent(
        patent_set=patent_set,
        application_number=record["application_number"],
        title=title[:500],
        patent_type=record.get("patent_type") or "",
        filing_date=filing,
        publication_date=publication,
        grant_date=grant,
        year=year_of(patent_set, filing, publication),
        grant_year=grant.year if grant else None,
        applicants=joined(applicants),
        applicant_types=joined(sorted({applicant_type(name) for name in applicants})),
        inventors=joined(names(record.get("inventors"))),
        ipc_codes=joined(codes),
        unread_classes=unread[:300],
        branches=joined(branches_of(rules, codes, title)),
        status=status(record.get("legal_status") or ""),
        status_text=(record.get("legal_status") or "")[:300],
        province=province,
        city=city,
        high_value="",
    )


def register_patents(patent_set, user):
    """The register's patents the set's search chooses, as `user` sees them."""
    visible = Patent.objects.visible_to(user) if user is not None else Patent.objects.all()
    return PatentFilter(_query(patent_set.query), queryset=visible).qs


def _query(text: str) -> QueryDict:
    return QueryDict(text or "")


def read_register(patent_set, user, progress=None) -> int:
    """Replace the set's rows by the register's patents its search chooses today; returns how many."""
    today = timezone.localdate()
    rules = compiled_branches(patent_set)
    townships = townships_by_region()
    found = register_patents(patent_set, user).prefetch_related("events")
    total = found.count()
    written = 0
    with transaction.atomic():
        patent_set.patents.all().delete()
        batch = []
        for patent in found.iterator(chunk_size=2000):
            batch.append(_register_row(patent_set, patent, rules, today, townships))
            if len(batch) >= CHUNK:
                written += _write(batch)
                batch = []
                if progress:
                    progress(written, total)
        written += _write(batch)
    return written


def _write(rows) -> int:
    SetPatent.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _register_row(patent_set, patent, rules, today, townships) -> SetPatent:
    events = list(patent.events.all())
    codes = patent.ipc_codes.split(";") if patent.ipc_codes else []
    applicants = names(patent.applicants)
    validity = status_on(patent, today, events)
    state = VALID if validity.valid else PENDING if validity.state == "pending" else ENDED
    return SetPatent(
        patent_set=patent_set,
        register_patent=patent,
        application_number=patent.application_number,
        title=patent.title[:500],
        patent_type=patent.patent_type,
        filing_date=patent.filing_date,
        publication_date=patent.publication_date,
        grant_date=patent.grant_date,
        year=year_of(patent_set, patent.filing_date, patent.publication_date),
        grant_year=patent.grant_date.year if patent.grant_date else None,
        applicants=joined(applicants),
        applicant_types=joined(sorted({applicant_type(name) for name in applicants})),
        inventors=joined(names(patent.inventors)),
        ipc_codes=joined(codes),
        branches=joined(branches_of(rules, codes, patent.title)),
        status=state,
        status_text=patent.legal_status[:300],
        township=townships.get(patent.region_id, ""),
        high_value=joined(_high_value(patent, today, events)),
    )


def townships_by_region() -> dict[int, str]:
    """Each region's township (itself, or the township it lies in), by region id."""
    regions = list(Region.objects.values_list("pk", "path", "kind", "name"))
    levels = set(RegionKind.township_level())
    townships = [(path, name) for _pk, path, kind, name in regions if kind in levels]
    return {pk: name for pk, path, _k, _n in regions for prefix, name in townships if path.startswith(prefix)}


def _high_value(patent, today, events) -> list[str]:
    """The categories of CNIPA's high-value invention patents the register's patent falls in (each it fits)."""
    if not is_high_value(patent, today, events):
        return []
    found = [
        name for name in ("strategic_emerging", "foreign_family", "high_pledge_financing") if getattr(patent, name)
    ]
    if patent.award:
        found.append("award")
    if maintained_ten_years(patent, today):
        found.append("ten_years")
    return found


def checked_query(text: str) -> str:
    """The search part of a patent register address (or a bare search), checked by the register's own filter:
    ValidationError naming what is wrong (another list's address, a filter the register does not know, a value
    it refuses)."""
    text = (text or "").strip()
    if not text:
        return ""
    address = urlsplit(text)
    if address.path and address.path.rstrip("/") != reverse("patent-list").rstrip("/") and "=" not in address.path:
        raise ValidationError(gettext("Paste the address of the patent register's list (%(path)s…).") % {
            "path": reverse("patent-list")})  # fmt: skip
    search = address.query if (address.scheme or address.path.startswith("/")) else text
    given = QueryDict(search, mutable=True)
    for name in [name for name, values in given.lists() if not any(values)]:
        del given[name]  # an empty filter chooses nothing
    chosen = PatentFilter(given, queryset=Patent.objects.none())
    unknown = sorted(set(given) - set(chosen.base_filters) - {"page"})
    if unknown:
        raise ValidationError(gettext("The register's search has no filter %(names)s.") % {"names": ", ".join(unknown)})
    if not chosen.form.is_valid():
        problems = [
            f"{chosen.form.fields[name].label}: {' '.join(errors)}" for name, errors in chosen.form.errors.items()
        ]
        raise ValidationError("; ".join(problems))
    given.pop("page", None)
    return given.urlencode()


def described_query(text: str) -> str:
    """A register search in words: “搜索：阀 · 专利类型：发明专利 · 乡镇：水头镇”, each value as its filter shows it."""
    chosen = PatentFilter(_query(text), queryset=Patent.objects.none())
    form = chosen.form
    if not form.is_valid():
        return text
    parts = []
    for name, value in form.cleaned_data.items():
        if value in (None, "", [], ()):
            continue
        field = form.fields[name]
        shown = (
            dict(field.choices).get(value, value) if hasattr(field, "choices") and not hasattr(value, "pk") else value
        )
        parts.append(gettext("%(label)s: %(value)s") % {"label": field.label, "value": shown})
    return " · ".join(str(part) for part in parts) or text
