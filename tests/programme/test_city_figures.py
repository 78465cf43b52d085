"""A city's reported figures as its plan needs them (tests/programme/city-programme.yaml): the strong-county
figure entered by the city's unit for each county C7 names, a rank submitted with its source, an approval that
recomputes what reads the figure, the city's own programme years on the entry page, and the pages reading C7 on
the named counties and ranking C6's figure lowest first."""

from decimal import Decimal

import pytest
from django.utils import translation

from zhichan.core.models import Region, Role, TaskProgress, Unit, User
from zhichan.indicators.models import DataElement, DataValue, Indicator, IndicatorValue, ValueState
from zhichan.indicators.services import entry
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.targets import programme_targets
from zhichan.programme.services.loading import load_programme

from . import test_city_programme as city_programme
from .conftest import MINI
from .test_city_programme import DAY, DEHUA, JINJIANG, NANAN, _report

# The city programme's fixtures: its counties, the programme loaded, and its hand-counted figures.
counties, city, figures = city_programme.counties, city_programme.city, city_programme.figures

pytestmark = pytest.mark.django_db

STRONG = "ip-strong-county-designated"


def _user(username, role, key):
    return User.objects.create(username=username, role=role, unit=Unit.objects.get(organisation__code="3505", key=key))


@pytest.fixture
def liaison(city):
    return _user("city-amr", Role.UNIT_LIAISON, "amr")


@pytest.fixture
def office(city):
    return _user("city-office", Role.OFFICE, "office")


def _c7(programme):
    return next(row for row in programme_targets(programme, DAY).values() if row.target.code == "C7")


def test_the_strong_county_figure_is_entered_for_each_named_county(city, counties, liaison, office, client):
    element = DataElement.objects.get(code=STRONG)
    client.force_login(liaison)
    page = client.get("/indicators/data/?period=2023").content.decode()
    for code in (JINJIANG, DEHUA, NANAN):
        region = counties[code]
        assert f'data-region="{code}"' in page and f'name="value-{element.pk}-{region.pk}"' in page
    data = {"period": "2023", "submit": ""}
    data.update({f"value-{element.pk}-{counties[code].pk}": "1" for code in (JINJIANG, DEHUA, NANAN)})
    response = client.post("/indicators/data/", data)
    assert response.status_code == 302
    saved = DataValue.objects.filter(element=element, period="2023")
    assert sorted(row.region.code for row in saved) == sorted([JINJIANG, DEHUA, NANAN])
    assert {row.state for row in saved} == {ValueState.SUBMITTED}
    assert {row.unit.key for row in saved} == {"amr"}
    for row in saved:
        entry.approve(row, office)
    c7 = _c7(city)
    assert c7.parts_met == 3 and c7.status.light == "done"


def test_a_figure_is_not_entered_for_a_region_no_target_names(city, counties, liaison):
    element = DataElement.objects.get(code=STRONG)
    elsewhere = Region.objects.get(code="350583119")  # a township of Nan'an: not named by C7
    with pytest.raises(entry.EntryRefused) as refused:
        entry.save_values(liaison.unit, "2023", [entry.Entry(element, "1", region=elsewhere)], liaison)
    assert f"{element.pk}-{elsewhere.pk}" in refused.value.fields
    assert not DataValue.objects.filter(element=element).exists()


def test_no_value_for_any_named_county_is_no_value_not_lagging(city, counties):
    compute(periods=["2023-12"])
    c7 = _c7(city)
    assert all(part.value is None or part.value.value is None for part in c7.parts)
    assert c7.status.light == "unknown"


def test_a_rank_is_submitted_only_with_its_source(city, liaison):
    element = DataElement.objects.get(code="national-peer-rank")
    with translation.override("en"), pytest.raises(entry.EntryRefused) as refused:
        entry.save_values(liaison.unit, "2023", [entry.Entry(element, "8")], liaison, submit=True)
    (message,) = refused.value.fields[element.pk]
    assert "source" in message and "comment" in message
    assert entry.save_values(liaison.unit, "2023", [entry.Entry(element, "8")], liaison)  # a draft may wait for it
    (row,) = entry.save_values(
        liaison.unit, "2023", [entry.Entry(element, "8", "《2023年全国知识产权发展状况报告》")], liaison, submit=True
    )
    assert row.state == ValueState.SUBMITTED


