"""The services figures against counts made by hand: agencies settled by a day, outlets established by a day (by
kind), custody engagements under way in a period and begun in it, each in its region, with the records behind
them."""

import datetime

from zhichan.core.metrics import problems
from zhichan.services.metrics import METRICS, AgenciesSettled, CustodyActive, CustodyBegun, OutletsEstablished

from .factories import make_agency, make_engagement, make_enterprise, make_outlet, township

D = datetime.date


def test_every_metric_keeps_the_contract(db):
    for metric in METRICS:
        assert problems(metric) == [], metric


def test_agencies_settled_by_a_day(users):
    first, second = township(0), township(1)
    make_agency(None, n=1, region=first, settled_on=D(2023, 1, 10))
    make_agency(None, n=2, region=first, settled_on=D(2024, 6, 1))
    make_agency(None, n=3, region=second, settled_on=D(2022, 1, 1))
    make_agency(None, n=4, region=second, settled_on=None)  # not settled
    metric = AgenciesSettled()
    assert metric.values(None, D(2023, 12, 31)) == {first.pk: 1, second.pk: 1}
    assert metric.values(None, D(2024, 12, 31)) == {first.pk: 2, second.pk: 1}
    names = {row.name for row in metric.records(None, D(2024, 12, 31), [first.pk])}
    assert names == {"测试知识产权代理所1", "测试知识产权代理所2"}


def test_outlets_by_day_and_kind(users):
    first = township(0)
    make_outlet(None, n=1, region=first, established_on=D(2022, 5, 1))
    make_outlet(None, n=2, region=first, established_on=D(2024, 5, 1), kind="outlet")
    make_outlet(None, n=3, region=first, established_on=None)
    metric = OutletsEstablished()
    assert metric.values(None, D(2023, 12, 31)) == {first.pk: 2}
    assert metric.values(None, D(2024, 12, 31)) == {first.pk: 3}
    assert metric.values(None, D(2024, 12, 31), {"kind": "outlet"}) == {first.pk: 1}


def test_custody_under_way_and_begun_in_a_period(users):
    first, second = township(0), township(1)
    agency = make_agency(None, n=90)
    periods = [
        (first, D(2023, 1, 1), D(2023, 12, 31)),  # ended before 2024
        (first, D(2023, 6, 1), D(2024, 5, 31)),  # under way in 2024, begun before
        (first, D(2024, 3, 1), D(2025, 2, 28)),  # begun in 2024
        (second, D(2024, 12, 31), D(2026, 1, 1)),  # begun on the last day of 2024
        (second, D(2025, 1, 1), D(2025, 12, 31)),  # after 2024
    ]
    for n, (region, start, end) in enumerate(periods, start=1):
        enterprise = make_enterprise(n, region=region)
        make_engagement(None, n=n, agency=agency, enterprise=enterprise, start=start, end=end)
    year = (D(2024, 1, 1), D(2024, 12, 31))
    assert CustodyActive().values(*year) == {first.pk: 2, second.pk: 1}
    assert CustodyBegun().values(*year) == {first.pk: 1, second.pk: 1}
    numbers = sorted(row.agreement_number for row in CustodyActive().records(*year, [first.pk, second.pk]))
    assert numbers == ["TG-2", "TG-3", "TG-4"]
    assert CustodyBegun().values(None, D(2024, 12, 31)) == {first.pk: 3, second.pk: 1}
