"""Townships' own figures: which elements they report, for which region, and their population feeding T1."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from zhichan.core.models import Population, Region, Unit, UnitKind
from zhichan.core.services.demo_population import DEMO_SOURCE, create_demo_population, remove_demo_population
from zhichan.indicators.models import DataElement, DataValue, IndicatorValue
from zhichan.indicators.services import entry
from zhichan.indicators.services.compute import compute

from .conftest import A, B

TOWNSHIP_ELEMENTS = {
    "township-resident-population",
    "enterprises-ip-institutions-guided",
    "enterprises-ip-strategy-guided",
    "demonstration-enterprises-in-cultivation",
}


@pytest.fixture
def shuitou():
    return Unit.objects.get(key=f"region-{A}")


def test_every_township_unit_reports_the_township_elements_and_no_member_unit(loaded):
    townships = set(Unit.objects.filter(kind=UnitKind.TOWNSHIP).values_list("pk", flat=True))
    assert len(townships) == 28  # 27 coded divisions and 南安经济开发区
    for code in TOWNSHIP_ELEMENTS:
        element = DataElement.objects.get(code=code)
        assert set(element.units.values_list("pk", flat=True)) == townships
    assert DataElement.objects.get(code="township-resident-population").is_population
    assert not DataElement.objects.get(code="enterprises-ip-strategy-guided").is_population
    amr = Unit.objects.get(key="amr")
    assert not {e.code for e in entry.elements_for(amr)} & TOWNSHIP_ELEMENTS


def test_a_township_sees_its_own_elements_only(loaded, shuitou):
    codes = {e.code for e in entry.elements_for(shuitou)}
    assert codes == TOWNSHIP_ELEMENTS


def test_a_township_liaison_reports_for_its_own_township_only(loaded, regions, users, shuitou):
    liaison = users["shuitou-liaison"]
    element = DataElement.objects.get(code="enterprises-ip-institutions-guided")
    with pytest.raises(ValidationError) as refused:  # another region, which no target names for the figure
        entry.save_value(element, shuitou, "2024Q1", Decimal(3), liaison, region=regions["B"])
    assert "value" in refused.value.message_dict and not DataValue.objects.filter(element=element).exists()
    row = entry.save_value(element, shuitou, "2024Q1", Decimal(3), liaison, region=regions["A"])
    assert row.region == regions["A"]  # its own region, named or not
    other = Unit.objects.get(key=f"region-{B}")
    with pytest.raises(PermissionDenied):
        entry.save_value(element, other, "2024Q1", Decimal(3), liaison)
    with pytest.raises(ValidationError):
        entry.save_value(element, Unit.objects.get(key="amr"), "2024Q1", Decimal(3), users["amr-liaison"])


def test_a_township_liaison_sees_only_its_own_townships_figures(loaded, regions, users, shuitou):
    element = DataElement.objects.get(code="enterprises-ip-institutions-guided")
    entry.save_value(element, shuitou, "2024Q1", Decimal(3), users["shuitou-liaison"])
    other = Unit.objects.get(key=f"region-{B}")
    entry.save_value(element, other, "2024Q1", Decimal(5), users["office"])
    seen = DataValue.objects.visible_to(users["shuitou-liaison"])
    assert [(r.region.code, r.value) for r in seen] == [(A, Decimal(3))]


def test_the_entry_page_lists_the_township_figures(loaded, client_for):
    page = client_for("shuitou-liaison").get("/indicators/data/?period=2024").content.decode()
    assert "常住人口（乡镇报送）" in page and "知识产权质押融资登记金额" not in page
    page = client_for("shuitou-liaison").get("/indicators/data/?period=2024Q1").content.decode()
    assert "指导建立知识产权管理机构的企业数" in page and "常住人口（乡镇报送）" not in page


def test_a_reported_population_needs_its_source(loaded, users, shuitou):
    element = DataElement.objects.get(code="township-resident-population")
    with translation.override("en"), pytest.raises(ValidationError, match="source"):
        entry.save_value(element, shuitou, "2023", Decimal(120000), users["shuitou-liaison"], submit=True)


def test_approving_a_reported_population_writes_the_one_population_table(loaded, regions, users, shuitou):
    element = DataElement.objects.get(code="township-resident-population")
    row = entry.save_value(
        element, shuitou, "2023", Decimal(120000), users["shuitou-liaison"], comment="镇统计站核定数", submit=True
    )
    assert not Population.objects.filter(region=regions["A"], year=2023).exists()  # not before approval
    with translation.override("en"):  # the office reads English; the stored source stays in Chinese
        entry.approve(row, users["office"])
    population = Population.objects.get(region=regions["A"], year=2023)
    assert population.source == "镇统计站核定数（水头镇人民政府报送）"
    assert population.value == 120000 and population.as_of == date(2023, 12, 31)
    assert "镇统计站核定数" in population.source and shuitou.name in population.source
    entry.send_back(row, users["office"], "数字有误")
    assert not Population.objects.filter(region=regions["A"], year=2023).exists()


def test_t1_by_township_is_computed_from_the_reported_population(register, loaded, users, shuitou):
    Population.objects.filter(region=register["regions"]["A"]).delete()
    element = DataElement.objects.get(code="township-resident-population")
    row = entry.save_value(
        element, shuitou, "2021", Decimal(50000), users["shuitou-liaison"], comment="七普乡镇数据推算", submit=True
    )
    entry.approve(row, users["office"])
    compute(codes=["invention-patents-per-10k-residents"], periods=["2022-06"])
    found = IndicatorValue.objects.get(
        indicator__code="invention-patents-per-10k-residents", region=register["regions"]["A"], period="2022-06"
    )
    assert found.value == Decimal("0.40")  # p1 and p2 valid ÷ (50,000 ÷ 10,000)


def test_demo_population_gives_every_coded_township_a_marked_figure(db):
    county = Region.objects.get(code="350583")
    added = create_demo_population("350583")
    townships = Region.objects.filter(path__startswith=county.path, depth=county.depth + 1, code__isnull=False)
    years = list(Population.objects.filter(region=county).values_list("year", flat=True))
    assert added == townships.count() * len(years)
    for year in years:
        rows = Population.objects.filter(region__in=townships, year=year)
        assert {r.source for r in rows} == {DEMO_SOURCE}
        county_value = Population.objects.get(region=county, year=year).value
        assert abs(sum(r.value for r in rows) - county_value) < townships.count()  # rounding only
    assert not Population.objects.filter(region__code__isnull=True).exists()  # no figure for 南安经济开发区
    assert create_demo_population("350583") == 0
    assert remove_demo_population() == added


def test_the_demo_first_start_gives_every_township_t1(db, capsys):
    from django.core.management import call_command

    call_command("bootstrap")
    assert "synthetic township population figures" in capsys.readouterr().out
    county = Region.objects.get(code="350583")
    townships = Region.objects.filter(depth=county.depth + 1, path__startswith=county.path, code__isnull=False)
    assert Population.objects.filter(region__in=townships, source=DEMO_SOURCE).count() == 2 * townships.count()
    values = IndicatorValue.objects.filter(
        indicator__code="invention-patents-per-10k-residents", period="2024-12", region__in=townships
    )
    assert values.count() == 27 and all(v.value is not None for v in values)


def test_a_township_reports_through_the_api_for_its_own_township(loaded, regions, api_for, users, shuitou):
    element = DataElement.objects.get(code="township-resident-population")
    api = api_for("shuitou-liaison")
    assert api.get(f"/api/v1/data-elements/{element.pk}/").json()["is_population"] is True
    created = api.post(
        "/api/v1/data-values/",
        {"element": element.pk, "unit": shuitou.pk, "period": "2023", "value": "98000", "comment": "镇统计站"},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["region"] == regions["A"].pk
    other = Unit.objects.get(key=f"region-{B}")
    refused = api.post(
        "/api/v1/data-values/",
        {"element": element.pk, "unit": other.pk, "period": "2023", "value": "1"},
        format="json",
    )
    assert refused.status_code == 403
    no_source = api.post(
        "/api/v1/data-values/",
        {"element": element.pk, "unit": shuitou.pk, "period": "2022", "value": "97000", "submit": True},
        format="json",
    )
    assert no_source.status_code == 400


def test_a_township_liaison_drills_down_only_into_its_own_townships_values(register, loaded, client_for, api_for):
    from zhichan.programme.services.loading import load_programme

    from ..programme.conftest import MINI

    load_programme(MINI)
    compute(codes=["invention-patents-per-10k-residents"], periods=["2022-06", "2024-12"])
    own = IndicatorValue.objects.get(region=register["regions"]["A"], period="2022-06")
    other = IndicatorValue.objects.get(region=register["regions"]["B"], period="2022-06")
    client = client_for("shuitou-liaison")
    page = client.get(f"/indicators/values/{own.pk}/").content.decode()
    assert register["patents"]["p1"].application_number in page
    assert register["patents"]["p4"].application_number not in page
    assert client.get(f"/indicators/values/{other.pk}/").status_code == 404
    # Its own values against the county's target, with the county's value beside it.
    listed = client.get("/indicators/").content.decode()
    county = IndicatorValue.objects.get(region=register["regions"]["county"], period="2024-12")
    assert county.value is not None
    row = listed[listed.index('data-indicator="invention-patents-per-10k-residents"') :]
    row = row[: row.index("</tr>")]
    own_now = IndicatorValue.objects.get(region=register["regions"]["A"], period="2024-12")
    assert f"{own_now.value:.2f}" in row and "14.3" in row and f"南安市 · 现为 {county.value:.2f}" in row
    figures = api_for("shuitou-liaison").get("/api/v1/dashboard/").json()
    t1 = next(r for r in figures["targets"] if r["indicator"]["code"] == "invention-patents-per-10k-residents")
    assert t1["value"]["id"] == own_now.pk and t1["target"]["region_value"]["id"] == county.pk


def test_the_township_workbench_leads_to_its_targets_and_figures(loaded, client_for):
    page = client_for("shuitou-liaison").get("/").content.decode()
    assert 'data-testid="township-panel"' in page and "/indicators/data/" in page
    assert "本乡镇报送 4 项数据" in page
    assert 'data-testid="township-panel"' not in client_for("amr-liaison").get("/").content.decode()
