"""High-value invention patents (每万人口高价值发明专利拥有量): the rule for one patent and for a queryset, the monthly
series, the import of the four stated facts, the API and the patent page.
"""

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from django.urls import reverse

from zhichan.core.imports.values import parse_yes_no
from zhichan.core.models import Region
from zhichan.core.monthly import month_end
from zhichan.registry.models import Patent, PatentEvent
from zhichan.registry.services.entries import create_patent
from zhichan.registry.services.high_value import high_value_patents_by_month
from zhichan.registry.services.patents import high_value_on, is_high_value

from .imports_support import do_import, number, rejections, write_csv
from .registers import SHUITOU, XIMEI, make_registers, patent_number
from .test_monthly import FIRST, LAST, make_patents

pytestmark = pytest.mark.django_db


def _invention(serial, filed, granted, region=None, **facts):
    patent, _ = create_patent(
        None,
        patent_number(filed.year, "1", serial),
        title=f"发明{serial}",
        filing_date=filed,
        grant_date=granted,
        region=region,
        **facts,
    )
    return patent


def _agree(patent, day) -> bool:
    one = is_high_value(patent, day, list(patent.events.all()))
    return one == high_value_on(Patent.objects.filter(pk=patent.pk), day).exists()


# --- the rule ----------------------------------------------------------------------------------------------


def test_ten_years_from_the_tenth_anniversary_of_the_filing_date():
    patent = _invention(1, date(2014, 7, 15), date(2016, 3, 1))
    assert not is_high_value(patent, date(2024, 7, 14))
    assert is_high_value(patent, date(2024, 7, 15))
    for day in (date(2024, 7, 14), date(2024, 7, 15), date(2016, 3, 1)):
        assert _agree(patent, day)


def test_a_filing_on_29_february_reaches_ten_years_on_1_march():
    patent = _invention(2, date(2012, 2, 29), date(2014, 5, 5))
    assert not is_high_value(patent, date(2022, 2, 28))
    assert is_high_value(patent, date(2022, 3, 1))
    assert _agree(patent, date(2022, 2, 28)) and _agree(patent, date(2022, 3, 1))


@pytest.mark.parametrize(
    "facts",
    [
        {"strategic_emerging": True},
        {"foreign_family": True},
        {"high_pledge_financing": True},
        {"award": "第二十三届中国专利银奖"},
    ],
)
def test_each_stated_fact_makes_a_valid_invention_high_value_from_its_grant(facts):
    patent = _invention(3, date(2020, 5, 1), date(2022, 6, 1), **facts)
    assert not is_high_value(patent, date(2022, 5, 31))  # pending
    assert is_high_value(patent, date(2022, 6, 1))
    PatentEvent.objects.create(patent=patent, date=date(2023, 6, 1), kind="lapse")
    assert not is_high_value(patent, date(2023, 6, 1), list(patent.events.all()))  # not valid
    for day in (date(2022, 5, 31), date(2022, 6, 1), date(2023, 6, 1)):
        assert _agree(patent, day)


def test_utility_models_and_unflagged_young_inventions_are_not_high_value():
    utility, _ = create_patent(
        None,
        patent_number(2010, "2", 4),
        title="实用新型",
        filing_date=date(2010, 1, 5),
        grant_date=date(2010, 9, 1),
        strategic_emerging=True,
    )
    young = _invention(5, date(2019, 1, 5), date(2021, 1, 5))
    day = date(2019, 12, 31)
    assert not is_high_value(utility, day) and not is_high_value(young, date(2024, 1, 1))
    assert not high_value_on(Patent.objects.all(), day).exists()


def _flag(rng, patents):
    """A varied share of the register carries stated facts."""
    for patent in patents:
        patent.strategic_emerging = rng.random() < 0.2
        patent.foreign_family = rng.random() < 0.1
        patent.high_pledge_financing = rng.random() < 0.05
        patent.award = "中国专利优秀奖" if rng.random() < 0.05 else ""
    Patent.objects.bulk_update(patents, ["strategic_emerging", "foreign_family", "high_pledge_financing", "award"])


@pytest.fixture
def regions(db):
    return list(Region.objects.filter(code__in=[SHUITOU, XIMEI]))


def test_high_value_on_agrees_with_is_high_value_across_a_varied_register(regions):
    rng = random.Random(20211020)
    make_patents(rng, regions, n=200)
    patents = list(Patent.objects.prefetch_related("events"))
    _flag(rng, patents)
    days = [date(2012, 2, 29), date(2019, 12, 31), date(2022, 3, 1), date(2024, 12, 31)]
    days += [date(2003, 1, 1) + timedelta(days=rng.randrange(23 * 365)) for _ in range(12)]
    for day in days:
        expected = {p.pk for p in patents if is_high_value(p, day, list(p.events.all()))}
        assert set(high_value_on(Patent.objects.all(), day).values_list("pk", flat=True)) == expected, day


def test_high_value_on_is_one_query(django_assert_num_queries):
    _invention(6, date(2010, 1, 1), date(2012, 1, 1))
    with django_assert_num_queries(1):
        assert len(list(high_value_on(Patent.objects.all(), date(2020, 1, 1)))) == 1


