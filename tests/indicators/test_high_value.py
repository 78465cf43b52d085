"""每万人口高价值发明专利拥有量 on the small register of conftest.py, with stated facts added here, counted by hand.

Added to the register: p1 (A) in a strategic emerging industry, p2 (A, lapsed 2023-03-01, restored 2023-06-01)
with a family member granted abroad, p4 (B) with a China Patent Award; p7 (B, unflagged) filed 2013-05-20 and
granted 2015-06-01, ten years old from 2023-05-20; p8 a utility model in A marked strategic emerging (not an
invention). p5 (C) and the unplaced p6 have no fact and reach ten years only on 2025-01-01.
"""

from datetime import date
from decimal import Decimal

import pytest

from zhichan.indicators.models import Indicator, IndicatorValue
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.drilldown import behind
from zhichan.registry.models import Patent
from zhichan.registry.services.entries import create_patent

from ..registry.registers import patent_number

CODE = "high-value-invention-patents-per-10k-residents"
PERIODS = ["2022-06", "2023-04", "2023-05", "2023-06", "2024-12"]


@pytest.fixture
def computed(register, reported):
    patents = register["patents"]
    regions = register["regions"]
    Patent.objects.filter(pk=patents["p1"].pk).update(strategic_emerging=True)
    Patent.objects.filter(pk=patents["p2"].pk).update(foreign_family=True)
    Patent.objects.filter(pk=patents["p4"].pk).update(award="第二十三届中国专利优秀奖")
    p7, _ = create_patent(
        None,
        patent_number(2013, "1", 7),
        title="专利7",
        filing_date=date(2013, 5, 20),
        grant_date=date(2015, 6, 1),
        region=regions["B"],
    )
    create_patent(
        None,
        patent_number(2013, "2", 8),
        title="专利8",
        filing_date=date(2013, 1, 1),
        grant_date=date(2013, 8, 1),
        region=regions["A"],
        strategic_emerging=True,
    )
    compute(periods=PERIODS)
    return {**patents, "p7": p7, **regions}


def value(region, period):
    return IndicatorValue.objects.get(indicator__code=CODE, region=region, period=period)


def test_the_indicator_is_loaded_without_a_target(loaded):
    indicator = Indicator.objects.get(code=CODE)
    assert indicator.name == "每万人口高价值发明专利拥有量" and indicator.decimals == 2
    assert indicator.numerator == "valid_high_value_invention_patents"
    assert "第10个周年日" in indicator.readings.get().reading and "国发〔2021〕20号" in indicator.source


def test_hand_computed_values(computed):
    # 2022-06-30: p1 and p2 (A, stated facts), p4 (B, granted 2022-05-10, award).
    assert value(computed["A"], "2022-06").numerator == 2
    assert value(computed["county"], "2022-06").numerator == 3
    # 2023-04-30: p2 has lapsed; p7 is not yet ten years old.
    assert value(computed["A"], "2023-04").value == Decimal("0.10")  # 1 / (100,000 / 10,000)
    assert value(computed["B"], "2023-04").value == Decimal("0.20")  # 1 / 5
    county = value(computed["county"], "2023-04")
    assert county.numerator == 2 and county.denominator == Decimal("152.7")
    assert county.value == Decimal("0.01")  # 2 / 152.7 = 0.0131
    # 2023-05-31: p7 is ten years old since 2023-05-20.
    assert value(computed["B"], "2023-05").value == Decimal("0.40")
    # 2023-06-30: p2 restored on 2023-06-01.
    assert value(computed["A"], "2023-06").value == Decimal("0.20")
    assert value(computed["county"], "2023-06").numerator == 4
    assert value(computed["county"], "2023-06").value == Decimal("0.03")  # 4 / 152.7 = 0.0262
    # 2024-12-31: p5 (C) reaches ten years only on 2025-01-01.
    assert value(computed["C"], "2024-12").numerator == 0
    assert value(computed["county"], "2024-12").numerator == 4


def test_the_drill_down_lists_exactly_the_counted_patents(computed, users):
    row = value(computed["county"], "2023-06")
    found = behind(row, "valid_high_value_invention_patents", users["office"])
    assert set(found.records) == {computed["p1"], computed["p2"], computed["p4"], computed["p7"]}
    assert found.records.count() == row.numerator
    before = behind(value(computed["county"], "2023-04"), "valid_high_value_invention_patents", users["office"])
    assert set(before.records) == {computed["p1"], computed["p4"]}


def test_the_value_page_shows_the_stated_facts(computed, client_for):
    row = value(computed["county"], "2023-06")
    page = client_for("office").get(f"/indicators/values/{row.pk}/").content.decode()
    assert "属于战略性新兴产业" in page and "第二十三届中国专利优秀奖" in page


def test_the_list_and_the_page_handle_an_indicator_without_a_target(computed, client_for):
    client = client_for("office")
    listing = client.get("/indicators/")
    assert listing.status_code == 200 and "每万人口高价值发明专利拥有量" in listing.content.decode()
    indicator = Indicator.objects.get(code=CODE)
    assert client.get(f"/indicators/{indicator.pk}/").status_code == 200
    assert client.get("/dashboard/").status_code == 200
