"""The leadership dashboard, township comparison, display screen and leader panel, on the small register.

Hand-computed (conftest): enforcement cases closed in 2023 Q1 — 水头镇 (A) 10 of 10 on time, 溪美街道 (B) 15 of 30,
so in 2023-06 (year to date) A ranks first with 100 %, B second with 50 %, and the county's rate is the sum over
the sum, 25 / 40 = 62.5 %, not the mean 75 %. Valid invention patents at 2024-12: A 2 per 100,000 residents
= 0.20 per 10,000, B 1 per 50,000 = 0.20: a tie, both first; 翔云镇 (C) has population 0 and no value.
"""

from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from zhichan.indicators.models import DataValue, Indicator, IndicatorValue
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.dashboard import grid, ranking, shade
from zhichan.programme.models import Target

from ..programme.conftest import MINI

T1 = "invention-patents-per-10k-residents"
T8 = "enforcement-on-time-closure-rate"


@pytest.fixture
def computed(register, reported, db):
    from zhichan.programme.services.loading import load_programme

    load_programme(MINI)
    compute(periods=["2023-06", "2024-11", "2024-12"])
    return register["regions"]


def test_ranking_orders_by_value_with_the_rate_summed_over_the_townships(computed):
    a, b, c = computed["A"], computed["B"], computed["C"]
    rate = Indicator.objects.get(code=T8)
    rows = ranking("nanan-2022", rate, "2023-06", [c, b, a])
    assert [(r.region, r.rank) for r in rows] == [(a, 1), (b, 2), (c, None)]
    assert [r.value.value for r in rows[:2]] == [Decimal("100.0"), Decimal("50.0")]
    assert rows[1].share == 0.5
    county = IndicatorValue.objects.get(indicator=rate, region=computed["county"], period="2023-06")
    assert county.value == Decimal("62.5")  # 25 / 40, not (100 + 50) / 2


def test_ties_share_a_rank_and_a_township_without_population_says_so(computed):
    a, b, c = computed["A"], computed["B"], computed["C"]
    rows = ranking("nanan-2022", Indicator.objects.get(code=T1), "2024-12", [a, b, c])
    # A tie keeps the region order (溪美街道 before 水头镇) and both rank first.
    assert [(r.region, r.rank, r.value.value) for r in rows[:2]] == [(b, 1, Decimal("0.2")), (a, 1, Decimal("0.2"))]
    assert rows[2].region == c and rows[2].rank is None and rows[2].value.reason


def test_grid_shades_each_column_by_its_highest_value(computed):
    a, b = computed["A"], computed["B"]
    rate = Indicator.objects.get(code=T8)
    rows = grid("nanan-2022", [rate], "2023-06", [a, b])
    assert [(row.region, row.cells[0][1]) for row in rows] == [(a, 4), (b, 2)]
    assert shade(None, Decimal(1)) is None and shade(Decimal(0), Decimal(0)) == 0


def test_the_leader_sees_every_target_township_and_the_task_alerts(computed, client_for):
    response = client_for("leader").get("/dashboard/")
    assert response.status_code == 200
    context = response.context
    assert context["region"] == computed["county"]
    assert len(context["rows"]) == Indicator.objects.count()
    assert context["period"] == "2024-12"  # the deadline's month, today being past it
    assert computed["A"] in context["places"] and computed["B"] in context["places"]
    assert context["indicator"].code == T1
    assert context["alerts"] and "overdue" in context["alerts"][0][1]
    content = response.content.decode()
    assert 'id="dashboard-data"' in content and "dashboard.js" in content and "programme-supervision" not in content
    assert "/supervision/" in content
    assert "<script>" not in content  # no inline script: the CSP refuses it


def test_the_dashboard_reads_a_fixed_number_of_queries(computed, client_for):
    client = client_for("leader")
    client.get("/dashboard/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/dashboard/?indicator={Indicator.objects.get(code=T8).pk}&period=2023-06")
    assert len(few) < 40  # independent of the number of townships and indicators


