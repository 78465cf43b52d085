"""One measure, two programmes' readings of it: each programme's values kept apart, a changed reading recomputed.

The register of conftest.py has four copyright registrations: 2021-12-20, 2022-03-01 and 2023-05-05 in 水头镇 (A),
2023-07-01 in 溪美街道 (B). Nan'an's programme counts them cumulatively since 2022-01-01; a second programme over
the same county counts them since 2023-01-01. By hand, at the end of 2023:
  Nan'an:  A 2 (2022-03-01, 2023-05-05), B 1, county 3;
  second:  A 1 (2023-05-05),             B 1, county 2.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from zhichan.core.models import Event, Region, TaskProgress
from zhichan.core.services.datafile import DataFileError
from zhichan.indicators.models import Indicator, IndicatorValue, Reading
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators
from zhichan.indicators.services.readings import change_reading, revise, values_of
from zhichan.programme.models import Programme

from ..programme.conftest import MINI

CODE = "copyright-registrations"
SECOND = """programme: second
indicators:
  - code: copyright-registrations
    name: 版权登记量
    unit: 件
    numerator: copyright_registrations
    window: cumulative
    since: {since}
    reading: 按本方案期内累计计。
"""


def second_file(tmp_path, since="2023-01-01"):
    file = tmp_path / "second.yaml"
    file.write_text(SECOND.format(since=since), encoding="utf-8")
    return file


@pytest.fixture
def two(register, loaded, tmp_path):
    from zhichan.programme.services.loading import load_programme

    load_programme(MINI)  # key nanan-2022, the county, 2022–2024
    Programme.objects.create(
        key="second",
        name="第二方案",
        issuer="测试",
        issued=date(2023, 1, 1),
        start=date(2023, 1, 1),
        end=date(2024, 12, 31),
        region=register["regions"]["county"],
    )
    load_indicators(second_file(tmp_path))
    compute(periods=["2022-06", "2023-12"])
    return register["regions"]


def value(programme, region, period):
    return IndicatorValue.objects.get(reading__programme=programme, indicator__code=CODE, region=region, period=period)


def figures(programme, period="2023-12"):
    found = IndicatorValue.objects.filter(reading__programme=programme, indicator__code=CODE, period=period)
    return {v.region.code: v.value for v in found if v.region.code in ("350583", "350583119", "350583001")}


def test_two_programmes_count_one_measure_each_by_its_own_reading(two):
    assert Indicator.objects.filter(code=CODE).count() == 1
    assert Reading.objects.filter(indicator__code=CODE).count() == 2
    assert figures("nanan-2022") == {"350583": 3, "350583119": 2, "350583001": 1}
    assert figures("second") == {"350583": 2, "350583119": 1, "350583001": 1}
    # mid-2022 lies before the second programme's counting start: it has no value there, Nan'an's has its own
    assert value("nanan-2022", two["county"], "2022-06").value == 1
    assert not IndicatorValue.objects.filter(reading__programme="second", period="2022-06").exists()


def test_a_changed_reading_is_recomputed_and_the_other_programme_is_untouched(two, tmp_path):
    nanan = IndicatorValue.objects.filter(reading__programme="nanan-2022").order_by("pk")
    kept = list(nanan.values_list("pk", "computed_at", "value"))
    result = load_indicators(second_file(tmp_path, since="2023-06-01"))
    assert [r.programme for r in result["stale"]] == ["second"]
    reading = Reading.objects.get(programme="second", indicator__code=CODE)
    assert reading.revision == 2 and reading.since == date(2023, 6, 1)
    # recomputed through the recompute task (run at once by the tests' task backend), with its progress
    progress = TaskProgress.objects.get(task_path__endswith="compute_task")
    assert progress.arguments["kwargs"] == {"codes": [CODE], "programme": "second"}
    assert figures("second") == {"350583": 1, "350583119": 0, "350583001": 1}  # only 2023-07-01
    assert value("second", two["county"], "2023-12").revision == 2
    assert Event.objects.filter(kind="indicators.reading-changed", object_id=reading.pk).count() == 1
    assert list(nanan.values_list("pk", "computed_at", "value")) == kept


def test_a_value_never_outlives_the_counting_start_it_was_computed_under(two, tmp_path):
    """The start moved to 2024: the second programme's 2023 values are removed, not left standing."""
    load_indicators(second_file(tmp_path, since="2024-01-01"))
    assert not IndicatorValue.objects.filter(reading__programme="second", period="2023-12").exists()
    assert value("second", two["county"], "2024-03").value == 0
    assert figures("nanan-2022") == {"350583": 3, "350583119": 2, "350583001": 1}


def test_a_stale_value_is_not_read_until_it_is_recomputed(two, api_for):
    reading = Reading.objects.get(programme="second", indicator__code=CODE)
    revise(reading, window="cumulative", since=date(2023, 6, 1), options={}, text="")  # no recompute here
    assert not values_of("second").exists()
    assert values_of("nanan-2022").filter(indicator__code=CODE, period="2023-12").count() > 0
    stale = value("second", two["county"], "2023-12")
    assert stale.stale
    api = api_for("office")
    listed = api.get("/api/v1/indicator-values/", {"programme": "second", "indicator__code": CODE}).json()
    assert listed["count"] == 0
    assert api.get(f"/api/v1/indicator-values/{stale.pk}/").json()["stale"] is True


