"""A township liaison's journey: its task, the figures it owes, entering one, and its own targets."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators
from zhichan.programme.models import Task
from zhichan.programme.services.loading import load_programme

from ..indicators.conftest import FILE, make_regions, make_register
from .conftest import PHONE

pytestmark = pytest.mark.e2e


def _setup():
    programme = load_programme(settings.PROJECT_DIR / "programmes" / "nanan-2022.yaml")["programme"]
    load_indicators(FILE)
    register = make_register(make_regions())  # 水头镇: 100,000 residents in 2021, two valid invention patents
    compute(codes=["invention-patents-per-10k-residents"], periods=["2024-11", "2024-12"])
    return programme, register


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_shuitou_liaison_sees_its_task_reports_a_figure_and_sees_its_targets(open_tab, request, viewport):
    name = f"{request.node.originalname}-{viewport}"
    programme, register = _setup()
    tab = open_tab(PHONE) if viewport == "phone" else open_tab()
    tab.sign_in("shuitou-liaison")

    # The workbench: its task in the programme card, its targets and the way to the figures it reports.
    panel = tab.page.get_by_test_id("township-panel")
    expect(panel).to_contain_text("T1")
    expect(panel).to_contain_text("南安市")
    expect(tab.page.get_by_test_id("report-figures-link")).to_contain_text("4")
    tab.screenshot(f"{name}-0-workbench")
    with tab.page.expect_navigation():
        tab.page.get_by_test_id("report-figures-link").click()
    assert tab.path().startswith("/indicators/data/")

    # The task the plan gives to every township, in its reporting grid.
    tab.go(f"/programmes/{programme.pk}/unit-tasks/")
    expect(tab.page.get_by_test_id("unit-tasks-unit")).to_contain_text("水头镇人民政府")
    expect(tab.page.get_by_test_id("report-grid")).to_contain_text("充实完善知识产权")
    task = Task.objects.get(programme=programme, key="4.1.2")
    tab.go(f"/programme-tasks/{task.pk}/")
    expect(tab.page.get_by_test_id("assignments")).to_contain_text("水头镇人民政府")
    tab.screenshot(f"{name}-1-task")

    # The figures it owes for a quarter: the township's own, not the member units'.
    tab.go("/indicators/data/?period=2024Q1")
    form = tab.page.get_by_test_id("data-entry")
    expect(form).to_contain_text("指导建立知识产权管理机构的企业数")
    expect(form).not_to_contain_text("知识产权质押融资登记金额")
    form.get_by_label("指导建立知识产权管理机构的企业数").fill("3")
    with tab.page.expect_navigation():
        form.locator("button[name=submit]").click()
    expect(tab.page.get_by_test_id("data-entry")).to_contain_text("已报送")
    tab.screenshot(f"{name}-2-entry")

    # Its own targets: 水头镇's T1 against the county's target, and the patents behind the value.
    tab.go("/indicators/")
    row = tab.page.locator("tr[data-indicator=invention-patents-per-10k-residents]")
    expect(row).to_contain_text("T1")
    expect(row).to_contain_text("14.3")
    expect(row).to_contain_text("南安市")
    expect(row.get_by_test_id("value-link")).to_have_text("0.20")
    tab.screenshot(f"{name}-3-targets")
    row.get_by_test_id("value-link").click()
    tab.page.wait_for_url(re.compile(r"/indicators/values/\d+/$"))
    records = tab.page.get_by_test_id("records")
    expect(records).to_contain_text(register["patents"]["p1"].application_number)
    expect(records).not_to_contain_text(register["patents"]["p4"].application_number)  # 溪美街道's
    tab.screenshot(f"{name}-4-drilldown")
    assert tab.console_errors() == [] and tab.static_failures == []
