"""Every indicator against values counted by hand on the small register of conftest.py."""

from datetime import date
from decimal import Decimal

import pytest

from zhichan.indicators.discovery import metrics
from zhichan.indicators.models import IndicatorValue
from zhichan.indicators.services.compute import compute

PERIODS = ["2022-06", "2022-12", "2023-03", "2023-04", "2023-06", "2023-07", "2023-12"]


@pytest.fixture
def computed(register, reported):
    compute(periods=PERIODS)
    return register["regions"]


def value(code, region, period):
    return IndicatorValue.objects.get(indicator__code=code, region=region, period=period)


def test_registry_metrics_are_discovered():
    found = metrics()
    for code in [
        "valid_invention_patents",
        "valid_trademarks",
        "copyright_registrations",
        "geographical_indications",
        "ip_demonstration_advantage_enterprises",
        "ip_demonstration_advantage_enterprises_won",
        "population",
    ]:
        assert code in found


def test_invention_patents_per_10k_residents_with_lapse_and_restoration(computed):
    code = "invention-patents-per-10k-residents"
    # 2023-04-30: p2 has lapsed (2023-03-01), not yet restored; A holds p1 only.
    assert value(code, computed["A"], "2023-04").value == Decimal("0.10")  # 1 / (100,000 / 10,000)
    assert value(code, computed["B"], "2023-04").value == Decimal("0.20")  # 1 / 5
    county = value(code, computed["county"], "2023-04")
    assert county.numerator == 3  # p1, p4, p5; the unplaced p6 counts nowhere
    assert county.denominator == Decimal("152.7")  # 2021's 1,527,000 residents, the latest published
    assert county.value == Decimal("0.02")
    assert county.inputs["population_year"] == 2021
    # 2023-06-30: restored on 2023-06-01.
    assert value(code, computed["A"], "2023-06").value == Decimal("0.20")
    assert value(code, computed["county"], "2023-06").numerator == 4


def test_zero_population_gives_no_value_and_a_reason(computed):
    row = value("invention-patents-per-10k-residents", computed["C"], "2023-06")
    assert row.value is None
    assert row.numerator == 1
    assert row.reason == "zero-denominator"
    assert row.reason_text in ("The denominator is zero.", "分母为零。")


def test_missing_population_gives_no_value(computed):
    from zhichan.core.models import Region

    other = Region.objects.get(code="350583100")
    row = value("invention-patents-per-10k-residents", other, "2023-06")
    assert row.value is None and row.reason == "missing:population"


def test_valid_trademarks(computed):
    code = "valid-registered-trademarks"
    # 2022-06-30: mark 2 is in its grace period (not counted), mark 3 still stands.
    assert value(code, computed["county"], "2022-06").value == 2
    # 2023-06-30: mark 3 cancelled on 2023-02-01.
    assert value(code, computed["A"], "2023-06").value == 1
    assert value(code, computed["B"], "2023-06").value == 0
    assert value(code, computed["county"], "2023-06").value == 1


def test_copyright_registrations_are_cumulative_since_the_programme_start(computed):
    code = "copyright-registrations"
    assert value(code, computed["county"], "2022-06").value == 1  # 2021-12-20 is before 2022-01-01
    assert value(code, computed["A"], "2023-06").value == 2
    assert value(code, computed["county"], "2023-06").value == 2
    assert value(code, computed["county"], "2023-07").value == 3


def test_gi_marks_and_products(computed):
    code = "gi-marks-and-products"
    assert value(code, computed["county"], "2023-06").value == 1
    assert value(code, computed["county"], "2023-12").value == 2


def test_demonstration_and_advantage_enterprises_count_only_titles_won_since_the_start(computed):
    """T9 "培育……10家": e1 won its title on the programme's first day and counts; e2 held one from 2021 and does
    not, though it still held it in 2022; e3's high-tech title is no demonstration or advantage title."""
    code = "ip-demonstration-advantage-enterprises"
    assert value(code, computed["county"], "2022-06").value == 1
    assert value(code, computed["A"], "2022-06").value == 1
    assert value(code, computed["B"], "2022-06").value == 0
    assert value(code, computed["county"], "2023-06").value == 1
    holders = metrics()["ip_demonstration_advantage_enterprises"]
    assert sum(holders.values(None, date(2022, 6, 30)).values()) == 2  # the holders' figure counts e2 as well


def test_rates_aggregate_as_sum_over_sum(computed):
    code = "enforcement-on-time-closure-rate"
    a, b, county = (value(code, computed[k], "2023-03") for k in ("A", "B", "county"))
    assert a.value == Decimal("100.0")
    assert b.value == Decimal("50.0")
    assert county.value == Decimal("62.5")  # 25 / 40, not the average 75 of the townships' rates
    assert county.value != (a.value + b.value) / 2
    # A submitted, not yet approved value does not count.
    assert value(code, computed["county"], "2023-06").value == Decimal("62.5")
    assert value(code, computed["C"], "2023-03").value is None  # no cases closed: no rate


def test_pledge_financing_in_hundred_millions(computed):
    code = "cumulative-ip-pledge-financing"
    assert value(code, computed["county"], "2022-12").value == Decimal("1.20")
    assert value(code, computed["county"], "2023-03").value == Decimal("1.50")  # 2021Q4 is before the start
    assert value(code, computed["A"], "2023-03").value == Decimal("0.30")


def test_recompute_updates_rows_in_place(computed):
    before = IndicatorValue.objects.count()
    compute(periods=PERIODS)
    assert IndicatorValue.objects.count() == before


def test_compute_with_the_default_periods(register, loaded):
    """Every month and year from the year before the programme (its baseline) to its last year."""
    from zhichan.programme.services.loading import load_programme

    from ..programme.conftest import MINI

    load_programme(MINI)
    compute(codes=["valid-registered-trademarks"])
    periods = set(IndicatorValue.objects.values_list("period", flat=True))
    assert {"2021", "2021-12", "2022-01", "2024", "2024-12"} <= periods
    assert "2025-01" not in periods and "2020" not in periods


@pytest.mark.django_db
def test_a_missing_reported_figure_is_named_by_its_data_element():
    from django.utils import translation

    from zhichan.indicators.models import DataElement
    from zhichan.indicators.reasons import describe
    from zhichan.indicators.services.loading import load_indicators

    from .conftest import FILE

    load_indicators(FILE)
    element = DataElement.objects.first()
    with translation.override("zh-hans"):
        text = describe(f"missing:{element.code.replace('-', '_')},population")
    assert element.name in text and element.code.replace("-", "_") not in text
    assert "population" not in text