def test_a_code_with_another_measure_is_refused_naming_both_files(two, tmp_path):
    other = tmp_path / "third.yaml"
    other.write_text(SECOND.replace("second", "third").replace("unit: 件", "unit: 个").format(since="2022-01-01"))
    with pytest.raises(DataFileError) as error:
        load_indicators(other)
    message = str(error.value)
    assert "third.yaml" in message and "nanan-2022.yaml" in message and "'件'" in message
    assert not Reading.objects.filter(programme="third").exists()
    assert Indicator.objects.get(code=CODE).unit_of_measure == "件"


def test_only_the_office_changes_a_reading_and_its_values_follow(two, users):
    reading = Reading.objects.get(programme="second", indicator__code=CODE)
    with pytest.raises(PermissionDenied):
        change_reading(reading, users["leader"], window="cumulative", since=date(2023, 6, 1), options={}, text="")
    change_reading(reading, users["office"], window="cumulative", since=date(2023, 6, 1), options={}, text="改")
    reading.refresh_from_db()
    assert (reading.revision, reading.reading) == (2, "改")
    assert figures("second") == {"350583": 1, "350583119": 0, "350583001": 1}
    with pytest.raises(ValueError, match="since"):
        change_reading(reading, users["office"], window="cumulative", since=None, options={}, text="")


def test_the_pages_and_the_api_show_the_chosen_programmes_values(two, client_for, api_for):
    county = two["county"]
    indicator = Indicator.objects.get(code=CODE)
    client = client_for("office")
    page = f"/indicators/{indicator.pk}/?region={county.pk}&period=2023-12"
    shown = {v.region.code: v.value for v in client.get(page).context["values"]}
    assert shown["350583"] == 3  # the first programme by default
    assert b'data-testid="programme-picker"' in client.get("/dashboard/").content
    response = client.post("/programmes/choose/", {"programme": "second", "next": "/indicators/"})
    assert response.status_code == 302 and response["Location"] == "/indicators/"
    shown = {v.region.code: v.value for v in client.get(page).context["values"]}
    assert shown["350583"] == 2
    rows = client.get(f"/indicators/?region={county.pk}").context["rows"]
    assert [(r.indicator.code, r.value.value) for r in rows] == [(CODE, Decimal(2))]
    body = client.get(f"/api/v1/dashboard/?region={county.pk}&period=2023-12").json()
    assert [(t["indicator"]["code"], Decimal(t["value"]["value"])) for t in body["targets"]] == [(CODE, 2)]
    assert client.post("/programmes/choose/", {"programme": "nowhere"}).status_code == 404
    second = Programme.objects.get(key="second")
    assert client.get("/programmes/")["Location"] == second.get_absolute_url()  # the overview follows the choice
    # the API reads a programme named by key, else the first
    api = api_for("office")
    query = {"indicator__code": CODE, "period": "2023-12", "region": county.pk}
    assert Decimal(api.get("/api/v1/indicator-values/", query).json()["results"][0]["value"]) == 3
    listed = api.get("/api/v1/indicator-values/", {**query, "programme": "second"}).json()["results"]
    assert [(v["programme"], Decimal(v["value"])) for v in listed] == [("second", 2)]


def test_no_picker_with_a_single_programme(register, loaded, client_for):
    from zhichan.programme.services.loading import load_programme

    load_programme(MINI)
    assert b'data-testid="programme-picker"' not in client_for("office").get("/dashboard/").content


def test_programmes_side_by_side(two, client_for):
    response = client_for("leader").get("/dashboard/programmes/")
    columns = response.context["columns"]
    assert [c.programme.key for c in columns] == ["nanan-2022", "second"]
    assert [row.target.code for row in columns[0].rows][:1] == ["T1"]
    assert columns[1].rows == []  # the second programme has no targets
    assert Region.objects.filter(programmes__key="second").count() == 1


def test_the_office_changes_a_reading_on_the_indicator_page(two, client_for):
    reading = Reading.objects.get(programme="second", indicator__code=CODE)
    url = f"/indicators/readings/{reading.pk}/"
    form = {"window": "cumulative", "since": "2023-06-01", "text": "自2023年6月起累计。"}
    assert client_for("leader").post(url, form).status_code == 403
    office = client_for("office")
    assert office.post(url, {**form, "since": ""}).status_code == 302  # refused: a cumulative count needs its start
    reading.refresh_from_db()
    assert reading.revision == 1
    response = office.post(url, form)
    assert response.status_code == 302 and response["Location"].startswith("/tasks/")  # the recompute's progress
    reading.refresh_from_db()
    assert (reading.revision, reading.since, reading.reading) == (2, date(2023, 6, 1), "自2023年6月起累计。")
    assert figures("second") == {"350583": 1, "350583119": 0, "350583001": 1}
    assert figures("nanan-2022") == {"350583": 3, "350583119": 2, "350583001": 1}
