"""Figures computed from the registry, declared for the indicators app (which finds this module itself), each a
`core.metrics.Metric`.

Each counts records by their `region` in one grouped query for all regions; records without a region are not
counted anywhere until they are placed. `records()` returns exactly the records a figure counts, and `watches`
names every model whose rows decide whether a record counts or where.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.db.models import Count, Exists, OuterRef
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from zhichan.core.metrics import Metric

from .columns import (
    COPYRIGHTS_BEHIND,
    ENTERPRISES_BEHIND,
    GEOGRAPHICAL_INDICATIONS_BEHIND,
    HIGH_VALUE_FACTS,
    PATENTS_BEHIND,
    TRADEMARKS_BEHIND,
    pick,
)
from .columns import PATENTS as PATENT_COLUMNS
from .models import (
    Certification,
    Copyright,
    DesignationKind,
    DesignationLevel,
    Enterprise,
    EnterpriseDesignation,
    GeographicalIndication,
    Patent,
    PatentEvent,
    PatentType,
    Trademark,
    TrademarkEvent,
)
from .services import high_value, monthly
from .services.enterprises import designations_on
from .services.patents import high_value_on


@dataclass(frozen=True, repr=False)
class RecordMetric(Metric):
    code: str
    label: str
    unit: str
    kind: str  # "stock": as of `end`; "flow": dated from `start` (or the beginning) to `end`
    select: Callable  # (start, end) -> queryset of the counted records, every region
    columns: tuple  # of core.columns.Column (registry/columns.py)
    detail_url: str = ""
    watches: tuple = ()  # the models whose rows `select` reads: a change to any of them changes the figure
    additive: bool = True
    by_month: Callable | None = None  # (first, last month numbers) -> MonthlyCounts, the same figure at every month end

    def monthly(self, first: int, last: int, options=None) -> dict[int, list[int]] | None:
        """{region: [the figure at the end of month first, …, last]}; for a flow, counted from the beginning."""
        return self.by_month(first, last).series() if self.by_month else None

    def values(self, start, end, options=None) -> dict[int, int]:
        rows = self.select(start, end).filter(region__isnull=False).order_by().values("region")
        return {row["region"]: row["n"] for row in rows.annotate(n=Count("pk"))}

    def records(self, start, end, region_ids, options=None):
        return self.select(start, end).filter(region__in=list(region_ids))


def _dated(queryset, field: str, start, end):
    queryset = queryset.filter(**{f"{field}__lte": end})
    return queryset.filter(**{f"{field}__gte": start}) if start else queryset


def _valid_inventions(start, end):
    return _inventions().valid_on(end).order_by("application_number")


def _high_value_inventions(start, end):
    return high_value_on(Patent.objects.all(), end).order_by("application_number")


def _valid_trademarks(start, end):
    return Trademark.objects.valid_on(end).order_by("registration_number")


def _copyrights(start, end):
    return _dated(Copyright.objects.all(), "registration_date", start, end).order_by("registration_date", "pk")


def _gis(start, end):
    return GeographicalIndication.objects.filter(approval_date__lte=end).order_by("approval_date", "pk")


DESIGNATED = [DesignationKind.IP_DEMONSTRATION, DesignationKind.IP_ADVANTAGE]


def _designated(start, end):
    return designations_on(Enterprise.objects.all(), end, DESIGNATED).order_by("name")


def _designated_since(start, end):
    """Enterprises that won a demonstration or advantage title within the window: titles held from before its start
    do not count (the plan's "培育" counts enterprises cultivated during the programme)."""
    won = EnterpriseDesignation.objects.filter(enterprise=OuterRef("pk"), kind__in=DESIGNATED, granted_on__lte=end)
    if start:
        won = won.filter(granted_on__gte=start)
    return Enterprise.objects.filter(Exists(won)).order_by("name")


def _certified(start, end):
    """Enterprises holding a GB/T 29490 certificate valid on the day (a 2013-version one not after 2025-12-31)."""
    valid = Certification.objects.valid_on(end).filter(enterprise=OuterRef("pk"))
    return Enterprise.objects.filter(Exists(valid)).order_by("name")


def _designated_at(kinds, levels):
    def select(start, end):
        return designations_on(Enterprise.objects.all(), end, kinds, levels).order_by("name")

    return select


def _filed_inventions(start, end):
    return _dated(_inventions(), "filing_date", start, end).order_by("filing_date", "application_number")


def _granted_inventions(start, end):
    return _dated(_inventions(), "grant_date", start, end).order_by("grant_date", "application_number")


def _pct_applications(start=None, end=None):
    """One record per PCT application (the first the register holds with its number), by international filing
    date: a priority application and its national-phase entry may both carry the same number."""
    earlier = Patent.objects.filter(pct_number=OuterRef("pct_number"), pk__lt=OuterRef("pk"))
    found = Patent.objects.exclude(pct_number="").exclude(Exists(earlier))
    if end is None:
        return found
    return _dated(found, "pct_filing_date", start, end).order_by("pct_filing_date", "pct_number")


def _inventions():
    return Patent.objects.filter(patent_type=PatentType.INVENTION)


PATENTS = (Patent, PatentEvent)  # a patent's events (lapse, restoration) decide whether it is valid

# Designations counted by level (国家级和省级知识产权示范、优势企业): the enterprises holding, on the day, a title of
# these kinds at one of these levels; an enterprise holding several counts once.
DESIGNATION_KINDS = {
    "ip_demonstration": ([DesignationKind.IP_DEMONSTRATION], _("IP demonstration enterprises")),
    "ip_advantage": ([DesignationKind.IP_ADVANTAGE], _("IP advantage enterprises")),
    "ip_demonstration_advantage": (DESIGNATED, _("IP demonstration and advantage enterprises")),
}
DESIGNATION_LEVELS = {
    "national": ([DesignationLevel.NATIONAL], _("national level")),
    "provincial": ([DesignationLevel.PROVINCIAL], _("provincial level")),
    "provincial_or_above": ([DesignationLevel.NATIONAL, DesignationLevel.PROVINCIAL], _("provincial level or above")),
    "city": ([DesignationLevel.CITY], _("city level")),
    "county": ([DesignationLevel.COUNTY], _("county level")),
}


def _by_level() -> list:
    found = []
    for kind_code, (kinds, kind_label) in DESIGNATION_KINDS.items():
        for level_code, (levels, level_label) in DESIGNATION_LEVELS.items():
            found.append(
                RecordMetric(
                    f"{kind_code}_enterprises_{level_code}",
                    format_lazy(_("{kinds} ({level})"), kinds=kind_label, level=level_label),
                    "家",
                    "stock",
                    _designated_at(kinds, levels),
                    ENTERPRISES_BEHIND,
                    "enterprise-detail",
                    ENTERPRISES,
                    by_month=partial(_designated_by_month, kinds, levels),
                )
            )
    return found


def _designated_by_month(kinds, levels, first, last):
    return monthly.designated_by_month(Enterprise.objects.all(), kinds, first, last, levels)


ENTERPRISES = (Enterprise, EnterpriseDesignation)  # an enterprise's region, and its titles
PCT_BEHIND = (*PATENTS_BEHIND, *pick(PATENT_COLUMNS, "pct_number", "pct_filing_date"))

METRICS = [
    RecordMetric(
        "valid_invention_patents",
        _("valid invention patents"),
        "件",
        "stock",
        _valid_inventions,
        PATENTS_BEHIND,
        "patent-detail",
        PATENTS,
        by_month=lambda first, last: monthly.valid_patents_by_month(_inventions(), first, last),
    ),
    RecordMetric(
        "valid_high_value_invention_patents",
        _("valid high-value invention patents"),
        "件",
        "stock",
        _high_value_inventions,
        (*PATENTS_BEHIND, HIGH_VALUE_FACTS),
        "patent-detail",
        PATENTS,
        by_month=lambda first, last: high_value.high_value_patents_by_month(Patent.objects.all(), first, last),
    ),
    RecordMetric(
        "valid_trademarks",
        _("valid registered trademarks"),
        "件",
        "stock",
        _valid_trademarks,
        TRADEMARKS_BEHIND,
        "trademark-detail",
        (Trademark, TrademarkEvent),
        by_month=lambda first, last: monthly.valid_trademarks_by_month(Trademark.objects.all(), first, last),
    ),
    RecordMetric(
        "copyright_registrations",
        _("copyright registrations"),
        "件",
        "flow",
        _copyrights,
        COPYRIGHTS_BEHIND,
        "copyright-detail",
        (Copyright,),
        by_month=lambda first, last: monthly.dated_by_month(Copyright.objects.all(), "registration_date", first, last),
    ),
    RecordMetric(
        "geographical_indications",
        _("geographical indication marks and protected products"),
        "件",
        "stock",
        _gis,
        GEOGRAPHICAL_INDICATIONS_BEHIND,
        "gi-detail",
        (GeographicalIndication,),
        by_month=lambda first, last: monthly.dated_by_month(
            GeographicalIndication.objects.all(), "approval_date", first, last
        ),
    ),
    RecordMetric(
        "ip_demonstration_advantage_enterprises",
        _("IP demonstration and advantage enterprises"),
        "家",
        "stock",
        _designated,
        ENTERPRISES_BEHIND,
        "enterprise-detail",
        ENTERPRISES,
        by_month=lambda first, last: monthly.designated_by_month(Enterprise.objects.all(), DESIGNATED, first, last),
    ),
    RecordMetric(
        "ip_demonstration_advantage_enterprises_won",
        _("enterprises that won an IP demonstration or advantage title"),
        "家",
        "flow",
        _designated_since,
        ENTERPRISES_BEHIND,
        "enterprise-detail",
        ENTERPRISES,
    ),
    *_by_level(),
    RecordMetric(
        "registry_certified_enterprises",
        _("enterprises holding a valid GB/T 29490 certificate"),
        "家",
        "stock",
        _certified,
        ENTERPRISES_BEHIND,
        "enterprise-detail",
        (Enterprise, Certification),  # an enterprise's region, and its certificates
    ),
    # Yearly flows from the register (发明专利年申请量、授权量; PCT国际专利申请量): what is dated within the window.
    RecordMetric(
        "invention_applications",
        _("invention patent applications filed"),
        "件",
        "flow",
        _filed_inventions,
        PATENTS_BEHIND,
        "patent-detail",
        (Patent,),
        by_month=lambda first, last: monthly.dated_by_month(_inventions(), "filing_date", first, last),
    ),
    RecordMetric(
        "invention_grants",
        _("invention patents granted"),
        "件",
        "flow",
        _granted_inventions,
        PATENTS_BEHIND,
        "patent-detail",
        (Patent,),
        by_month=lambda first, last: monthly.dated_by_month(_inventions(), "grant_date", first, last),
    ),
    RecordMetric(
        "pct_applications",
        _("PCT international patent applications filed"),
        "件",
        "flow",
        _pct_applications,
        PCT_BEHIND,
        "patent-detail",
        (Patent,),
        by_month=lambda first, last: monthly.dated_by_month(_pct_applications(), "pct_filing_date", first, last),
    ),
]