def test_approving_a_figure_recomputes_what_reads_it(city, liaison, office):
    element = DataElement.objects.get(code="national-peer-rank")
    (row,) = entry.save_values(liaison.unit, "2023", [entry.Entry(element, "8", "测试报告")], liaison, submit=True)
    compute(periods=["2023-12"], programme=city.key)
    rank = IndicatorValue.objects.get(
        reading__programme=city.key, indicator__code="national-peer-city-rank", region=city.region, period="2023-12"
    )
    assert rank.value is None  # a submitted figure is not read
    before = TaskProgress.objects.count()
    entry.approve(row, office)
    assert TaskProgress.objects.count() == before + 1  # the recompute, with its progress
    progress = TaskProgress.objects.latest("pk")
    assert progress.arguments["kwargs"]["codes"] == ["national-peer-city-rank"]
    rank = IndicatorValue.objects.get(
        reading__programme=city.key, indicator__code="national-peer-city-rank", region=city.region, period="2023-12"
    )
    assert rank.value == 8


def test_the_entry_periods_start_at_the_users_own_programme(city, liaison, client, users):
    load_programme(MINI)  # Nan'an's programme, 2022–2024, beside the city's from 2023
    client.force_login(liaison)
    page = client.get("/indicators/data/").content.decode()
    assert 'value="2023Q1"' in page and 'value="2022Q4"' not in page and 'value="2022"' not in page
    client.force_login(users["amr-liaison"])  # Nan'an's unit: its programme's years, as before
    page = client.get("/indicators/data/").content.decode()
    assert 'value="2022Q1"' in page and 'value="2021Q4"' not in page


def test_the_list_and_the_dashboard_read_c7_on_the_named_counties(figures, office, client):
    client.force_login(office)
    page = client.get("/indicators/?as_of=2023-12-31").content.decode()
    row = page.split('data-indicator="ip-strong-county"', 1)[1].split("</tr>", 1)[0]
    assert 'data-testid="parts-met">2/3' in row.replace("已达标", "")
    assert f'data-region="{DEHUA}" data-met="no"' in row and f'data-region="{JINJIANG}" data-met="yes"' in row
    assert 'data-testid="value-link"' not in row  # not the city's own value
    page = client.get("/dashboard/?as_of=2023-12-31").content.decode()
    card = page.split('data-code="C7"', 1)[1].split('data-testid="target-card"', 1)[0]
    assert 'data-testid="parts-met">' in card and f'data-region="{NANAN}" data-met="yes"' in card
    page = client.get("/display/?as_of=2023-12-31").content.decode()
    assert "2/3" in page.split("C7", 1)[1].split('data-testid="display-target"', 1)[0]


def test_the_ranking_of_a_rank_puts_the_first_place_first(city, counties, office, client):
    towns = [counties[code] for code in (DEHUA, JINJIANG, NANAN)]  # the city's dashboard ranks its counties
    for town, rank in zip(towns, [3, 1, 2], strict=True):
        _report("national-peer-rank", town, "2023", rank)
    compute(periods=["2023-12"], programme=city.key)
    indicator = Indicator.objects.get(code="national-peer-city-rank")
    client.force_login(office)
    page = client.get(f"/dashboard/?as_of=2023-12-31&indicator={indicator.pk}&period=2023-12").content.decode()
    table = page.split('data-testid="ranking"', 1)[1].split("</table>", 1)[0]
    order = [part.split('"', 1)[0] for part in table.split('data-region="')[1:]]
    values = {town.code: rank for town, rank in zip(towns, [3, 1, 2], strict=True)}
    ranked = [code for code in order if code in values]
    assert [values[code] for code in ranked] == [1, 2, 3]
    assert (
        Decimal(1)
        == IndicatorValue.objects.get(
            reading__programme=city.key, indicator=indicator, region=towns[1], period="2023-12"
        ).value
    )


def test_c7s_indicator_page_reads_it_on_the_named_counties_and_lists_the_counties(figures, office, client):
    client.force_login(office)
    indicator = Indicator.objects.get(code="ip-strong-county")
    page = client.get(f"/indicators/{indicator.pk}/?as_of=2023-12-31&period=2023").content.decode()
    parts = page.split('data-testid="target-parts"', 1)[1].split("</ul>", 1)[0]
    assert 'data-testid="parts-met">' in parts and f'data-region="{NANAN}" data-met="yes"' in parts
    assert 'data-testid="no-target"' not in page and 'data-testid="status"' not in page
    towns = Region.objects.filter(path__startswith=Region.objects.get(code=NANAN).path, depth__gt=3)
    table = page.split('data-testid="region-values"', 1)[1].split("</table>", 1)[0]
    assert "南安市" in table and towns.exists() and not any(town.name in table for town in towns)  # not townships
