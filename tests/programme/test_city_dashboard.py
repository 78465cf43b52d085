"""A city programme's dashboards compare its counties, one level up from a county's townships: the comparison page,
its Excel export, the ranking table and the region grid of /dashboard/ (tests/programme/city-programme.yaml, the
figures hand-counted in test_city_programme.py: inventions granted in 2023, 晋江 2, 南安 0, 德化 0)."""

from io import BytesIO

import openpyxl
import pytest

from zhichan.core.models import Region, RegionKind
from zhichan.indicators.models import Indicator
from zhichan.indicators.services.places import COUNTIES, TOWNSHIPS, level_of, places
from zhichan.programme.services.loading import load_programme

from . import test_city_programme as city_programme
from .conftest import MINI
from .test_city_programme import DEHUA, JINJIANG, NANAN

counties, city, figures = city_programme.counties, city_programme.city, city_programme.figures

pytestmark = pytest.mark.django_db

GRANTS = "invention-grants-yearly"


@pytest.fixture
def reader(figures, client, operator):
    client.force_login(operator)
    assert client.post("/programmes/choose/", {"programme": figures.key}).status_code == 302
    return client


def _query():
    return f"?as_of=2023-12-31&period=2023-12&indicator={Indicator.objects.get(code=GRANTS).pk}"


def _order(table: str) -> list[str]:
    return [part.split('"', 1)[0] for part in table.split('data-region="')[1:]]


def test_the_places_of_a_city_are_its_counties(figures, counties):
    regions = list(Region.objects.all())
    assert level_of(figures) == COUNTIES
    found = places(figures.region, regions, figures)
    assert sorted(r.code for r in found) == sorted([JINJIANG, DEHUA, NANAN])
    assert places(counties[NANAN], regions, figures) == [counties[NANAN]]  # a county chosen: itself, as a township
    assert level_of(None) == TOWNSHIPS


def test_the_comparison_of_a_city_ranks_its_counties(reader):
    response = reader.get("/dashboard/townships/" + _query())
    assert response.status_code == 200
    ranked = response.context["ranked"]
    assert [(r.region.code, r.rank, r.value.value) for r in ranked][0] == (JINJIANG, 1, 2)
    assert sorted(r.region.code for r in ranked) == sorted([JINJIANG, DEHUA, NANAN])
    page = response.content.decode()
    assert '<h1 class="h3">县（市、区）对比</h1>' in page and "乡镇对比" not in page
    assert "各县（市、区）的数值" in page
    table = page.split('data-testid="ranking"', 1)[1].split("</table>", 1)[0]
    assert _order(table)[0] == JINJIANG and len(_order(table)) == 3


def test_the_comparison_export_says_counties(reader):
    reply = reader.get("/dashboard/townships/export.xlsx" + _query())
    assert reply.status_code == 200
    assert "县（市、区）对比" in reply["Content-Disposition"] or "%E5%8E%BF" in reply["Content-Disposition"]
    book = openpyxl.load_workbook(BytesIO(reply.content))
    assert book.sheetnames == ["县（市、区）排名"]
    rows = [[c.value for c in row] for row in book.active.iter_rows()]
    header = next(i for i, row in enumerate(rows) if row[0] == "排名")
    assert rows[header + 1][:3] == [1, "晋江市", 2]
    assert {row[1] for row in rows[header + 1 :]} == {"晋江市", "南安市", "德化县"}


def test_the_city_dashboard_ranks_and_grids_its_counties(reader):
    response = reader.get("/dashboard/" + _query())
    assert response.status_code == 200
    page = response.content.decode()
    assert "县（市、区）排名" in page and "县（市、区） × 指标" in page and "乡镇排名" not in page
    assert ">县（市、区）对比</a>" in page  # the tab
    table = page.split('data-testid="ranking"', 1)[1].split("</table>", 1)[0]
    assert _order(table)[0] == JINJIANG and sorted(_order(table)) == sorted([JINJIANG, DEHUA, NANAN])
    grid = page.split('data-testid="region-grid"', 1)[1].split("</table>", 1)[0]
    assert [name for name in ("晋江市", "南安市", "德化县") if name in grid] == ["晋江市", "南安市", "德化县"]
    assert "镇<" not in grid  # no township of any county
    book = openpyxl.load_workbook(BytesIO(reader.get("/dashboard/export.xlsx" + _query()).content))
    assert book.sheetnames[1:] == ["县（市、区）排名", "县（市、区）"]


def test_nanans_comparison_beside_it_still_compares_townships(figures, client, operator):
    nanan = load_programme(MINI)["programme"]
    client.force_login(operator)
    assert client.post("/programmes/choose/", {"programme": nanan.key}).status_code == 302
    response = client.get("/dashboard/townships/" + _query())
    assert response.context["level"] == TOWNSHIPS
    assert {r.region.kind for r in response.context["ranked"]} <= set(RegionKind.township_level())
    assert '<h1 class="h3">乡镇对比</h1>' in response.content.decode()


def test_the_side_by_side_shows_a_sub_region_target_as_its_met_count_alone(figures, client_for, operator):
    page = client_for(operator).get("/dashboard/programmes/").content.decode()
    c7 = page.split('data-target="C7"', 1)[1].split("</tr>", 1)[0]
    met = c7.split('data-testid="parts-met">', 1)[1].split("</span>", 1)[0]
    assert met.startswith("已达标") and met.endswith("/3")
    assert " / 1 个" not in c7 and "个" not in c7  # a count of regions met has no unit of the target's measure
    c2 = page.split('data-target="C2"', 1)[1].split("</tr>", 1)[0]
    assert "/ 3,000 件" in c2  # a figure target keeps its target and unit