def test_a_township_liaison_sees_only_its_township(computed, client_for):
    client = client_for("shuitou-liaison")
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert response.context["places"] == [computed["A"]]
    assert [row.region for row in response.context["grid"]] == [computed["A"]]
    assert response.context["alerts"] == []
    assert client.get(f"/dashboard/?region={computed['B'].pk}").status_code == 404
    compared = client.get("/dashboard/townships/")
    assert [r.region for r in compared.context["ranked"]] == [computed["A"]]
    assert client.get(f"/dashboard/townships/?region={computed['B'].pk}").status_code == 404
    assert client.get(f"/display/?region={computed['B'].pk}").status_code == 404


def test_comparison_page_and_its_excel_export(computed, client_for):
    rate = Indicator.objects.get(code=T8)
    client = client_for("office")
    query = f"?indicator={rate.pk}&period=2023-06"
    page = client.get("/dashboard/townships/" + query)
    assert page.status_code == 200 and [r.rank for r in page.context["ranked"][:2]] == [1, 2]
    assert page.context["ranked"][0].region == computed["A"]
    reply = client.get("/dashboard/townships/export.xlsx" + query)
    assert reply.status_code == 200
    sheet = openpyxl.load_workbook(BytesIO(reply.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(rows) if row[0] == "排名" or row[0] == "rank")
    assert rows[header + 1][:5] == [1, "水头镇", 100, 1000, 10]  # numerator: on time × 100
    assert rows[header + 2][:5] == [2, "溪美街道", 50, 1500, 30]


def test_dashboard_export_has_targets_ranking_and_grid(computed, client_for):
    reply = client_for("leader").get("/dashboard/export.xlsx")
    assert reply.status_code == 200
    book = openpyxl.load_workbook(BytesIO(reply.content))
    assert len(book.sheetnames) == 3
    targets = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    assert any(row[0] == "T1" for row in targets)
    grid_rows = [row[0].value for row in book.worksheets[2].iter_rows()]
    assert "水头镇" in grid_rows and "溪美街道" in grid_rows


def test_display_screen_stands_alone_and_refreshes(computed, client_for, settings):
    settings.DISPLAY_REFRESH_SECONDS = 120
    response = client_for("leader").get("/display/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "navbar" not in content and 'http-equiv="refresh" content="120"' in content
    assert content.count('data-testid="display-target"') == Indicator.objects.count()
    assert "display.css" in content and "echarts.min.js" in content


def test_the_leader_panel_links_to_the_dashboard(computed, client_for):
    page = client_for("leader").get("/").content.decode()
    assert 'data-testid="targets-panel"' in page and 'href="/dashboard/"' in page
    assert 'data-testid="targets-panel"' not in client_for("office").get("/").content.decode()


def test_pages_without_any_data(db, client_for):
    for url in ["/dashboard/", "/dashboard/townships/", "/display/", "/dashboard/export.xlsx"]:
        assert client_for("leader").get(url).status_code == 200


def test_the_dashboard_api_gives_the_page_figures(computed, client_for):
    client = client_for("leader")
    rate = Indicator.objects.get(code=T8)
    answer = client.get(f"/api/v1/dashboard/?indicator={rate.pk}&period=2023-06")
    assert answer.status_code == 200
    data = answer.json()
    assert data["region"]["id"] == computed["county"].pk and data["period"] == "2023-06"
    assert len(data["targets"]) == Indicator.objects.count()
    t1 = next(row for row in data["targets"] if row["indicator"]["code"] == T1)
    assert t1["target"]["code"] == "T1" and t1["status"]["light"] and t1["as_of"] == "2024-12-31"
    assert [(row["region"]["id"], row["rank"], row["value"]["value"]) for row in data["ranking"]["rows"][:2]] == [
        (computed["A"].pk, 1, "100.0000"),
        (computed["B"].pk, 2, "50.0000"),
    ]
    column = data["grid"]["indicators"].index(T8)
    cells = {row["region"]["id"]: row["values"][column] for row in data["grid"]["rows"]}
    assert cells[computed["A"].pk]["value"] == "100.0000"
    assert {trend["id"] for trend in data["trends"]} == {f"trend-{i.pk}" for i in Indicator.objects.all()}


def test_the_dashboard_api_is_scoped_like_the_page(computed, client_for):
    client = client_for("shuitou-liaison")
    data = client.get("/api/v1/dashboard/").json()
    assert data["region"]["id"] == computed["A"].pk
    assert [row["region"]["id"] for row in data["grid"]["rows"]] == [computed["A"].pk]
    assert client.get(f"/api/v1/dashboard/?region={computed['B'].pk}").status_code == 404
    assert client_for("enterprise").get("/api/v1/dashboard/").status_code == 403


def test_the_dashboard_is_cached_until_the_values_change(computed, client_for):
    client = client_for("leader")
    url = f"/api/v1/dashboard/?indicator={Indicator.objects.get(code=T8).pk}&period=2023-06"
    first = client.get(url).json()
    with CaptureQueriesContext(connection) as again:
        assert client.get(url).json() == first
    assert not any("indicators_indicatorvalue" in q["sql"] and "computed_at" not in q["sql"] for q in again)
    IndicatorValue.objects.filter(region=computed["A"], period="2023-06").update(value=Decimal("80.0"))
    assert client.get(url).json() == first  # a value changed without a computation: still the cached figures
    compute(periods=["2023-06"])  # a computation is a new version: the figures are read again
    rows = client.get(url).json()["ranking"]["rows"]
    assert rows[0]["value"]["value"] == "100.0000"
    target = Target.objects.filter(indicator=T1).first()  # an edited target is a new version too
    target.value = Decimal("99")
    target.save()
    t1 = next(row for row in client.get(url).json()["targets"] if row["indicator"]["code"] == T1)
    assert t1["target"]["value"] == "99.0000"


def test_an_indicator_without_a_target_shows_its_latest_computed_month(computed, client_for):
    rows = client_for("leader").get("/dashboard/").context["rows"]
    untargeted = [row for row in rows if row.target is None]
    assert untargeted, "the Nan'an file has an indicator without a target"
    for row in untargeted:
        assert row.as_of.isoformat() == "2024-12-31" and row.value is not None and row.value.period == "2024-12"


# --- what a cached dashboard still does per request ------------------------------------------------------------


def _queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured]


def test_a_cached_page_reads_only_the_reader_and_the_versions(computed, client_for):
    client = client_for("leader")
    client.get("/dashboard/")
    queries = _queries(client, "/dashboard/")
    # The session, the user with its unit (the navbar names it; the scope reads its organisation), the values'
    # version, the visible regions (the programmes' territory is kept per version), the task states' version, the
    # bell's unread count, the enforcement alert's open cases, the transfers alert's open transfers and the
    # joint-meeting alert's last plenary meeting: no figure is read, nothing is written.
    assert len(queries) == 9, queries
    assert not any("indicators_indicatorvalue" in q and "MAX(" not in q for q in queries)
    assert not any(q.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE")) for q in queries)


def test_a_cached_api_answer_reads_only_the_reader_and_the_version(computed, client_for):
    client = client_for("leader")
    client.get("/api/v1/dashboard/")
    queries = _queries(client, "/api/v1/dashboard/")
    assert len(queries) == 4, queries  # session, user, the values' version, the visible regions
    assert client.get("/api/v1/dashboard/").headers["Content-Type"] == "application/json"


def test_a_programme_moved_to_another_region_moves_the_cached_dashboard(computed, client_for):
    from zhichan.programme.models import Programme

    client = client_for("leader")
    assert client.get("/api/v1/dashboard/").json()["region"]["id"] == computed["county"].pk
    programme = Programme.objects.get()
    programme.region = computed["A"]
    programme.save()
    moved = client.get("/api/v1/dashboard/").json()
    assert moved["region"]["id"] == computed["A"].pk  # the territory is now 水头镇's subtree
    assert client.get(f"/api/v1/dashboard/?region={computed['B'].pk}").status_code == 404


def _ranking_row(page: str, region) -> str:
    start = page.index(f'<tr data-region="{region.code}">', page.index('data-testid="ranking"'))
    return page[start : page.index("</tr>", start)]


def test_the_cached_page_changes_when_a_value_is_recomputed(computed, client_for):
    client = client_for("leader")
    url = f"/dashboard/?indicator={Indicator.objects.get(code=T8).pk}&period=2023-06"
    client.get(url)
    assert ">50.0<" in _ranking_row(client.get(url).content.decode(), computed["B"])  # 15 of 30 on time
    DataValue.objects.filter(element__code="enforcement-cases-closed-on-time", region=computed["B"]).update(value=24)
    assert ">50.0<" in _ranking_row(client.get(url).content.decode(), computed["B"])  # not computed yet
    compute(periods=["2023-06"])
    assert ">80.0<" in _ranking_row(client.get(url).content.decode(), computed["B"])  # 24 of 30


def test_a_cached_page_is_never_served_to_a_reader_with_other_regions(computed, client_for):
    a, b = computed["A"], computed["B"]
    leader = client_for("leader").get(f"/dashboard/?region={a.pk}").content.decode()
    assert 'id="f-region"' in leader and b.name in leader  # the leader may pick 溪美街道
    liaison = client_for("shuitou-liaison").get(f"/dashboard/?region={a.pk}").content.decode()
    assert 'id="f-region"' not in liaison and b.name not in liaison  # the same region and period, other figures
    assert 'data-testid="task-alerts"' not in liaison  # and no task counts


def test_readers_sharing_the_figures_each_see_their_own_name(computed, users):
    from django.test import Client

    leader, office = Client(), Client()
    leader.force_login(users["leader"])
    office.force_login(users["office"])
    seen_by_leader = leader.get("/dashboard/").content.decode()
    seen_by_office = office.get("/dashboard/").content.decode()
    assert users["leader"].display_name in seen_by_leader and users["office"].display_name in seen_by_office
    assert users["leader"].display_name not in seen_by_office
    # the same figures, read once
    marker = 'data-testid="target-cards"'
    assert (
        seen_by_leader[seen_by_leader.index(marker) :].split("</main>")[0]
        == (seen_by_office[seen_by_office.index(marker) :].split("</main>")[0])
    )


def test_the_export_link_names_the_choice(computed, client_for):
    rate = Indicator.objects.get(code=T8)
    page = client_for("leader").get(f"/dashboard/?period=2023-06&indicator={rate.pk}&other=x").content.decode()
    county = computed["county"].pk
    assert f'href="/dashboard/export.xlsx?region={county}&amp;indicator={rate.pk}&amp;period=2023-06"' in page


def test_the_task_counts_follow_a_task_done_the_same_day(computed, client_for):
    from zhichan.programme.models import Task
    from zhichan.programme.services.status import task_alerts

    client = client_for("leader")
    before = client.get("/dashboard/").context["alerts"][0][1]
    assert before["overdue"] + before["at_risk"] > 0
    with CaptureQueriesContext(connection) as cached_alerts:
        assert task_alerts()[0]["at_risk"] == before["at_risk"]
    assert len(cached_alerts) == 1  # the version only
    overdue = Task.objects.filter(
        programme=before["programme"], assignments__isnull=False, completed_on=None, children__isnull=True
    )
    task = overdue.distinct().first()
    # A finished programme is shown as it stood on its last day: the task counts done by then.
    task.completed_on = min(timezone.localdate(), task.programme.end)
    task.save()
    after = client.get("/dashboard/").context["alerts"][0][1]
    assert after["overdue"] + after["at_risk"] < before["overdue"] + before["at_risk"]


def test_units_stand_in_the_brackets_of_the_readers_language(computed, client_for):
    client = client_for("office")
    t1 = Indicator.objects.get(code=T1)
    query = f"?indicator={t1.pk}&period=2024-12"
    board = client.get("/dashboard/" + query).content.decode()
    assert "每万人口发明专利拥有量（件）</div>" in board and "(件)" not in board  # the trend's title
    compared = client.get("/dashboard/townships/" + query).content.decode()
    assert "每万人口发明专利拥有量（件） · 2024-12" in compared and ">值（件）</th>" in compared
    assert "(件)" not in compared
    with translation.override("zh-hans"):  # the next tests' language stays Chinese
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        compared = client.get("/dashboard/townships/" + query).content.decode()
    assert ">value (件)</th>" in compared and "（件）" not in compared
