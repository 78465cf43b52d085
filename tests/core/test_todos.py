"""Workbench to-do lists: what waits for the office, counted; what a unit owes, soonest first, overdue marked."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhichan.core.extensions import todos
from zhichan.core.models import Unit
from zhichan.programme.periods import periods
from zhichan.programme.services import reporting, supervision
from zhichan.programme.services.loading import load_programme

from ..programme.conftest import MINI

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(db):
    return load_programme(MINI)["programme"]


def by_kind(items):
    return {item.kind: item for item in items}


def test_office_sees_what_waits_for_it_counted(client_for, programme, users):
    task = programme.tasks.get(key="4.1.2")
    amr = Unit.objects.get(key="amr")
    report = reporting.open_report(task, amr, periods(programme)[0], users["amr-liaison"])
    reporting.save_report(report, users["amr-liaison"], narrative="x", percent=5, figures=[])
    reporting.submit(report, users["amr-liaison"])
    items = by_kind(todos(users["office"]))
    assert items["review"].count == 1
    assert items["proposals"].count == 2  # 4.1.2 and 4.2 leads were proposed by the file
    assert items["figures"].count == 0
    html = client_for("office").get("/").content.decode()
    assert "待审核的进展报告" in html and "待确认的建议牵头单位" in html and "未明确牵头单位的任务" in html


def test_a_unit_sees_what_it_owes_soonest_first(client_for, programme, users):
    task = programme.tasks.get(key="4.1.2")
    supervision.urge(users["office"], Unit.objects.get(key="amr"), "请报送", programme=programme, task=task)
    items = todos(users["amr-liaison"])
    reports = [item for item in items if item.kind == "report"]
    assert reports and all(item.overdue for item in reports)  # the mini programme ended in 2024
    dates = [item.due for item in items]
    assert dates == sorted(dates)
    assert "urging" in by_kind(items)
    assert todos(users["shuitou-liaison"]) == [] or all(i.kind == "figures" for i in todos(users["shuitou-liaison"]))
    html = client_for("amr-liaison").get("/").content.decode()
    assert "本单位待办" in html and "已逾期" in html


def test_the_lists_cost_a_few_queries_whatever_their_length(programme, users):
    with CaptureQueriesContext(connection) as few:
        todos(users["amr-liaison"])
    # A bound per provider, not per item: the programme's, the figures', the protection module's cases,
    # complaints, joint-meeting decisions and transfers, the services module's agencies, custody, custody applications
    # and its random inspections, the credit module's repairs and records, the finance module's subsidies and the
    # assessment's self-assessments and items to score (one or two queries each).
    assert len(few) < 28


def test_figures_a_unit_owes_and_the_office_reviews(programme, users):
    from zhichan.indicators.models import DataElement
    from zhichan.indicators.services import entry

    amr = Unit.objects.get(key="amr")
    element = DataElement.objects.create(code="cases", name="案件数", unit_of_measure="件", value_type="integer")
    element.units.add(amr)
    owed = [item for item in todos(users["amr-liaison"]) if item.kind == "figures"]
    assert len(owed) == 12 and all(item.overdue and item.count == 1 for item in owed)  # 2022Q1…2024Q4
    assert owed[0].url.endswith("?period=2022Q1")
    entry.save_value(element, amr, "2022Q1", 3, users["amr-liaison"], submit=True)
    owed = [item for item in todos(users["amr-liaison"]) if item.kind == "figures"]
    assert len(owed) == 11 and "2022Q1" not in owed[0].url
    assert by_kind(todos(users["office"]))["figures"].count == 1
    assert [item for item in todos(users["court-liaison"]) if item.kind == "figures"] == []


def test_a_returned_figure_is_owed_again_first_with_the_reason(programme, users):
    from zhichan.indicators.models import DataElement
    from zhichan.indicators.services import entry

    amr = Unit.objects.get(key="amr")
    element = DataElement.objects.create(code="cases", name="案件数", unit_of_measure="件", value_type="integer")
    element.units.add(amr)
    row = entry.save_value(element, amr, "2022Q1", 3, users["amr-liaison"], submit=True)
    entry.send_back(row, users["office"], "请核对台账")
    items = [item for item in todos(users["amr-liaison"]) if item.kind.startswith("figures")]
    assert items[0].kind == "figures-returned" and items[0].detail == "请核对台账" and items[0].count == 1
    assert items[0].url.endswith("?period=2022Q1") and items[0].overdue
    assert len([item for item in items if item.kind == "figures"]) == 11  # not listed again as missing
    assert by_kind(todos(users["office"]))["figures"].count == 0
    entry.save_value(element, amr, "2022Q1", 4, users["amr-liaison"], submit=True)
    assert "figures-returned" not in by_kind(todos(users["amr-liaison"]))
