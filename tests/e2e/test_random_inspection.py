"""The office runs a random inspection (双随机、一公开) on the pages, on a phone: it draws up a plan with a
proportion per credit grade, publishes the pools and the seed's commitment, draws, enters every result and
publishes them; then anyone, not signed in, opens the published page in another browser and recomputes the
draw, in that browser and on the server."""

import math

import pytest
from playwright.sync_api import expect

from zhichan.core.models import Unit
from zhichan.services.models import InspectionPlan
from zhichan.services.services import inspectors

from ..services.conftest import load_reference, make_enterprises
from .conftest import PHONE

pytestmark = pytest.mark.e2e


def test_the_office_runs_a_random_inspection_and_anyone_verifies_the_draw(open_tab, passwords):
    load_reference()
    make_enterprises(20)
    amr = Unit.objects.get(key="amr")
    for n in range(4):
        inspectors.add_inspector(None, unit=amr, name=f"检查员{n}", certificate_number=f"3505000{n}", field="市场监管")

    tab = open_tab(PHONE)
    tab.sign_in("office")
    tab.go("/services/inspections/new/")
    page = tab.page
    page.select_option("#id_unit", str(amr.pk))
    page.fill("#id_name", "2025年度商标使用双随机抽查")
    page.fill("#id_items", "商标使用行为检查")
    page.fill("#id_starts_on", "2025-03-01")
    page.fill("#id_ends_on", "2025-05-31")
    page.select_option("#id_object_kind", "enterprises")
    expect(page.locator("#id_percent_A")).to_have_value("3.0")  # the grade's setting, proposed
    page.fill("#id_percent_A", "25")
    with page.expect_navigation():
        page.get_by_test_id("plan-form").get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("plan-state")).to_have_text("拟定中")

    for button in ("公布名录和随机种子承诺值", "抽取检查对象和检查人员"):
        with page.expect_navigation():
            page.get_by_role("button", name=button).click()
    expect(page.get_by_test_id("plan-state")).to_have_text("已抽取")
    plan = InspectionPlan.objects.get()
    pooled = len(plan.pool_text.splitlines())  # our 20 enterprises and the demo accounts' own, all of grade A
    drawn = math.ceil(pooled / 4)
    assert plan.wanted == {"A": drawn}
    targets = page.get_by_test_id("target")
    expect(targets).to_have_count(drawn)
    expect(targets.first).to_contain_text("检查员")

    for n in range(drawn):
        target = page.get_by_test_id("target").nth(n)
        target.locator("summary", has_text="录入结果").click()
        form = target.get_by_test_id("result-form")
        form.locator("select").select_option("problems" if n == 0 else "no-problem")
        form.locator("input[type=date]").fill(f"2025-04-{n + 1:02d}")
        form.locator("textarea").fill("未按规定标注专利标识" if n == 0 else "")
        with page.expect_navigation():
            form.get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("finding")).to_have_count(drawn)
    with page.expect_navigation():
        page.get_by_role("button", name="公示抽查结果").click()
    expect(page.get_by_test_id("plan-state")).to_have_text("结果已公示")
    verify_path = page.get_by_test_id("verify-link").get_attribute("href")
    assert tab.console_errors() == []

    anyone = open_tab(PHONE)  # another browser, not signed in
    anyone.go(verify_path)
    anyone.page.get_by_test_id("recompute-here").click()  # in the browser, with its own SHA-256
    result = anyone.page.get_by_test_id("recompute-here-result")
    expect(result).to_have_attribute("data-state", "ok", timeout=15_000)
    expect(result).to_contain_text("已在本浏览器中重新计算")
    # A draw published with another seed than the one committed to is caught by the same check.
    anyone.page.evaluate(
        """() => { const node = document.getElementById("draw-data"); const plan = JSON.parse(node.textContent);
        plan.seed = plan.seed + "0"; node.textContent = JSON.stringify(plan); }"""
    )
    anyone.page.get_by_test_id("recompute-here").click()
    expect(result).to_have_attribute("data-state", "problems", timeout=15_000)
    expect(result).to_contain_text("种子")
    anyone.page.get_by_test_id("recompute").click()  # and on the server
    expect(anyone.page.get_by_test_id("verify-ok")).to_be_visible()
    anyone.screenshot("random-inspection-verified-phone")
    assert anyone.console_errors() == []
