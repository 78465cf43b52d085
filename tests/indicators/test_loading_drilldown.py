"""The loader (idempotent, clear errors) and the drill-down (exactly the counted records, scoped)."""

import pytest

from zhichan.core.services.datafile import DataFileError
from zhichan.indicators.models import DataElement, Indicator, IndicatorValue
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.drilldown import behind
from zhichan.indicators.services.loading import load_indicators
from zhichan.registry.models import Patent

from .conftest import FILE


def test_loading_twice_changes_nothing(loaded):
    assert loaded["created"] == 12
    history = Indicator.history.count() + DataElement.history.count()
    again = load_indicators(FILE)
    assert again["created"] == 0
    assert Indicator.objects.count() == 12 and DataElement.objects.count() == 11
    assert Indicator.history.count() + DataElement.history.count() == history


def test_each_target_of_the_plan_has_its_indicator(loaded):
    from zhichan.programme.services.loading import load_programme

    programme = load_programme(FILE.parents[2] / "programmes" / "nanan-2022.yaml")["programme"]
    codes = set(Indicator.objects.values_list("code", flat=True))
    # The indicators without a target, monitored (the plan sets none): high-value invention patents, satisfaction.
    monitored = {"high-value-invention-patents-per-10k-residents", "ip-protection-satisfaction"}
    assert {t.indicator for t in programme.targets.all()} == codes - monitored


def test_a_bad_formula_is_refused_with_its_place(tmp_path, db):
    bad = tmp_path / "bad.yaml"
    head = "programme: nanan-2022\nindicators:\n"
    bad.write_text(head + "  - {code: x, name: X, unit: 件, numerator: 'population.__class__'}\n")
    with pytest.raises(DataFileError, match=r"indicators\[0\]\.numerator"):
        load_indicators(bad)
    bad.write_text(head + "  - {code: x, name: X, unit: 件, numerator: nothing_known}\n")
    with pytest.raises(DataFileError, match="unknown name 'nothing_known'"):
        load_indicators(bad)


@pytest.fixture
def computed(register, reported):
    compute(periods=["2023-06"])
    return register


def test_drill_down_returns_exactly_the_counted_patents(computed, users):
    regions = computed["regions"]
    value = IndicatorValue.objects.get(
        indicator__code="invention-patents-per-10k-residents", region=regions["county"], period="2023-06"
    )
    found = behind(value, "valid_invention_patents", users["office"])
    patents = computed["patents"]
    assert set(found.records) == {patents["p1"], patents["p2"], patents["p4"], patents["p5"]}
    assert found.records.count() == value.numerator
    population = behind(value, "population", users["office"])
    assert [row.value for row in population.records] == [1527000]


def test_drill_down_of_reported_values(computed, users):
    value = IndicatorValue.objects.get(
        indicator__code="enforcement-on-time-closure-rate", region=computed["regions"]["county"], period="2023-06"
    )
    found = behind(value, "enforcement_cases_closed", users["office"])
    assert sorted(row.value for row in found.records) == [10, 30]  # the submitted 50 is not approved


def test_a_township_liaison_sees_only_its_own_drill_down(computed, client_for):
    regions = computed["regions"]
    own = IndicatorValue.objects.get(
        indicator__code="invention-patents-per-10k-residents", region=regions["A"], period="2023-06"
    )
    other = IndicatorValue.objects.get(
        indicator__code="invention-patents-per-10k-residents", region=regions["B"], period="2023-06"
    )
    client = client_for("shuitou-liaison")
    response = client.get(f"/indicators/values/{own.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    for patent in Patent.objects.filter(region=regions["A"], patent_type="invention"):
        assert patent.application_number in content
    assert computed["patents"]["p4"].application_number not in content
    assert client.get(f"/indicators/values/{other.pk}/").status_code == 404
    assert client.get(f"/indicators/values/{other.pk}/export.xlsx").status_code == 404
    assert client.get(f"/indicators/values/{own.pk}/?input=nothing").status_code == 404


def test_drill_down_export(computed, client_for):
    from io import BytesIO

    from openpyxl import load_workbook

    value = IndicatorValue.objects.get(
        indicator__code="invention-patents-per-10k-residents",
        region=computed["regions"]["county"],
        period="2023-06",
    )
    response = client_for("leader").get(f"/indicators/values/{value.pk}/export.xlsx?input=valid_invention_patents")
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))  # a note line, the header, then the patents
    assert len(rows) == 4


def test_behind_refuses_inputs_the_formula_does_not_use(computed, users):
    value = IndicatorValue.objects.filter(indicator__code="valid-registered-trademarks").first()
    assert behind(value, "population", users["office"]) is None
