"""Validity by month (services/monthly.py) against the one-day rules (`valid_on`), at every month end of a range.

The register is random but seeded: patents of every type with lapses, restorations, invalidations, grants known
only from an event, filings on 29 February and around the 2021 change of the design term; trademarks with
renewals, recorded ends, cancellations and leap-day registrations; designations that overlap and expire.
"""

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from zhichan.core.models import Region
from zhichan.core.monthly import MonthlyCounts, intervals, month_end, month_number
from zhichan.registry.models import (
    Copyright,
    DesignationKind,
    Enterprise,
    EnterpriseDesignation,
    Patent,
    PatentEvent,
    PatentType,
    Trademark,
    TrademarkEvent,
)
from zhichan.registry.services import monthly
from zhichan.registry.services.enterprises import designations_on
from zhichan.registry.services.patents import status_on
from zhichan.registry.services.trademarks import status_on as trademark_status_on

from .registers import SHUITOU, XIMEI, patent_number

FIRST, LAST = month_number(date(2019, 12, 1)), month_number(date(2024, 12, 1))
SPECIAL_DAYS = [date(2000, 2, 29), date(2004, 2, 29), date(2012, 2, 29), date(2021, 5, 31), date(2021, 6, 1)]


def _day(rng, first=date(1999, 1, 1), last=date(2025, 6, 30)):
    if rng.random() < 0.1:
        return rng.choice(SPECIAL_DAYS)
    return first + timedelta(days=rng.randrange((last - first).days))


def _by_region(queryset) -> Counter:
    return Counter(queryset.order_by().values_list("region", flat=True))


def _series_at(series: dict, month: int) -> Counter:
    return Counter({region: values[month - FIRST] for region, values in series.items() if values[month - FIRST]})


@pytest.fixture
def regions(db):
    return list(Region.objects.filter(code__in=[SHUITOU, XIMEI]))


def make_patents(rng, regions, n=240):
    patents, events = [], []
    for serial in range(n):
        type_code = rng.choice("1238")
        filed = _day(rng, last=date(2024, 6, 30))
        granted = filed + timedelta(days=rng.randrange(200, 1500)) if rng.random() < 0.8 else None
        patent = Patent(
            application_number=patent_number(filed.year, type_code, serial),
            patent_type={"1": "invention", "8": "invention", "2": "utility_model", "3": "design"}[type_code],
            title=f"专利{serial}",
            filing_date=filed,
            grant_date=None if granted and rng.random() < 0.15 else granted,
            region=rng.choice([*regions, None]),
        )
        patents.append(patent)
        if granted and patent.grant_date is None:
            events.append((patent, granted, "grant"))
        day = granted or filed
        for _step in range(rng.choice([0, 0, 1, 2, 3])):
            day += timedelta(days=rng.randrange(1, 1200))
            events.append((patent, day, rng.choice(["lapse", "restoration", "invalidation", "transfer", "withdrawal"])))
    Patent.objects.bulk_create(patents)
    PatentEvent.objects.bulk_create([PatentEvent(patent=p, date=d, kind=k) for p, d, k in events])


def make_trademarks(rng, regions, n=200):
    marks, events = [], []
    for serial in range(n):
        registered = _day(rng) if rng.random() < 0.9 else None
        expiry = None
        if registered and rng.random() < 0.4:
            expiry = registered + timedelta(days=rng.choice([3652, 3653, 7305, 7306, rng.randrange(2000, 8000)]))
        mark = Trademark(
            registration_number=str(10_000_000 + serial),
            mark=f"商标{serial}",
            registration_date=registered,
            expiry_date=expiry,
            region=rng.choice([*regions, None]),
        )
        marks.append(mark)
        day = registered or date(2010, 1, 1)
        for _step in range(rng.choice([0, 0, 1, 2])):
            day += timedelta(days=rng.randrange(1, 4000))
            events.append((mark, day, rng.choice(["renewal", "renewal", "cancellation", "revocation", "transfer"])))
    Trademark.objects.bulk_create(marks)
    TrademarkEvent.objects.bulk_create([TrademarkEvent(trademark=t, date=d, kind=k) for t, d, k in events])


@pytest.mark.parametrize("seed", [1, 2])
def test_valid_patents_by_month_agree_with_valid_on(regions, seed):
    make_patents(random.Random(seed), regions)
    for patent_type in PatentType.values:
        patents = Patent.objects.filter(patent_type=patent_type)
        series = monthly.valid_patents_by_month(patents, FIRST, LAST).series()
        for month in range(FIRST, LAST + 1):
            expected = _by_region(patents.filter(region__isnull=False).valid_on(month_end(month)))
            assert _series_at(series, month) == expected, (patent_type, month_end(month))


@pytest.mark.parametrize("seed", [1, 2])
def test_valid_trademarks_by_month_agree_with_valid_on(regions, seed):
    make_trademarks(random.Random(seed), regions)
    series = monthly.valid_trademarks_by_month(Trademark.objects.all(), FIRST, LAST).series()
    for month in range(FIRST, LAST + 1):
        expected = _by_region(Trademark.objects.filter(region__isnull=False).valid_on(month_end(month)))
        assert _series_at(series, month) == expected, month_end(month)