# --- the monthly series --------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2])
def test_high_value_by_month_agrees_with_high_value_on(regions, seed):
    rng = random.Random(seed)
    make_patents(rng, regions, n=300)
    _flag(rng, list(Patent.objects.all()))
    series = high_value_patents_by_month(Patent.objects.all(), FIRST, LAST).series()
    placed = Patent.objects.filter(region__isnull=False)
    checked = 0
    for month in range(FIRST, LAST + 1):
        day = month_end(month)
        expected = Counter(high_value_on(placed, day).order_by().values_list("region", flat=True))
        found = Counter({r: values[month - FIRST] for r, values in series.items() if values[month - FIRST]})
        assert found == expected, day
        checked += sum(expected.values())
    assert checked  # the register has high-value patents in the range


def test_the_series_counts_an_unflagged_patent_from_its_tenth_anniversary_month(regions):
    region = regions[0]
    _invention(7, date(2012, 2, 29), date(2014, 5, 5), region)  # ten years on 2022-03-01
    eventful = _invention(8, date(2011, 6, 10), None, region)  # granted by an event only
    PatentEvent.objects.create(patent=eventful, date=date(2013, 1, 1), kind="grant")
    PatentEvent.objects.create(patent=eventful, date=date(2023, 6, 10), kind="lapse")
    series = high_value_patents_by_month(Patent.objects.all(), FIRST, LAST).series()[region.pk]
    at = {month_end(FIRST + index): value for index, value in enumerate(series)}
    assert at[date(2021, 5, 31)] == 0
    assert at[date(2021, 6, 30)] == 1  # the 2011 filing is ten years old
    assert at[date(2022, 2, 28)] == 1
    assert at[date(2022, 3, 31)] == 2  # the leap-day filing too
    assert at[date(2023, 6, 30)] == 1  # the 2011 filing lapsed


# --- import, API, page -----------------------------------------------------------------------------------------

TEMPLATE = ["申请号", "专利名称", "申请日", "战略性新兴产业", "海外同族", "高额质押融资", "获奖情况"]


@pytest.mark.parametrize(
    ("cell", "value"),
    [("是", True), ("否", False), ("Y", True), ("n", False), ("1", True), (0, False), ("TRUE", True)]
    + [("false", False), ("", False), (None, False), ("空", False), ("－", False), ("是 ", True), (True, True)],
)
def test_yes_no_values(cell, value):
    assert parse_yes_no(cell) is value


def test_parse_yes_no_refuses_anything_else():
    with pytest.raises(ValueError, match="可能"):
        parse_yes_no("可能")


def test_the_template_imports_the_four_facts(tmp_path, users):
    rows = [
        TEMPLATE,
        [number(2015, "1", 11), "一种芯片封装方法", "2015-03-02", "是", "N", "0", "第二十三届中国专利银奖"],
        [number(2016, "1", 12), "一种石材切割装置", "2016-04-05", "否", "Y", "1", ""],
        [number(2016, "1", 13), "一种茶叶烘焙机", "2016-05-06", "可能", "", "", ""],
    ]
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", rows))
    assert batch.profile == "patent-template" and batch.created_count == 2
    [(row, field, value, reason)] = rejections(batch)
    assert (row, field, value) == (4, "战略性新兴产业", "可能") and "是" in reason, reason
    first = Patent.objects.get(application_number=number(2015, "1", 11))
    assert (first.strategic_emerging, first.foreign_family, first.high_pledge_financing) == (True, False, False)
    assert first.award == "第二十三届中国专利银奖"
    second = Patent.objects.get(application_number=number(2016, "1", 12))
    assert (second.strategic_emerging, second.foreign_family, second.high_pledge_financing) == (False, True, True)
    assert second.award == "" and second.history.first().history_type == "+"
    again = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", rows[:3]))
    assert (again.created_count, again.unchanged_count) == (0, 2)
    rows[1][3] = "否"
    changed = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", rows[:3]))
    assert (changed.updated_count, changed.unchanged_count) == (1, 1)
    assert not Patent.objects.get(application_number=number(2015, "1", 11)).strategic_emerging


def test_a_file_without_the_columns_leaves_the_facts_alone(tmp_path, users):
    rows = [TEMPLATE[:4], [number(2015, "1", 21), "一种芯片", "2015-03-02", "是"]]
    do_import(users["office"], "patent", write_csv(tmp_path / "a.csv", rows))
    Patent.objects.filter(application_number=number(2015, "1", 21)).update(foreign_family=True, award="奖")
    do_import(users["office"], "patent", write_csv(tmp_path / "b.csv", [TEMPLATE[:3], rows[1][:3]]))
    patent = Patent.objects.get(application_number=number(2015, "1", 21))
    assert (patent.strategic_emerging, patent.foreign_family, patent.award) == (True, True, "奖")


def test_the_api_reads_and_writes_the_facts(api_for):
    registers = make_registers()
    api = api_for("office")
    url = f"/api/v1/patents/{registers.own_patent.pk}/"
    body = api.get(url).json()
    assert (body["strategic_emerging"], body["foreign_family"], body["high_pledge_financing"], body["award"]) == (
        False,
        False,
        False,
        "",
    )
    response = api.patch(url, {"foreign_family": True, "award": "中国专利优秀奖"}, format="json")
    assert response.status_code == 200, response.content
    registers.own_patent.refresh_from_db()
    assert registers.own_patent.foreign_family and registers.own_patent.award == "中国专利优秀奖"


def test_the_patent_page_shows_the_facts_and_whether_it_is_high_value(client_for):
    registers = make_registers()
    patent = registers.own_patent
    Patent.objects.filter(pk=patent.pk).update(strategic_emerging=True, award="中国专利金奖")
    page = client_for("office").get(reverse("patent-detail", args=[patent.pk])).content.decode()
    assert "属于战略性新兴产业" in page and "中国专利金奖" in page
    assert 'data-testid="high-value">是' in page
