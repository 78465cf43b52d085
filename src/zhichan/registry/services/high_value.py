"""High-value invention patents at every month end of a range, for many patents at once (what indicator series read).

The same rule as `is_high_value` and `high_value_on` (services/patents.py): a valid invention patent counts when
it carries one of the four facts the source states (strategic emerging industry, family member granted abroad,
high pledge financing, award), or from the tenth anniversary of its filing date on. So the count is

- the flagged inventions, valid at the month end, plus
- the unflagged inventions, valid at the month end and at least ten years after filing.

Both parts are first counted by the patents' own dates, grouped in the database (an unflagged patent in the
months [max(grant, tenth anniversary), expiry)); then the inventions whose validity depends on events are read
once, with their events, and each part's count of them is corrected by their intervals of validity
(`monthly.correct`, `monthly.patent_intervals`), cut at the tenth anniversary for the unflagged ones.
tests/registry/test_high_value.py compares the result with `high_value_on` at every month end.
"""

from datetime import date

from django.db.models import Count

from zhichan.core.monthly import MonthlyCounts, month_end, month_number, month_start

from ..models import PatentType
from ..terms import PATENT_TERM_YEARS, anniversary
from . import patents as patent_rules
from .monthly import (
    correct,
    count_by_own_dates,
    day_of,
    eventful_patents,
    leap_day,
    month_number_of,
    month_of,
    patent_intervals,
)

TERM = PATENT_TERM_YEARS[PatentType.INVENTION]
YEARS = patent_rules.HIGH_VALUE_YEARS


def high_value_patents_by_month(queryset, first: int, last: int) -> MonthlyCounts:
    """The high-value invention patents of `queryset` (with a region) at the end of each month first … last."""
    inventions = queryset.filter(patent_type=PatentType.INVENTION, region__isnull=False).order_by()
    counts = MonthlyCounts(first, last)
    count_by_own_dates(counts, inventions.filter(patent_rules.high_value_flags()))
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
    plain = (
        unflagged.filter(grant_date__isnull=False, grant_date__lte=end)
        .annotate(
            granted=month_of("grant_date", start, end),
            filed=month_number_of("filing_date"),
            leap=leap_day("filing_date"),
        )
        .values_list("region", "granted", "filed", "leap")
        .annotate(n=Count("pk"))
    )
    for region, granted, filed, leap, n in plain:
        filing = day_of(filed, leap)
        since = max(granted, month_number(anniversary(filing, YEARS)))
        counts.add_months(region, since, month_number(anniversary(filing, TERM)), n)
    # One read of the event-dependent inventions for both parts; each is corrected as it was counted.
    items = eventful_patents(inventions)
    flagged = patent_rules.has_high_value_flag
    correct(counts, items, patent_intervals, keep=flagged)
    correct(counts, items, patent_intervals, cut=_from_tenth_anniversary, keep=lambda patent: not flagged(patent))
    return counts


def _from_tenth_anniversary(patent, spans) -> list:
    tenth = anniversary(patent.filing_date, YEARS)
    return [(max(since, tenth), until) for since, until in spans if until is None or until > tenth]
