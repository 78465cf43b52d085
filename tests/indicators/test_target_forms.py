"""The figures a city's plan needs, each on a small hand-counted example: designations by level, yearly flows from
the register (invention filings and grants, PCT filings), a reported total held (latest, not summed), and a
region's population summed from its sub-regions or entered for it."""

from datetime import date
from decimal import Decimal

import pytest

from zhichan.core.models import Population, Region, Unit
from zhichan.indicators.discovery import metrics
from zhichan.indicators.models import DataElement, DataValue, ValueState
from zhichan.indicators.periods import parse_period
from zhichan.indicators.sources import ElementSource
from zhichan.registry.models import Enterprise, EnterpriseDesignation
from zhichan.registry.services.entries import create_patent

from ..registry.registers import patent_number
from .conftest import _uscc

pytestmark = pytest.mark.django_db

Y2023 = (date(2023, 1, 1), date(2023, 12, 31))


def _values(code, start, end, **options):
    return metrics()[code].values(start, end, options)


def test_designations_counted_by_level_and_kind(regions):
    a, b = regions["A"], regions["B"]
    e1 = Enterprise.objects.create(name="甲", uscc=_uscc("91350583MA0XNC001"), region=a)
    e2 = Enterprise.objects.create(name="乙", uscc=_uscc("91350583MA0XNC002"), region=a)
    e3 = Enterprise.objects.create(name="丙", uscc=_uscc("91350583MA0XNC003"), region=b)
    e4 = Enterprise.objects.create(name="丁", uscc=_uscc("91350583MA0XNC004"), region=b)

    def grant(enterprise, kind, level, on, ends=None):
        EnterpriseDesignation.objects.create(
            enterprise=enterprise, kind=kind, level=level, granted_on=on, expires_on=ends
        )

    grant(e1, "ip-demonstration", "national", date(2022, 1, 1))
    grant(e1, "ip-advantage", "provincial", date(2022, 1, 1))  # e1 holds two: counted once where both count
    grant(e2, "ip-advantage", "provincial", date(2021, 1, 1), ends=date(2023, 6, 1))  # ended before the day
    grant(e3, "ip-advantage", "city", date(2022, 1, 1))
    grant(e4, "high-tech", "national", date(2022, 1, 1))  # not an IP title
    day = date(2023, 12, 31)
    assert _values("ip_demonstration_enterprises_national", None, day) == {a.pk: 1}
    assert _values("ip_advantage_enterprises_provincial", None, day) == {a.pk: 1}
    assert _values("ip_demonstration_advantage_enterprises_provincial_or_above", None, day) == {a.pk: 1}
    assert _values("ip_demonstration_advantage_enterprises_city", None, day) == {b.pk: 1}
    # Before e2's title ended, a held two provincial advantage titles.
    assert _values("ip_advantage_enterprises_provincial", None, date(2023, 5, 31)) == {a.pk: 2}
    # The month-end series gives the same figures as the one-day rule.
    metric = metrics()["ip_demonstration_advantage_enterprises_provincial_or_above"]
    from zhichan.core.monthly import month_number

    first, last = month_number(date(2023, 5, 31)), month_number(day)
    series = metric.monthly(first, last)
    assert series[a.pk][0] == 2 and series[a.pk][-1] == 1


def _patent(serial, region, filed, granted=None, type_code="1", pct=None):
    number = patent_number(filed.year, type_code, serial)
    fields = {"title": f"专利{serial}", "filing_date": filed, "grant_date": granted, "region": region}
    if pct:
        fields["pct_number"], fields["pct_filing_date"] = pct
    patent, _ = create_patent(None, number, **fields)
    return patent


def test_yearly_invention_filings_grants_and_pct_filings(regions):
    a, b = regions["A"], regions["B"]
    _patent(1, a, date(2023, 2, 1))
    _patent(2, a, date(2023, 12, 31), pct=("PCT/CN2023/000001", date(2024, 1, 5)))  # PCT filed in 2024
    _patent(3, b, date(2022, 5, 1), granted=date(2023, 7, 1), pct=("PCT/CN2023/000002", date(2023, 3, 1)))
    _patent(4, a, date(2023, 3, 1), type_code="2", granted=date(2023, 8, 1))  # a utility model: not counted
    # The priority application and the national-phase entry of one PCT application: counted once.
    _patent(5, b, date(2023, 1, 10), pct=("PCT/CN2023/000003", date(2023, 6, 1)))
    _patent(6, b, date(2023, 9, 1), type_code="8", pct=("PCT/CN2023/000003", date(2023, 6, 1)))
    _patent(7, None, date(2023, 4, 1))  # not placed: counted nowhere
    assert _values("invention_applications", *Y2023) == {a.pk: 2, b.pk: 2}
    assert _values("invention_grants", *Y2023) == {b.pk: 1}
    assert _values("pct_applications", *Y2023) == {b.pk: 2}
    assert _values("pct_applications", date(2024, 1, 1), date(2024, 12, 31)) == {a.pk: 1}
    # The monthly running counts agree: a flow's year is its count at December less its count before January.
    from zhichan.core.monthly import month_number

    first, last = month_number(date(2022, 12, 31)), month_number(date(2023, 12, 31))
    series = metrics()["pct_applications"].monthly(first, last)
    assert series[b.pk][-1] - series[b.pk][0] == 2
    series = metrics()["invention_applications"].monthly(first, last)
    assert {region: values[-1] - values[0] for region, values in series.items()} == {a.pk: 2, b.pk: 2}


