"""The pages for each role: list with status, indicator page, recompute, data entry and review."""

from decimal import Decimal

import pytest

from zhichan.core.models import Unit
from zhichan.indicators.models import DataElement, DataValue, IndicatorValue, ValueState
from zhichan.indicators.services.compute import compute

from ..programme.conftest import MINI


@pytest.fixture
def programme(db):
    from zhichan.programme.services.loading import load_programme

    return load_programme(MINI)["programme"]


@pytest.fixture
def computed(register, reported, programme):
    compute(periods=["2023-06", "2024-11", "2024-12", "2024"])
    return register["regions"]


def test_list_shows_the_county_targets_with_status(computed, client_for):
    response = client_for("leader").get("/indicators/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "每万人口发明专利拥有量" in content and "14.3" in content
    rows = {row.indicator.code: row for row in response.context["rows"]}
    t2 = rows["valid-registered-trademarks"]
    assert t2.value.value == 1 and t2.value.period == "2024-12"  # the deadline's month, as today is past it
    assert t2.status.light == "red"
    assert response.context["region"] == computed["county"]


def test_a_township_liaison_sees_its_own_township(computed, client_for):
    response = client_for("shuitou-liaison").get("/indicators/")
    assert response.context["region"] == computed["A"]
    assert [r.pk for r in response.context["regions"]] == [computed["A"].pk]
    assert client_for("shuitou-liaison").get(f"/indicators/?region={computed['B'].pk}").status_code == 404


def test_indicator_page(computed, client_for):
    indicator = IndicatorValue.objects.filter(indicator__code="invention-patents-per-10k-residents").first().indicator
    response = client_for("office").get(f"/indicators/{indicator.pk}/?period=2023-06")
    assert response.status_code == 200
    content = response.content.decode()
    # The formula in words a leader reads, not the names the formula file uses.
    assert "有效发明专利 ÷ （常住人口 ÷ 10,000）（件）" in content and "population / 10000" not in content
    assert "常住人口" in content  # the reading chosen
    assert "trend-data" in content and "echarts.min.js" in content
    regions = [v.region for v in response.context["values"]]
    assert computed["A"] in regions and computed["B"] in regions


def test_only_the_office_starts_a_recompute(computed, client_for):
    assert client_for("leader").post("/indicators/compute/").status_code == 403
    IndicatorValue.objects.all().delete()
    response = client_for("office").post("/indicators/compute/")
    assert response.status_code == 302 and "/tasks/" in response["Location"]
    assert IndicatorValue.objects.exists()  # inline task backend in the tests


def test_a_unit_enters_and_submits_and_the_office_approves(loaded, client_for, users):
    client = client_for("amr-liaison")
    element = DataElement.objects.get(code="rights-assistance-cases")
    page = client.get("/indicators/data/?period=2024Q2")
    assert element in [line.element for line in page.context["rows"]]
    response = client.post(
        "/indicators/data/?period=2024Q2", {"period": "2024Q2", f"value-{element.pk}": "7", "submit": "1"}
    )
    assert response.status_code == 302
    row = DataValue.objects.get(element=element, period="2024Q2")
    assert (row.value, row.state, row.unit.key) == (Decimal(7), ValueState.SUBMITTED, "amr")
    assert row.region == Unit.objects.get(key="amr").region
    office = client_for("office")
    assert row in office.get("/indicators/data/review/").context["rows"]
    office.post(f"/indicators/data/values/{row.pk}/approve/")
    row.refresh_from_db()
    assert row.state == ValueState.APPROVED and row.approved_by == users["office"]
    # An approved value is the office's to change now.
    client = client_for("amr-liaison")
    client.post("/indicators/data/?period=2024Q2", {"period": "2024Q2", f"value-{element.pk}": "9"})
    row.refresh_from_db()
    assert row.value == 7


def test_validation_rules_refuse_bad_values(loaded, client_for):
    client = client_for("amr-liaison")
    element = DataElement.objects.get(code="rights-assistance-cases")
    for bad in ["-1", "2.5", "abc"]:
        client.post("/indicators/data/?period=2024Q2", {"period": "2024Q2", f"value-{element.pk}": bad})
    assert not DataValue.objects.filter(element=element).exists()


def test_a_unit_cannot_report_another_units_figure(loaded, client_for):
    element = DataElement.objects.get(code="mediation-arbitration-cases")  # court, justice, amr
    pledge = DataElement.objects.get(code="ip-pledge-financing")  # amr, pbc
    client = client_for("court-liaison")
    client.post(
        "/indicators/data/?period=2024Q2",
        {"period": "2024Q2", f"value-{element.pk}": "3", f"value-{pledge.pk}": "100"},
    )
    assert DataValue.objects.filter(element=element).count() == 1
    assert not DataValue.objects.filter(element=pledge).exists()


def test_the_leader_reads_but_does_not_enter(loaded, client_for):
    client = client_for("leader")
    assert client.get("/indicators/data/").status_code == 200
    assert client.post("/indicators/data/", {"period": "2024Q2"}).status_code == 403


def test_the_indicator_page_offers_only_the_programmes_periods(computed, client_for, programme):
    compute(periods=["2021", "2021-12", "2025", "2025-01"])  # the baseline year before and a year after
    indicator = IndicatorValue.objects.filter(indicator__code="invention-patents-per-10k-residents").first().indicator
    assert IndicatorValue.objects.filter(indicator=indicator, period__in=["2021", "2025"]).exists()
    response = client_for("office").get(f"/indicators/{indicator.pk}/?period=2025")
    periods = response.context["periods"]
    assert set(periods) == {"2023-06", "2024-11", "2024-12", "2024"}
    assert response.context["period"] in periods  # a period after the programme asked for: its latest instead
    page = response.content.decode()
    assert 'value="2021"' not in page and 'value="2025"' not in page and 'value="2025-01"' not in page
