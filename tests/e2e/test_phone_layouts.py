"""On a phone (390 px) the pages keep their words whole: the registry's tabs wrap instead of hiding off-screen,
the records behind a value stack one cell a line with dates as YYYY-MM-DD, and a task's reports keep the period
and the unit unbroken."""

import re

import pytest
from playwright.sync_api import expect

from zhichan.core.models import Unit, User
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators
from zhichan.programme.models import Task
from zhichan.programme.periods import periods
from zhichan.programme.services import reporting
from zhichan.programme.services.loading import load_programme

from ..indicators.conftest import FILE, make_regions, make_register
from ..programme.conftest import MINI
from .conftest import PHONE

pytestmark = pytest.mark.e2e


def lines(locator) -> int:
    """On how many lines the element's own text is laid out (not the height of its box)."""
    return locator.evaluate(
        """e => { const text = [...e.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
                 const range = document.createRange(); range.selectNodeContents(text);
                 return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size; }"""
    )


def test_the_registry_tabs_wrap_on_a_phone(open_tab, request):
    tab = open_tab(viewport=PHONE)
    tab.sign_in("office")
    tab.go("/registry/patents/")
    for name in ("企业", "知识产权数据导入"):
        tabs = tab.page.locator("main")  # the registry's own tabs, not the menu's entries naming enterprises
        link = tabs.get_by_role("link", name=name, exact=True).or_(tabs.locator(f"a:has-text('{name}')"))
        box = link.first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name  # on the screen
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.screenshot(f"{request.node.originalname}-registry")
    assert tab.console_errors() == [] and tab.static_failures == []


def test_the_records_behind_a_value_stack_on_a_phone(open_tab, request):
    load_programme(MINI)
    load_indicators(FILE)
    make_register(make_regions())
    compute(periods=["2024-11", "2024-12"])
    tab = open_tab(viewport=PHONE)
    tab.sign_in("leader")
    tab.go("/indicators/")
    tab.page.locator("tr[data-indicator=invention-patents-per-10k-residents]").get_by_test_id("value-link").click()
    tab.page.wait_for_url(re.compile(r"/indicators/values/\d+/$"))
    records = tab.page.get_by_test_id("records")
    expect(records.locator("thead")).to_be_hidden()
    date = records.locator("td", has_text=re.compile(r"^\d{4}-\d{2}-\d{2}$")).first
    expect(date).to_be_visible()
    assert "年" not in records.inner_text()
    assert lines(date) == 1
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.screenshot(f"{request.node.originalname}-records")
    assert tab.console_errors() == [] and tab.static_failures == []


def test_a_tasks_reports_keep_period_and_unit_whole_on_a_phone(open_tab, request):
    programme = load_programme(MINI)["programme"]
    task = Task.objects.get(programme=programme, key="4.1.2")
    court = Unit.objects.get(key="court")
    liaison = User.objects.get(username="court-liaison")
    for period in periods(programme)[:2]:
        report = reporting.open_report(task, court, period, liaison)
        reporting.save_report(report, liaison, narrative="已开展。", percent=50, figures=[])
        reporting.submit(report, liaison)
    task.reports.update(synthetic=True)  # the demo's marker beside each, as a fresh demo start shows them
    tab = open_tab(viewport=PHONE)
    tab.sign_in("office")
    tab.go(f"/programme-tasks/{task.pk}/")
    table = tab.page.get_by_test_id("task-reports")
    period = table.locator("tbody tr").first.locator("td").first.locator("a")
    unit = table.locator("tbody tr").first.locator("td").nth(1)
    expect(period).to_contain_text("季度")
    assert lines(period) == 1 and lines(unit) == 1, (lines(period), lines(unit))
    tab.screenshot(f"{request.node.originalname}-reports")
    assert tab.console_errors() == [] and tab.static_failures == []
