"""A small register across three townships, hand-countable, and the Nan'an indicators loaded from their file.

水头镇 (A, 100,000 residents in 2021), 溪美街道 (B, 50,000) and 翔云镇 (C, population 0). The county's own
population comes from the region file (2021: 1,527,000).
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from zhichan.core.models import Population, Region, Unit
from zhichan.indicators.models import DataElement, DataValue, ValueState
from zhichan.indicators.services.loading import load_indicators
from zhichan.registry.models import (
    Enterprise,
    EnterpriseDesignation,
    GeographicalIndication,
    PatentEvent,
    TrademarkEvent,
)
from zhichan.registry.services.entries import create_copyright, create_patent, create_trademark

from ..registry.registers import patent_number

FILE = Path(settings.PROJECT_DIR) / "data" / "indicators" / "nanan-2022.yaml"
A, B, C = "350583119", "350583001", "350583104"


@pytest.fixture
def regions(db):
    return make_regions()


def make_regions():
    found = {r.code: r for r in Region.objects.filter(code__in=["350583", A, B, C])}
    for code, value in [(A, 100_000), (B, 50_000), (C, 0)]:
        Population.objects.create(
            region=found[code], year=2021, as_of=date(2021, 12, 31), value=value, source="测试数据"
        )
    return {"county": found["350583"], "A": found[A], "B": found[B], "C": found[C]}


@pytest.fixture
def loaded(db):
    return load_indicators(FILE)


def _patent(serial, region, granted, type_code="1", filed=date(2015, 1, 1)):
    number = patent_number(filed.year, type_code, serial)
    patent, _ = create_patent(None, number, title=f"专利{serial}", filing_date=filed, grant_date=granted, region=region)
    return patent


@pytest.fixture
def register(regions):
    return make_register(regions)


def make_register(regions):
    a, b, c = regions["A"], regions["B"], regions["C"]
    p1 = _patent(1, a, date(2020, 1, 1))
    p2 = _patent(2, a, date(2021, 1, 1))
    PatentEvent.objects.create(patent=p2, date=date(2023, 3, 1), kind="lapse", text="未缴年费专利权终止")
    PatentEvent.objects.create(patent=p2, date=date(2023, 6, 1), kind="restoration", text="专利权的恢复")
    _patent(3, a, date(2020, 1, 1), type_code="2")  # utility model: not an invention
    p4 = _patent(4, b, date(2022, 5, 10))
    p5 = _patent(5, c, date(2020, 1, 1))
    _patent(6, None, date(2020, 1, 1))  # not placed: counted nowhere

    create_trademark(None, "10000001", mark="甲", nice_classes="19", registration_date=date(2015, 1, 10), region=a)
    create_trademark(None, "10000002", mark="乙", nice_classes="21", registration_date=date(2012, 3, 1), region=a)
    t3, _ = create_trademark(
        None, "10000003", mark="丙", nice_classes="11", registration_date=date(2020, 5, 1), region=b
    )
    TrademarkEvent.objects.create(trademark=t3, date=date(2023, 2, 1), kind="cancellation", text="注销")

    for number, day, region in [
        ("国作登字-2021-F-00000001", date(2021, 12, 20), a),
        ("国作登字-2022-F-00000002", date(2022, 3, 1), a),
        ("国作登字-2023-F-00000003", date(2023, 5, 5), a),
        ("软著登字第0000004号", date(2023, 7, 1), b),
    ]:
        create_copyright(None, number, title=number, registration_date=day, region=region)

    GeographicalIndication.objects.create(name="水头石材", kind="gi_product", approval_date=date(2019, 1, 1), region=a)
    GeographicalIndication.objects.create(name="溪美茶", kind="gi_mark", approval_date=date(2023, 8, 1), region=b)

    e1 = Enterprise.objects.create(name="甲企业", uscc=_uscc("91350583MA0XNB001"), region=a)
    e2 = Enterprise.objects.create(name="乙企业", uscc=_uscc("91350583MA0XNB002"), region=b)
    e3 = Enterprise.objects.create(name="丙企业", uscc=_uscc("91350583MA0XNB003"), region=b)
    EnterpriseDesignation.objects.create(enterprise=e1, kind="ip-advantage", level="city", granted_on=date(2022, 1, 1))
    EnterpriseDesignation.objects.create(
        enterprise=e2,
        kind="ip-demonstration",
        level="provincial",
        granted_on=date(2021, 1, 1),
        expires_on=date(2023, 1, 1),
    )
    EnterpriseDesignation.objects.create(enterprise=e3, kind="high-tech", level="national", granted_on=date(2021, 1, 1))
    return {"patents": {"p1": p1, "p2": p2, "p4": p4, "p5": p5}, "regions": regions}


def _uscc(body):
    from stdnum.cn import uscc

    return body + uscc.calc_check_digit(body)


def report(code, region, period, value, unit_key="amr", state=ValueState.APPROVED):
    element = DataElement.objects.get(code=code)
    from zhichan.indicators.periods import parse_period

    p = parse_period(period)
    return DataValue.objects.create(
        element=element,
        region=region,
        period=p.key,
        period_start=p.start,
        period_end=p.end,
        value=Decimal(value),
        unit=Unit.objects.get(key=unit_key),
        state=state,
    )


@pytest.fixture
def reported(loaded, regions):
    read_second_sources()
    return make_reported(regions)


def make_reported(regions):
    a, b = regions["A"], regions["B"]
    report("enforcement-cases-closed", a, "2023Q1", 10)
    report("enforcement-cases-closed-on-time", a, "2023Q1", 10)
    report("enforcement-cases-closed", b, "2023Q1", 30)
    report("enforcement-cases-closed-on-time", b, "2023Q1", 15)
    report("enforcement-cases-closed", b, "2023Q2", 50, state=ValueState.SUBMITTED)  # not approved: not counted
    report("ip-pledge-financing", regions["county"], "2022Q4", 12000)
    report("ip-pledge-financing", a, "2023Q1", 3000)
    report("ip-pledge-financing", a, "2021Q4", 9999)  # before the programme: not in the cumulative sum
    return regions


@pytest.fixture
def deferred_recomputes(monkeypatch, settings):
    """The recompute task as a backend that can defer would take it: returns the list of times it was asked to run
    (the cache key that debounces it is cleared before and after)."""
    from django.core.cache import cache

    from zhichan.indicators import tasks
    from zhichan.indicators.signals import KEY

    enqueued = []

    class Deferring:
        def get_backend(self):
            return type("Backend", (), {"supports_defer": True})()

        def using(self, run_after):
            enqueued.append(run_after)
            return self

        def enqueue(self):
            pass

    settings.INDICATOR_RECOMPUTE_SECONDS = 60
    monkeypatch.setattr(tasks, "recompute_after_change", Deferring())
    cache.delete(KEY)
    yield enqueued
    cache.delete(KEY)


def read_second_sources():
    """Nan'an's file reads T7 and T8 from the protection module's records and keeps the figures units report as their
    second source (`second_source`); the tests of reported figures (sums, sum/sum rates, their drill-down) read those
    indicators from that second source."""
    from zhichan.indicators.models import Indicator

    for indicator in Indicator.objects.exclude(second_source={}):
        second = indicator.second_source
        indicator.numerator, indicator.denominator = second["numerator"], second.get("denominator", "")
        indicator.save()
