"""A liaison types a figure that is not a number and a part above its whole: nothing is saved, every error shows,
what was typed stays; corrected, the figures save together."""

import pytest
from playwright.sync_api import expect

from zhichan.indicators.models import DataValue
from zhichan.indicators.services.loading import load_indicators

from ..indicators.conftest import FILE
from .conftest import PHONE

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_liaison_is_told_every_error_and_nothing_is_saved(open_tab, request, size):
    name = request.node.name
    load_indicators(FILE)
    tab = open_tab(PHONE) if size == "phone" else open_tab()
    tab.sign_in("amr-liaison")
    tab.go("/indicators/data/?period=2024Q2")
    page = tab.page
    page.get_by_label("知识产权行政执法案件结案数").fill("10")
    page.get_by_label("其中按期结案数").fill("12")
    page.get_by_label("知识产权维权援助案件数").fill("七")
    page.get_by_label("知识产权质押融资登记金额").fill("12000.5")
    with page.expect_navigation():
        page.get_by_role("button", name="提交领导小组办公室").click()
    errors = page.get_by_test_id("entry-errors")
    expect(errors).to_contain_text("未保存任何数据")
    expect(page.get_by_test_id("rule-error")).to_contain_text("知识产权行政执法案件结案数 10件")
    expect(page.get_by_test_id("rule-error")).to_contain_text("其中按期结案数 12件")
    expect(page.get_by_test_id("field-error")).to_have_text("请输入数字。")
    expect(page.get_by_label("其中按期结案数")).to_have_value("12")
    expect(page.get_by_label("知识产权维权援助案件数")).to_have_value("七")
    tab.screenshot(f"{name}-1-errors")
    assert not DataValue.objects.exists()

    page.get_by_label("其中按期结案数").fill("9")
    page.get_by_label("知识产权维权援助案件数").fill("7")
    with page.expect_navigation():
        page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_test_id("entry-errors")).to_have_count(0)
    expect(page.get_by_label("知识产权质押融资登记金额")).to_have_value("12000.50")
    expect(page.get_by_label("知识产权行政执法案件结案数")).to_have_value("10")
    tab.screenshot(f"{name}-2-saved")
    assert DataValue.objects.count() == 4
    assert tab.console_errors() == [] and tab.static_failures == []


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_office_returns_a_figure_and_the_unit_sees_why_and_submits_again(open_tab, request, size):
    name = request.node.name
    load_indicators(FILE)
    liaison = open_tab(PHONE) if size == "phone" else open_tab()
    liaison.sign_in("amr-liaison")
    liaison.go("/indicators/data/?period=2024Q2")
    liaison.page.get_by_label("知识产权行政执法案件结案数").fill("10")
    with liaison.page.expect_navigation():
        liaison.page.get_by_role("button", name="提交领导小组办公室").click()

    office = open_tab(PHONE) if size == "phone" else open_tab()
    office.sign_in("office")
    office.go("/indicators/data/review/")
    office.page.get_by_label("退回理由").fill("请按台账核对结案数。")
    with office.page.expect_navigation():
        office.page.get_by_role("button", name="退回").click()
    office.go("/indicators/data/review/?state=returned")
    expect(office.page.get_by_test_id("return-reason")).to_contain_text("请按台账核对结案数。")
    office.screenshot(f"{name}-1-office")

    liaison.go("/indicators/data/?period=2024Q2")
    expect(liaison.page.get_by_test_id("return-reason")).to_have_text("退回理由：请按台账核对结案数。")
    expect(liaison.page.get_by_test_id("data-entry")).to_contain_text("已退回")
    liaison.screenshot(f"{name}-2-returned")
    liaison.page.get_by_label("知识产权行政执法案件结案数").fill("11")
    with liaison.page.expect_navigation():
        liaison.page.get_by_role("button", name="提交领导小组办公室").click()
    expect(liaison.page.get_by_test_id("return-reason")).to_have_count(0)
    (row,) = DataValue.objects.all()
    assert row.state == "submitted" and row.value == 11 and row.return_reason == ""
    assert liaison.console_errors() == [] and office.console_errors() == []
