"""High-value invention patents at every month end of a range, for many patents at once (what indicator series read).

The same rule as `is_high_value` and `high_value_on` (services/patents.py): a valid invention patent counts when
it carries one of the four facts the source states (strategic emerging industry, family member granted abroad,
high pledge financing, award), or from the tenth anniversary of its filing date on. So the count is

- the flagged inventions, valid at the month end (`monthly.valid_patents_by_month`), plus
- the unflagged inventions, valid at the month end and at least ten years after filing.

For an unflagged patent whose validity follows from its own dates (granted, no terminating or restoring event)
the months it counts in are [month of max(grant, tenth anniversary), month of expiry): those are counted in the
database, grouped by the month numbers of grant and filing. The few with events are read with their events, and
their intervals of validity (`monthly.patent_intervals`, by `status_on`) are cut at the tenth anniversary.
tests/registry/test_high_value.py compares the result with `high_value_on` at every month end.
"""

from collections import defaultdict, namedtuple
from datetime import date

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear

from zhichan.core.monthly import MonthlyCounts, month_end, month_number, month_start

from ..models import PatentEvent, PatentEventKind, PatentType
from . import patents as patent_rules
from .monthly import patent_intervals, valid_patents_by_month

EARLY = -1  # a month number before any range
_CHANGES = [*patent_rules.TERMINATING, PatentEventKind.RESTORATION]
TERM = patent_rules.TERM_YEARS[PatentType.INVENTION]
YEARS = patent_rules.HIGH_VALUE_YEARS


def _month(field: str):
    return ExtractYear(field) * 12 + ExtractMonth(field) - 1


def _leap_day(field: str):
    return Case(When(**{f"{field}__month": 2, f"{field}__day": 29}, then=Value(1)), default=Value(0))


def _day_of(month: int, leap_day: int) -> date:
    """A day of a month standing for all its days where only 29 February differs (anniversaries)."""
    start = month_start(month)
    return start.replace(day=29) if leap_day else start


Event = namedtuple("Event", "date kind text")
Record = namedtuple("Record", "pk region patent_type filing_date grant_date")


def _with_events(queryset):
    """(patent, its events) for every patent of `queryset`, read as plain tuples."""
    records = {row[0]: Record(*row) for row in queryset.values_list(*Record._fields)}
    events = defaultdict(list)
    rows = PatentEvent.objects.filter(patent__in=queryset.values("pk")).order_by()
    for owner, *event in rows.values_list("patent", "date", "kind", "text"):
        events[owner].append(Event(*event))
    return [(record, events[pk]) for pk, record in records.items()]


def high_value_patents_by_month(queryset, first: int, last: int) -> MonthlyCounts:
    """The high-value invention patents of `queryset` (with a region) at the end of each month first … last."""
    inventions = queryset.filter(patent_type=PatentType.INVENTION, region__isnull=False).order_by()
    counts = valid_patents_by_month(inventions.filter(patent_rules.high_value_flags()), first, last)
    start, end = month_start(first), month_end(last)
    # Filed before this, the term ended before the range; filed after the cutoff, not ten years old within it.
    unflagged = inventions.filter(
        strategic_emerging=False,
        foreign_family=False,
        high_pledge_financing=False,
        award="",
        filing_date__gte=date(start.year - TERM - 1, 1, 1),
        filing_date__lte=patent_rules.ten_years_cutoff(end),
    )
    changed = Exists(PatentEvent.objects.filter(patent=OuterRef("pk"), kind__in=_CHANGES))
    granted_by_event = Exists(PatentEvent.objects.filter(patent=OuterRef("pk"), kind=PatentEventKind.GRANT))
    plain = (
        unflagged.filter(grant_date__isnull=False, grant_date__lte=end)
        .exclude(changed)
        .annotate(
            granted=Case(
                When(grant_date__lt=start, then=Value(EARLY)),
                default=_month("grant_date"),
                output_field=IntegerField(),
            ),
            filed=_month("filing_date"),
            leap=_leap_day("filing_date"),
        )
        .values_list("region", "granted", "filed", "leap")
        .annotate(n=Count("pk"))
    )
    for region, granted, filed, leap, n in plain:
        filing = _day_of(filed, leap)
        since = max(granted, month_number(patent_rules.anniversary(filing, YEARS)))
        counts.add_months(region, since, month_number(patent_rules.anniversary(filing, TERM)), n)
    eventful = unflagged.filter(changed | Q(grant_date__isnull=True) & granted_by_event)
    for patent, events in _with_events(eventful):
        tenth = patent_rules.anniversary(patent.filing_date, YEARS)
        for since, until in patent_intervals(patent, events):
            if until is None or until > tenth:
                counts.add_days(patent.region, max(since, tenth), until)
    return counts
