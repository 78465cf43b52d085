"""督办 in the browser: the office urges a unit with a note, the liaison sees it on its workbench and answers,
the office sees the answer; a unit added from the current period has no overdue past periods."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from zhichan.programme.models import Task
from zhichan.programme.services.loading import load_programme

from .conftest import PHONE

pytestmark = pytest.mark.e2e

MINI = Path(__file__).parents[1] / "programme" / "mini.yaml"
NOTE = "请于三个工作日内补报2024年第四季度进展。"
ANSWER = "已补报，附培训签到表。"


@pytest.fixture
def task(passwords):
    programme = load_programme(MINI)["programme"]
    return Task.objects.select_related("programme").get(programme=programme, key="4.1.2")


def test_office_urges_the_liaison_answers_the_office_sees_it(open_tab, task):
    office = open_tab()
    office.sign_in("office")
    office.go(f"/programmes/{task.programme_id}/supervision/")
    urge = office.page.get_by_test_id("urge-4.1.2")
    urge.locator("summary").click()
    urge.get_by_label("督办事项").fill(NOTE)
    with office.page.expect_navigation():
        urge.get_by_role("button", name="发送").click()
    expect(office.page.locator(".alert-success")).to_contain_text("督办市市场监管局")
    expect(office.page.get_by_test_id("urgings")).to_contain_text(NOTE)
    expect(office.page.get_by_test_id("urgings")).to_contain_text("尚未回复")

    liaison = open_tab(PHONE)
    liaison.sign_in("amr-liaison")
    item = liaison.page.get_by_test_id("todo-urging")
    expect(item).to_contain_text(NOTE)
    liaison.screenshot("supervision-liaison-workbench-390")
    with liaison.page.expect_navigation():
        item.get_by_role("link").click()
    form = liaison.page.get_by_test_id("answer-form")
    form.get_by_label("回复").fill(ANSWER)
    with liaison.page.expect_navigation():
        form.get_by_role("button", name="提交回复").click()
    expect(liaison.page.locator(".alert-success")).to_contain_text("回复已发送")
    expect(liaison.page.get_by_test_id("task-urgings")).to_contain_text(ANSWER)
    liaison.go("/")
    expect(liaison.page.get_by_test_id("todo-urging")).to_have_count(0)

    office.page.reload()
    expect(office.page.get_by_test_id("urgings").get_by_test_id("urging-answer")).to_contain_text(ANSWER)
    expect(office.page.get_by_test_id("last-urging").first).to_contain_text("已回复")
    office.screenshot("supervision-office-answered")
    assert office.console_errors() == [] and liaison.console_errors() == []


def test_a_unit_added_from_the_current_period_has_no_overdue_past_periods(open_tab, task):
    office = open_tab()
    office.sign_in("office")
    office.go(f"/programme-tasks/{task.pk}/")
    form = office.page.get_by_test_id("assign-form")
    form.get_by_label("单位", exact=True).select_option(label="泉州海关驻南安办事处")
    form.get_by_label("角色", exact=True).select_option(value="co")
    expect(form.get_by_label("起报期")).to_have_value("2024-10-01")  # the current (here: last) period
    with office.page.expect_navigation():
        form.get_by_role("button", name="添加单位").click()
    added = "已添加泉州海关驻南安办事处为配合单位，自2024年第4季度起报送"
    expect(office.page.locator(".alert-success")).to_contain_text(added)

    office.go(f"/programmes/{task.programme_id}/unit-tasks/")
    office.page.get_by_label("单位", exact=True).select_option(label="泉州海关驻南安办事处")
    with office.page.expect_navigation():
        office.page.get_by_role("button", name="查看").click()
    grid = office.page.get_by_test_id("report-grid")
    for label in ["2022年第1季度", "2023年第2季度", "2024年第3季度"]:
        expect(grid.locator("tr", has_text=label).locator(".text-bg-danger")).to_have_count(0)
    office.screenshot("supervision-unit-added-grid")
    assert office.console_errors() == []
