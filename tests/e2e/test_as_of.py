"""The office reads the Nan'an programme as it stood on 2023-12-31, goes back to today, then opens the closing
review — on a desktop and on a 390 px phone."""

import datetime
import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators
from zhichan.programme.models import Assignment, Task
from zhichan.programme.services.loading import load_programme

from ..indicators.conftest import FILE, make_regions, make_register, make_reported
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e

PROGRAMME = settings.PROJECT_DIR / "programmes" / "nanan-2022.yaml"


@pytest.fixture
def data(db):
    programme = load_programme(PROGRAMME)["programme"]
    load_indicators(FILE)
    regions = make_regions()
    make_register(regions)
    make_reported(regions)
    compute(periods=["2023-12", "2024-12"])
    # A task the office marked done in mid-2024: done at the programme's end, not yet at the end of 2023.
    task = Task.objects.filter(programme=programme, assignments__role=Assignment.Role.LEAD).order_by("order").first()
    task.completed_on = datetime.date(2024, 6, 30)
    task.save()
    return {"programme": programme, "task": task}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_office_reads_the_programme_as_of_the_end_of_2023_then_the_closing_review(
    open_tab, data, request, viewport
):
    name = request.node.name
    tab = open_tab(viewport)
    tab.sign_in("office")
    programme, task = data["programme"], data["task"]
    tab.go(f"/programmes/{programme.pk}/")
    row = tab.page.locator(f"tr[data-task-key='{task.key}'] [data-status]")
    expect(row).to_have_attribute("data-status", "done")  # the programme has ended: shown at its last day
    expect(tab.page.get_by_test_id("ended")).to_be_visible()

    tab.page.get_by_test_id("as-of-picker").get_by_role("link", name="2023-12-31").click()
    tab.page.wait_for_url(re.compile(r"\?as_of=2023-12-31$"))
    expect(tab.page.get_by_test_id("as-of-bar")).to_contain_text("2023-12-31")
    expect(row).not_to_have_attribute("data-status", "done")
    t1 = tab.page.locator("[data-testid=targets] tr[data-target=T1] [data-testid=target-value]")
    expect(t1).to_contain_text("2023-12")  # the value of that day's month, not the last one
    tab.screenshot(f"{name}-1-as-of-2023")

    # The day is kept when moving to another page of the programme.
    tab.page.get_by_role("link", name="进度图").click()
    tab.page.wait_for_url(re.compile(r"/timeline/\?as_of=2023-12-31$"))
    expect(tab.page.get_by_test_id("as-of-bar")).to_be_visible()
    expect(tab.page.locator("#as-of-day")).to_have_value("2023-12-31")  # the timeline has the picker too
    tab.page.get_by_test_id("as-of-today").click()
    tab.page.wait_for_url(re.compile(r"/timeline/$"))
    expect(tab.page.get_by_test_id("as-of-bar")).to_have_count(0)

    # Supervision offers the same picker: a leader's day typed there is kept on the page.
    tab.page.get_by_role("link", name="逾期与风险").click()
    tab.page.wait_for_url(re.compile(r"/supervision/$"))
    tab.page.locator("#as-of-day").fill("2023-06-30")
    tab.page.get_by_test_id("as-of-picker").get_by_role("button").click()
    tab.page.wait_for_url(re.compile(r"/supervision/\?as_of=2023-06-30$"))
    expect(tab.page.get_by_test_id("as-of-bar")).to_contain_text("2023-06-30")
    tab.screenshot(f"{name}-1b-supervision-as-of")

    tab.go(f"/programmes/{programme.pk}/")
    tab.page.get_by_test_id("closing-link").click()
    tab.page.wait_for_url(re.compile(r"/closing/$"))
    targets = tab.page.get_by_test_id("closing-targets")
    expect(targets.locator("tr[data-target]")).to_have_count(10)
    expect(targets.locator("tr[data-target=T1]")).to_contain_text("2024-12")
    expect(
        tab.page.get_by_test_id("closing-tasks").locator(f"tr[data-task-key='{task.key}'] [data-status]")
    ).to_have_attribute("data-status", "done")
    with tab.page.expect_download() as download:
        tab.page.get_by_test_id("closing-export").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    tab.screenshot(f"{name}-2-closing")
    assert tab.console_errors() == [] and tab.static_failures == []
