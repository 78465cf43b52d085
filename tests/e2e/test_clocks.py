"""A deadline shown as a clock: the report page says when the report is due and, on request, why."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from zhichan.core.models import Unit
from zhichan.core.services.calendar import seed_calendar
from zhichan.programme.models import Task
from zhichan.programme.periods import periods
from zhichan.programme.services import reporting
from zhichan.programme.services.loading import load_programme

from .conftest import PHONE

pytestmark = pytest.mark.e2e

MINI = Path(__file__).parents[1] / "programme" / "mini.yaml"


def test_the_report_page_explains_its_due_date(open_tab, passwords):
    seed_calendar([2022])
    programme = load_programme(MINI)["programme"]
    task = Task.objects.get(programme=programme, key="4.1.2")
    liaison_user = Unit.objects.get(key="amr").users.get(username="amr-liaison")
    report = reporting.open_report(task, liaison_user.unit, periods(programme)[0], liaison_user)
    tab = open_tab(PHONE)
    tab.sign_in("amr-liaison")
    tab.go(report.get_absolute_url())
    clock = tab.page.get_by_test_id("clock")
    expect(clock).to_contain_text("2022-04-15到期，已逾期")  # 04-02 (Saturday) worked, 04-03..05 were 清明节
    why = tab.page.get_by_test_id("clock-why")
    why.locator("summary").click()
    expect(why).to_contain_text("进展报告：自报告期结束（2022-03-31）起10个工作日，当日不计入")
    tab.screenshot("clock-report-390")
    assert tab.console_errors() == []
