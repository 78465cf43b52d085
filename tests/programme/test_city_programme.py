"""A city's programme with every target form (tests/programme/city-programme.yaml): named sub-regions, designations by
level, a reported total held, a rank in a peer group, a nested target, yearly register flows, and the city's
population summed from its counties. Figures are hand-counted on a small register built here."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from zhichan.core.models import Population, Region, Unit
from zhichan.core.services.datafile import DataFileError
from zhichan.core.services.organisation import load_organisation
from zhichan.core.services.regions import load_regions
from zhichan.indicators.models import DataElement, DataValue, ValueState
from zhichan.indicators.periods import parse_period
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators
from zhichan.indicators.services.targets import programme_targets
from zhichan.programme.models import Target
from zhichan.programme.services.loading import load_programme
from zhichan.registry.models import Enterprise, EnterpriseDesignation
from zhichan.registry.services.entries import create_patent

from ..indicators.conftest import _uscc
from ..registry.registers import patent_number

pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent
PROGRAMME = HERE / "city-programme.yaml"
INDICATORS = HERE / "city-indicators.yaml"
ORGANISATION = HERE.parent / "core" / "city-organisation.yaml"
JINJIANG, DEHUA, NANAN = "350582", "350526", "350583"
DAY = date(2023, 12, 31)


@pytest.fixture
def counties(tmp_path):
    """晋江市 and 德化县 beside 南安市 (loaded for every test), each from the division list alone."""
    for code in (JINJIANG, DEHUA):
        file = tmp_path / f"{code}.yaml"
        file.write_text(f'division: "{code}"\n', encoding="utf-8")
        load_regions(file)
    return {code: Region.objects.get(code=code) for code in (JINJIANG, DEHUA, NANAN)}


@pytest.fixture
def city(counties):
    load_organisation(ORGANISATION)  # the city's own units (its `amr` reports the city's figures)
    load_indicators(INDICATORS)
    return load_programme(PROGRAMME)["programme"]


def test_the_city_programme_loads_with_every_form(city, counties):
    assert city.region.code == "3505"
    targets = {t.code: t for t in Target.objects.filter(programme=city)}
    assert len(targets) == 8
    assert targets["C2.1"].parent == targets["C2"] and targets["C2"].parent is None
    assert targets["C6"].kind == "rank" and targets["C6"].peer_group == "全国同类城市"
    assert sorted(r.code for r in targets["C7"].subregions.all()) == sorted([JINJIANG, DEHUA, NANAN])
    assert load_programme(PROGRAMME)["targets"] == 8  # a second load changes nothing
    assert Target.history.filter(programme=city).count() == 8


def _broken(tmp_path, old, new):
    text = PROGRAMME.read_text(encoding="utf-8")
    assert old in text
    file = tmp_path / "broken.yaml"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return file


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    peer_group: 全国同类城市\n", "", "targets[6].peer_group: is required"),
        ("    comparator: lte\n", "    comparator: gte\n", "targets[6].comparator: a rank is better when lower"),
        ("    parent: C2\n", "    parent: C9\n", "targets[2].parent: unknown target 'C9'"),
        ('regions: ["350582"', 'regions: ["350121"', "targets[7].regions[0]: unknown region code '350121'"),
        ('regions: ["350582"', 'regions: ["3505"', "targets[7].regions[0]: 泉州市 (3505) is not within"),
        ('"350526", "350583"]', '"350526", "350526"]', "targets[7].regions[2]: 350526 is named twice"),
    ],
)
def test_bad_target_forms_are_refused_with_their_place(counties, tmp_path, old, new, message):
    with pytest.raises(DataFileError) as raised:
        load_programme(_broken(tmp_path, old, new))
    assert message in str(raised.value)


def _report(code, region, period, value, comment=""):
    p = parse_period(period)
    DataValue.objects.create(
        element=DataElement.objects.get(code=code),
        region=region,
        period=p.key,
        period_start=p.start,
        period_end=p.end,
        value=Decimal(value),
        unit=Unit.objects.get(key="amr", organisation__code="3505"),
        state=ValueState.APPROVED,
        comment=comment,
    )


def _patent(serial, region, filed, granted=None, pct=None, type_code="1"):
    fields = {"title": f"专利{serial}", "filing_date": filed, "grant_date": granted, "region": region}
    if pct:
        fields["pct_number"], fields["pct_filing_date"] = pct, filed
    create_patent(None, patent_number(filed.year, type_code, serial), **fields)


@pytest.fixture
def figures(city, counties):
    quanzhou = city.region
    jinjiang, dehua, nanan = counties[JINJIANG], counties[DEHUA], counties[NANAN]
    # Population 2021: 南安 from its region file (1,527,000); 晋江 and 德化 made up here; the city has none.
    for region, value in [(jinjiang, 2_000_000), (dehua, 300_000)]:
        Population.objects.create(region=region, year=2021, as_of=date(2021, 12, 31), value=value, source="测试数据")
    # Register: valid inventions 2 (晋江) + 1 (南安) = 3; filed in 2023: 3; granted in 2023: 2; PCT in 2023: 1.
    _patent(1, jinjiang, date(2023, 2, 1), granted=date(2023, 10, 1), pct="PCT/CN2023/000001")
    _patent(2, jinjiang, date(2021, 2, 1), granted=date(2023, 3, 1))
    _patent(3, nanan, date(2023, 5, 1))
    _patent(4, dehua, date(2023, 6, 1))
    _patent(5, nanan, date(2019, 6, 1), granted=date(2021, 1, 1))
    # Designations: a national and a provincial title (2 enterprises), a city-level one not counted.
    for serial, region, level in [(1, jinjiang, "national"), (2, nanan, "provincial"), (3, dehua, "city")]:
        enterprise = Enterprise.objects.create(
            name=f"企业{serial}", uscc=_uscc(f"91350500MA0XND00{serial}"), region=region
        )
        EnterpriseDesignation.objects.create(
            enterprise=enterprise, kind="ip-advantage", level=level, granted_on=date(2022, 6, 1)
        )
    # Service outlets held: 9 then 11 (the latest, not 20).
    _report("ip-service-outlets", quanzhou, "2023Q2", 9)
    _report("ip-service-outlets", quanzhou, "2023Q3", 11)
    _report("national-peer-rank", quanzhou, "2023", 8, comment="《2023年全国知识产权发展状况报告》")
    # Strong counties: 晋江 and 南安 hold the designation, 德化 not yet.
    for region, value in [(jinjiang, 1), (nanan, 1), (dehua, 0)]:
        _report("ip-strong-county-designated", region, "2023", value)
    compute(periods=["2023-12"])
    return city


def test_each_target_form_stands_as_hand_counted(figures, counties):
    rows = {row.target.code: row for row in programme_targets(figures, DAY).values()}
    # C1: 3 valid inventions ÷ (2,000,000 + 300,000 + 1,527,000) / 10,000 = 3 / 382.7 = 0.0078… → 0.01.
    c1 = rows["C1"].value
    assert c1.value == Decimal("0.01") and c1.denominator == Decimal("382.7")
    assert c1.inputs["population_parts"] == 3 and c1.inputs["population_year"] == 2021
    assert rows["C2"].value.value == 3 and rows["C2.1"].value.value == 1 and rows["C3"].value.value == 2
    assert rows["C4"].value.value == 2 and rows["C4"].status.light == "done"
    assert rows["C5"].value.value == 11 and rows["C5"].status.light != "done"
    c6 = rows["C6"]
    assert c6.value.value == 8 and c6.status.light == "green"  # met before the deadline, as a rate is
    assert (c6.rank.value, c6.rank.peer_group, c6.rank.source) == (
        8,
        "全国同类城市",
        "《2023年全国知识产权发展状况报告》",
    )
    c7 = rows["C7"]
    assert [(part.region.code, part.met) for part in c7.parts] == [(DEHUA, False), (JINJIANG, True), (NANAN, True)]
    assert c7.parts_met == 2 and c7.status.light != "done"


def test_the_sub_region_target_is_met_only_when_all_named_are(figures, counties):
    DataValue.objects.filter(element__code="ip-strong-county-designated", region=counties[DEHUA]).update(
        value=Decimal(1)
    )
    compute(periods=["2023-12"])
    rows = {row.target.code: row for row in programme_targets(figures, DAY).values()}
    assert rows["C7"].parts_met == 3 and rows["C7"].status.light == "done"


def test_a_rank_below_the_peer_group_target_is_not_met(figures):
    DataValue.objects.filter(element__code="national-peer-rank").update(value=Decimal(14))
    compute(periods=["2023-12"])
    rows = {row.target.code: row for row in programme_targets(figures, DAY).values()}
    assert rows["C6"].status.light == "red" and rows["C6"].rank.value == 14


def test_entered_city_population_wins_over_the_counties_sum(figures):
    Population.objects.create(
        region=figures.region, year=2021, as_of=date(2021, 12, 31), value=3_000_000, source="测试年鉴"
    )
    compute(periods=["2023-12"])
    c1 = programme_targets(figures, DAY)[Target.objects.get(programme=figures, code="C1").pk].value
    assert c1.denominator == Decimal("300") and c1.value == Decimal("0.01")
    assert "population_parts" not in c1.inputs and c1.inputs["population_source"] == "测试年鉴"


def test_the_overview_shows_parts_ranks_and_sub_regions(figures, client_for, operator):
    page = client_for(operator).get(f"/programmes/{figures.pk}/?as_of=2023-12-31").content.decode()
    rows = page.split('data-target="')
    codes = [row.split('"', 1)[0] for row in rows[1:]]
    assert codes == ["C1", "C2", "C2.1", "C3", "C4", "C5", "C6", "C7"]  # the part right under its whole
    c21 = rows[3]
    assert 'data-part-of="C2"' in c21 and 'data-testid="part-of"' in c21
    c6 = rows[7]
    assert "全国同类城市" in c6 and "《2023年全国知识产权发展状况报告》" in c6 and 'data-testid="target-rank"' in c6
    c7 = rows[8]
    assert 'data-region="350582" data-met="yes"' in c7 and 'data-region="350526" data-met="no"' in c7


def test_the_api_gives_each_form(figures, api_for, operator):
    found = api_for(operator).get(f"/api/v1/programmes/{figures.pk}/targets/", {"as_of": "2023-12-31"}).json()
    by_code = {t["code"]: t for t in found["targets"]}
    assert by_code["C2.1"]["part_of"] == "C2" and by_code["C2"]["part_of"] is None
    assert (by_code["C6"]["kind"], by_code["C6"]["value"], by_code["C6"]["peer_group"]) == ("rank", "8", "全国同类城市")
    assert by_code["C6"]["source"] == "《2023年全国知识产权发展状况报告》"
    assert by_code["C7"]["regions"] == [
        {"region": DEHUA, "value": "0", "met": False},
        {"region": JINJIANG, "value": "1", "met": True},
        {"region": NANAN, "value": "1", "met": True},
    ]


def test_the_value_page_says_the_population_is_the_counties_sum(figures, client_for):
    c1 = programme_targets(figures, DAY)[Target.objects.get(programme=figures, code="C1").pk].value
    page = client_for("office").get(f"/indicators/values/{c1.pk}/").content.decode()
    basis = page.split('data-testid="population-basis">', 1)[1].split("<", 1)[0]
    assert basis == "所辖3个下级区域之和"
    Population.objects.create(
        region=figures.region, year=2021, as_of=date(2021, 12, 31), value=3_000_000, source="测试年鉴"
    )
    compute(periods=["2023-12"])
    page = client_for("office").get(f"/indicators/values/{c1.pk}/").content.decode()
    basis = page.split('data-testid="population-basis">', 1)[1].split("<", 1)[0]
    assert basis == "本区域录入数：测试年鉴"