def test_designated_enterprises_by_month_count_each_enterprise_once(regions):
    rng = random.Random(3)
    kinds = [DesignationKind.IP_DEMONSTRATION, DesignationKind.IP_ADVANTAGE]
    for serial in range(40):
        enterprise = Enterprise.objects.create(name=f"企业{serial}", region=rng.choice(regions))
        for _n in range(rng.choice([0, 1, 2, 3])):
            granted = _day(rng, first=date(2017, 1, 1))
            expires = granted + timedelta(days=rng.randrange(100, 1500)) if rng.random() < 0.6 else None
            EnterpriseDesignation.objects.create(
                enterprise=enterprise,
                kind=rng.choice([*kinds, DesignationKind.HIGH_TECH]),
                level=rng.choice(["national", "provincial", "city"]),
                granted_on=granted,
                expires_on=expires,
            )
    series = monthly.designated_by_month(Enterprise.objects.all(), kinds, FIRST, LAST).series()
    for month in range(FIRST, LAST + 1):
        held = designations_on(Enterprise.objects.filter(region__isnull=False), month_end(month), kinds)
        assert _series_at(series, month) == _by_region(held), month_end(month)


def test_dated_by_month_is_a_running_count(regions):
    rng = random.Random(4)
    for serial in range(60):
        Copyright.objects.create(
            registration_number=f"国作登字-{2015 + serial % 10}-A-{serial:08d}",
            title=f"作品{serial}",
            registration_date=_day(rng, first=date(2015, 1, 1)),
            region=rng.choice([*regions, None]),
        )
    series = monthly.dated_by_month(Copyright.objects.all(), "registration_date", FIRST, LAST).series()
    for month in range(FIRST, LAST + 1):
        dated = Copyright.objects.filter(region__isnull=False, registration_date__lte=month_end(month))
        assert _series_at(series, month) == _by_region(dated)


def _inside(day, spans) -> bool:
    return any(since <= day and (until is None or day < until) for since, until in spans)


@pytest.mark.parametrize("seed", [5, 6])
def test_intervals_agree_with_status_on_on_every_day_that_matters(regions, seed):
    rng = random.Random(seed)
    make_patents(rng, regions, n=150)
    make_trademarks(rng, regions, n=150)
    for patent in Patent.objects.prefetch_related("events"):
        events = list(patent.events.all())
        spans = monthly.patent_intervals(patent, events)
        days = {d + timedelta(days=k) for d in [patent.filing_date, *(e.date for e in events)] for k in (-1, 0, 1)}
        days |= {_day(rng) for _n in range(20)} | {day for span in spans for day in span if day}
        days |= {day - timedelta(days=1) for span in spans for day in span if day}
        for day in days:
            assert _inside(day, spans) == status_on(patent, day, events).valid, (patent.application_number, day)
    for mark in Trademark.objects.prefetch_related("events"):
        events = list(mark.events.all())
        spans = monthly.trademark_intervals(mark, events)
        days = {d + timedelta(days=k) for d in [mark.registration_date or date(2010, 1, 1)] for k in (-1, 0, 1)}
        days |= {e.date + timedelta(days=k) for e in events for k in (-1, 0, 1)}
        days |= {_day(rng) for _n in range(20)} | {day for span in spans for day in span if day}
        days |= {day - timedelta(days=1) for span in spans for day in span if day}
        for day in days:
            assert _inside(day, spans) == trademark_status_on(mark, day, events).valid, (mark.registration_number, day)


def test_monthly_counts_clamp_intervals_to_the_range():
    counts = MonthlyCounts(10, 14)
    counts.add_months("a", 5, 12)  # from before the range
    counts.add_months("a", 13, None, 2)  # to the end of it
    counts.add_months("b", 20, 30)  # after it: nothing
    counts.add_months("b", 11, 11)  # empty
    assert counts.series() == {"a": [1, 1, 0, 2, 2]}


def test_intervals_follow_the_state_at_each_point():
    days = [date(2020, 1, 1), date(2020, 3, 1), date(2020, 6, 1), date(2021, 1, 1)]
    valid = {days[0]: True, days[1]: True, days[2]: False, days[3]: True}
    assert intervals(days, valid.__getitem__) == [(days[0], days[2]), (days[3], None)]


def test_within_a_run_the_invention_figures_read_the_patent_events_once(regions):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from zhichan.core import runs
    from zhichan.registry.metrics import METRICS

    make_patents(random.Random(3), regions)
    figures = [m for m in METRICS if m.code in ("valid_invention_patents", "valid_high_value_invention_patents")]

    def event_reads(queries):
        return [q["sql"] for q in queries.captured_queries if "registry_patentevent" in q["sql"]]

    with CaptureQueriesContext(connection) as first:
        alone = [figures[0].monthly(FIRST, LAST)]
    alone.append(figures[1].monthly(FIRST, LAST))
    with CaptureQueriesContext(connection) as queries, runs.run():
        together = [figure.monthly(FIRST, LAST) for figure in figures]
    assert together == alone
    assert event_reads(first)
    assert event_reads(queries) == event_reads(first)  # the second figure reads no event
