"""A region file naming a prefecture-level city: the city, every county-level division, their townships, the
division list's oddities skipped and reported, and loading beside a county's own file in either order."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from zhichan.core.events import events_of
from zhichan.core.models import Population, Region, RegionKind, TaskProgress
from zhichan.core.services.datafile import DataFileError
from zhichan.core.services.division_rules import REPEATS_COUNTY, VILLAGES_UNDER_COUNTY, county_kind
from zhichan.core.services.regions import load_regions

from ..conftest import REGIONS_FILE
from .regions_helpers import CITY_FILE, empty_regions, package_rows, subtree_rows

pytestmark = pytest.mark.django_db


def test_the_city_loads_every_county_level_division_of_the_package():
    areas = {row["code"]: row["name"] for row in package_rows("areas", cityCode="3505")}
    assert len(areas) == 12  # counted by hand in areas.csv: 4 districts, 5 counties, 3 county-level cities
    result = load_regions(CITY_FILE)
    city = result["region"]
    assert (city.code, city.name, city.kind, city.name_en) == ("3505", "泉州市", RegionKind.CITY, "Quanzhou City")
    children = {r.code: r for r in Region.objects.get_children(city)}
    assert {code: r.name for code, r in children.items()} == areas
    assert children["350502"].name == "鲤城区" and children["350502"].kind == RegionKind.DISTRICT
    assert children["350583"].name == "南安市" and children["350583"].kind == RegionKind.COUNTY
    assert children["350521"].name == "惠安县" and children["350521"].kind == RegionKind.COUNTY
    assert result["loaded"]["district"] == 4 and result["loaded"]["county"] == 8
    assert result["loaded"]["province"] == 1 and result["loaded"]["city"] == 1


def test_the_city_loads_every_township_but_the_row_repeating_kinmen():
    streets = {row["code"]: row["name"] for row in package_rows("streets", cityCode="3505")}
    result = load_regions(CITY_FILE)
    assert streets.pop("350527000") == "金门县"  # the one row of Quanzhou that is no township
    city = Region.objects.get(code="3505")
    loaded = {r.code: r.name for r in Region.objects.filter(path__startswith=city.path, depth=city.depth + 2)}
    assert {code: name for code, name in loaded.items() if code} == streets
    township_kinds = ("subdistrict", "town", "township", "zone")
    assert sum(result["loaded"].get(kind, 0) for kind in township_kinds) == len(streets)
    # Nan'an's park (loaded by the session's Nan'an file) is still there, still under Nan'an.
    assert Region.objects.get_parent(Region.objects.get(name="南安经济开发区")).code == "350583"
    assert result["regions"] == 1 + 12 + len(streets) + 1


def test_the_row_repeating_its_county_is_skipped_and_reported(capsys):
    result = load_regions(CITY_FILE)
    assert result["skipped"] == [{"code": "350527000", "name": "金门县", "reason": REPEATS_COUNTY}]
    assert not Region.objects.filter(code="350527000").exists()
    kinmen = Region.objects.get(code="350527")
    assert [c.code for c in result["without_townships"]] == ["350527"]
    assert not Region.objects.get_children(kinmen).exists()
    with translation.override("en"):
        call_command("load_regions", str(CITY_FILE))
    out = capsys.readouterr().out
    assert "Skipped 350527000 金门县: it repeats its county's code" in out
    assert "金门县 (350527) has no township-level division in the list." in out
    assert "District (市辖区) 4" in out and "(0 new)" in out


def test_a_pseudo_township_of_villages_under_the_county_is_skipped_and_reported(tmp_path):
    # No Fujian county has one; 郊区 of 铜陵市 (Anhui) does, in the same package.
    streets = {row["code"]: row["name"] for row in package_rows("streets", areaCode="340711")}
    assert streets["340711198"] == "郊区直辖村级区划"
    file = tmp_path / "340711.yaml"
    file.write_text('division: "340711"\n', encoding="utf-8")
    result = load_regions(file)
    assert result["skipped"] == [{"code": "340711198", "name": "郊区直辖村级区划", "reason": VILLAGES_UNDER_COUNTY}]
    county = result["region"]
    assert county.kind == RegionKind.DISTRICT
    del streets["340711198"]
    assert {r.code: r.name for r in Region.objects.get_children(county)} == streets


def test_nanan_comes_out_the_same_whichever_file_is_loaded_first():
    load_regions(CITY_FILE)  # the session loaded Nan'an's file first
    nanan_first = subtree_rows("350583")
    above = ancestors_of("350583")
    assert len(nanan_first) == 29 and ("350583", "南安市", "Nan'an City", "county") in {r[:4] for r in nanan_first}

    empty_regions()
    load_regions(CITY_FILE)
    load_regions(REGIONS_FILE)
    assert subtree_rows("350583") == nanan_first
    assert (
        ancestors_of("350583")
        == above
        == [
            ("35", "福建省", "Fujian Province", "province"),
            ("3505", "泉州市", "Quanzhou City", "city"),
        ]
    )
    assert Population.objects.filter(region__code="350583").count() == 2


def ancestors_of(code):
    return [(r.code, r.name, r.name_en, r.kind) for r in Region.objects.get_ancestors(Region.objects.get(code=code))]


def test_reloading_either_file_changes_nothing():
    load_regions(CITY_FILE)
    before = list(Region.objects.values_list("pk", "path", "code", "name", "name_en", "kind", "source"))
    history = Region.history.count()
    assert load_regions(CITY_FILE)["created"] == 0
    assert load_regions(REGIONS_FILE)["created"] == 0
    assert list(Region.objects.values_list("pk", "path", "code", "name", "name_en", "kind", "source")) == before
    assert Region.history.count() == history


def test_a_zone_without_a_code_can_hang_under_the_city(tmp_path):
    file = tmp_path / "city.yaml"
    file.write_text(
        'division: "3505"\nregions:\n  - {name: 示例园区, kind: park, parent: "3505", note: 示例}\n', encoding="utf-8"
    )
    result = load_regions(file)
    zone = Region.objects.get(name="示例园区")
    assert zone.code is None and Region.objects.get_parent(zone).code == "3505"
    assert result["loaded"]["park"] == 1


def test_an_unknown_city_is_refused_by_name(tmp_path):
    file = tmp_path / "bad.yaml"
    file.write_text('division: "3599"\n', encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_regions(file)
    assert "division: no prefecture-level city with code '3599'" in str(error.value)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("鲤城区", RegionKind.DISTRICT),
        ("浦东新区", RegionKind.DISTRICT),
        ("沙县区", RegionKind.DISTRICT),
        ("南安市", RegionKind.COUNTY),
        ("惠安县", RegionKind.COUNTY),
        ("阿拉善左旗", RegionKind.COUNTY),
        ("神农架林区", RegionKind.COUNTY),
        ("石家庄高新技术产业开发区", RegionKind.COUNTY),
        ("苏州工业园区", RegionKind.COUNTY),
        ("唐山市汉沽管理区", RegionKind.COUNTY),
    ],
)
def test_the_county_level_kind_follows_the_name(name, kind):
    assert county_kind(name) == kind


def test_county_level_means_counties_and_districts():
    assert set(RegionKind.county_level()) == {RegionKind.COUNTY, RegionKind.DISTRICT}


def test_the_office_reloads_the_city_from_the_site_and_reads_what_was_skipped(client_for, operator):
    # The operator loads a new region; a county's office is offered only its own county's file.
    client_for(operator).post(reverse("region-reload"), {"file": "3505-quanzhou.yaml"})
    progress = TaskProgress.objects.get()
    assert progress.state == TaskProgress.State.DONE
    assert progress.message.startswith("泉州市及其下级区划共 188 个，均已是最新。")
    assert "市辖区 4" in progress.message and "已跳过 350527000 金门县" in progress.message
    (event,) = events_of(progress)
    assert event.data["skipped"] == ["350527000"] and event.data["regions"] == 188
    assert event.details == "3505-quanzhou.yaml · 188 · 跳过 350527000"