def test_a_pct_number_needs_its_filing_date(regions):
    from django.core.exceptions import ValidationError

    patent = _patent(9, regions["A"], date(2023, 2, 1))
    patent.pct_number = "PCT/CN2023/000009"
    with pytest.raises(ValidationError) as raised:
        patent.full_clean()
    assert "pct_filing_date" in raised.value.message_dict
    patent.pct_filing_date, patent.pct_number = date(2023, 5, 1), "PCT/2023/9"
    with pytest.raises(ValidationError) as raised:
        patent.full_clean()
    assert "pct_number" in raised.value.message_dict


def _element(code, aggregation):
    return DataElement.objects.create(
        code=code, name=code, unit_of_measure="个", value_type="integer", aggregation=aggregation
    )


def _report(element, region, period, value, state=ValueState.APPROVED, comment=""):
    p = parse_period(period)
    return DataValue.objects.create(
        element=element,
        region=region,
        period=p.key,
        period_start=p.start,
        period_end=p.end,
        value=Decimal(value),
        unit=Unit.objects.get(key="amr"),
        state=state,
        comment=comment,
    )


def test_a_total_held_is_the_latest_figure_not_the_sum_of_the_quarters(regions):
    a, b = regions["A"], regions["B"]
    held, new = _element("outlets-total", "latest"), _element("outlets-new", "sum")
    for element in (held, new):
        _report(element, a, "2023Q1", 5)
        _report(element, a, "2023Q2", 7)
        _report(element, a, "2023Q3", 8, state=ValueState.SUBMITTED)  # not approved: not read
        _report(element, b, "2022Q4", 3)
    latest, summed = ElementSource(held), ElementSource(new)
    assert latest.kind == "stock" and not latest.additive
    year_to_june = (date(2023, 1, 1), date(2023, 6, 30))
    assert summed.values(*year_to_june) == {a.pk: 12}
    # Latest: a's last approved figure by the end of June; b's figure of 2022Q4 is still its latest.
    assert latest.values(None, date(2023, 6, 30)) == {a.pk: 7, b.pk: 3}
    assert latest.values(None, date(2023, 3, 31)) == {a.pk: 5, b.pk: 3}
    records = latest.records(None, date(2023, 6, 30), [a.pk, b.pk])
    assert sorted((r.region_id, r.period) for r in records) == sorted([(a.pk, "2023Q2"), (b.pk, "2022Q4")])


def test_population_is_summed_from_sub_regions_only_when_all_have_the_year(db):
    county = Region.objects.get(code="350583")
    children = Region.objects.filter(path__startswith=county.path, depth=county.depth + 1)
    coded = list(children.filter(code__gt="").order_by("path"))
    assert len(coded) == 27  # the park without a code is left out
    Population.objects.filter(region__in=coded).delete()
    for index, region in enumerate(coded):
        Population.objects.create(
            region=region, year=2021, as_of=date(2021, 12, 31), value=1000 + index, source="测试数据"
        )
    # 2022: every coded township but one has a figure; the county has none of its own for 2022.
    for region in coded[1:]:
        Population.objects.create(region=region, year=2022, as_of=date(2022, 12, 31), value=10, source="测试数据")
    population = metrics()["population"]
    expected_2021 = sum(1000 + index for index in range(len(coded)))
    county_2021 = Population.objects.get(region=county, year=2021)
    # Entered wins: the county's own 2021 figure, not its townships' sum.
    values = population.values(None, date(2021, 12, 31), {"population_year": "same"})
    assert values[county.pk] == county_2021.value != expected_2021
    details = population.details(None, date(2021, 12, 31), {"population_year": "same"})[county.pk]
    assert details == {"population_year": 2021, "population_source": county_2021.source}
    # Without it, the sum of every coded township (the park without a code is left out).
    county_2021.delete()
    values = population.values(None, date(2021, 12, 31), {"population_year": "same"})
    assert values[county.pk] == expected_2021
    details = population.details(None, date(2021, 12, 31), {"population_year": "same"})[county.pk]
    assert details == {"population_year": 2021, "population_source": "", "population_parts": len(coded)}
    records = population.records(None, date(2021, 12, 31), [county.pk], {"population_year": "same"})
    assert sorted(r.region_id for r in records) == sorted(r.pk for r in coded)
    # 2022: one township is missing, so no sum; "latest" falls back to the summed 2021 figure.
    assert county.pk not in population.values(None, date(2022, 12, 31), {"population_year": "same"})
    assert population.values(None, date(2022, 12, 31), {})[county.pk] == expected_2021


def test_pct_number_cells_are_read_as_the_import_reads_them():
    from zhichan.registry.services.imports.fields import pct_number

    assert pct_number(" pct/cn2023/000123 ") == "PCT/CN2023/000123"
    assert pct_number("PCT / CN2023 / 000123") == "PCT/CN2023/000123"
    assert pct_number("") == ""
    with pytest.raises(ValueError, match="PCT/2023/1"):
        pct_number("PCT/2023/1")
