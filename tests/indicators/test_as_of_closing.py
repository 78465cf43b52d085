"""The dashboard and indicator list as of a chosen day, and the closing review: targets read at their deadlines."""

from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse

from zhichan.indicators.services.compute import compute
from zhichan.programme.models import Programme

from ..programme.conftest import MINI

T1 = "invention-patents-per-10k-residents"
T8 = "enforcement-on-time-closure-rate"


@pytest.fixture
def computed(register, reported, db):
    from zhichan.programme.services.loading import load_programme

    load_programme(MINI)
    compute(periods=["2023-06", "2024-11", "2024-12"])
    return register["regions"]


def rows_by_code(response):
    return {row.indicator.code: row for row in response.context["rows"]}


def api_rows(api, **query):
    return {row["indicator"]["code"]: row for row in api.get("/api/v1/dashboard/", query).json()["targets"]}


def test_the_dashboard_reads_the_month_of_the_chosen_day_and_caches_each_day_apart(computed, client_for, api_for):
    api = api_for("leader")
    final = api_rows(api)
    assert final[T1]["value"]["period"] == "2024-12"
    earlier = api_rows(api, as_of="2023-06-30")
    assert earlier[T1]["as_of"] == "2023-06-30" and earlier[T1]["value"]["period"] == "2023-06"
    assert api_rows(api)[T1]["value"]["period"] == "2024-12"  # each day has its own cache entry
    html = client_for("leader").get(reverse("dashboard"), {"as_of": "2023-06-30"}).content.decode()
    assert 'data-testid="as-of-bar"' in html
    assert "as_of=2023-06-30" in html  # the export and the navigation keep the day


def test_the_indicator_list_and_page_follow_the_chosen_day(computed, client_for):
    client = client_for("office")
    rows = rows_by_code(client.get(reverse("indicator-list"), {"as_of": "2023-06-30"}))
    assert rows[T8].value.period == "2023-06"
    pk = rows[T8].indicator.pk
    page = client.get(reverse("indicator-detail", args=[pk]), {"as_of": "2023-06-30"})
    assert page.context["period"] == "2023-06"
    assert all(label <= "2023-06" for label in page.context["chart"]["labels"])


def test_the_overview_shows_each_target_value_of_the_day(computed, client_for):
    programme = Programme.objects.get()
    client = client_for("office")
    response = client.get(reverse("programme-overview", args=[programme.pk]), {"as_of": "2023-06-30"})
    figures = {target.code: row for target, row in response.context["targets"]}
    assert any(row is not None and row.value is not None and row.value.period == "2023-06" for row in figures.values())


def test_the_closing_review_reads_each_target_at_its_deadline_and_exports_it(computed, client_for):
    programme = Programme.objects.get()
    client = client_for("leader")
    response = client.get(reverse("programme-closing", args=[programme.pk]))
    review = response.context["review"]
    assert [t.target.code for t in review.targets] == ["T1", "T2"]
    for result in review.targets:
        if result.value is not None:
            assert result.row.value.period == "2024-12"
            assert result.met == (result.value >= result.target.value)
            assert result.gap == round(result.value - result.target.value, result.decimals)
    assert review.tasks_done <= len(review.tasks) and review.tasks
    html = response.content.decode()
    assert 'data-testid="closing-targets"' in html and 'data-testid="closing-open"' in html
    export = client.get(reverse("programme-closing-export", args=[programme.pk]))
    book = openpyxl.load_workbook(BytesIO(export.content))
    assert book.sheetnames == ["量化目标", "任务", "未办结事项"]
    targets = list(book["量化目标"].iter_rows(min_row=3, values_only=True))
    assert [row[0] for row in targets] == ["T1", "T2"]


def test_the_drill_down_and_the_api_say_the_formula_in_names_and_the_window_with_its_ends(
    computed, client_for, api_for
):
    from zhichan.indicators.models import IndicatorValue

    value = IndicatorValue.objects.get(indicator__code=T1, region=computed["county"], period="2024-12")
    html = client_for("leader").get(reverse("indicator-value", args=[value.pk])).content.decode()
    assert "有效发明专利 ÷ （常住人口 ÷ 10,000）" in html and "population / 10000" not in html
    assert "截至 2024-12-31" in html  # a stock counts everything held at the end
    pledge = IndicatorValue.objects.filter(indicator__code="cumulative-ip-pledge-financing", period="2024-12").first()
    if pledge is not None:
        assert (
            "2022-01-01 至 2024-12-31"
            in client_for("leader").get(reverse("indicator-value", args=[pledge.pk])).content.decode()
        )
    found = api_for("leader").get("/api/v1/indicators/", {"code": T1}).json()["results"][0]
    assert found["formula_display"] == "有效发明专利 ÷ （常住人口 ÷ 10,000）"


def test_the_dashboard_workbook_rounds_as_the_page_does(computed, client_for):
    export = client_for("leader").get(reverse("dashboard-export"))
    sheet = openpyxl.load_workbook(BytesIO(export.content)).worksheets[0]
    header = [cell.value for cell in sheet[2]]
    numbers = [row[header.index("期末预测值")] for row in sheet.iter_rows(min_row=3, values_only=True)]
    numbers += [row[header.index("值")] for row in sheet.iter_rows(min_row=3, values_only=True)]
    for number in numbers:
        if isinstance(number, float):
            assert round(number, 2) == number  # no indicator here shows more than two decimals


def test_the_dashboard_offers_only_the_months_up_to_the_chosen_day(computed, client_for):
    client = client_for("leader")
    assert client.get(reverse("dashboard")).context["periods"][:2] == ["2024-12", "2024-11"]
    then = client.get(reverse("dashboard"), {"as_of": "2023-06-30"})
    assert then.context["periods"] == ["2023-06"] and then.context["period"] == "2023-06"
    asked_later = client.get(reverse("dashboard"), {"as_of": "2023-06-30", "period": "2024-12"})
    assert asked_later.context["period"] == "2023-06"  # a month after the day is not offered, nor shown
    assert 'value="2024-12"' not in then.content.decode()


def test_the_leaders_targets_panel_reads_the_chosen_day_and_links_the_dashboard_with_it(computed, client_for):
    client = client_for("leader")

    def panel_rows(response):
        panel = next(context for name, context in response.context["panels"] if name == "indicators/_panel.html")
        return {row.indicator.code: row for row in panel["rows"]}

    assert panel_rows(client.get("/"))[T1].value.period == "2024-12"
    then = client.get("/", {"as_of": "2023-06-30"})
    assert panel_rows(then)[T1].value.period == "2023-06"
    assert 'href="/dashboard/?as_of=2023-06-30" data-testid="dashboard-link"' in then.content.decode()
