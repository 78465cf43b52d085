"""The leader opens the indicator list, clicks T1's value and lands on the patents behind it."""

import re

import pytest
from playwright.sync_api import expect

from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators
from zhichan.programme.services.loading import load_programme

from ..indicators.conftest import FILE, make_regions, make_register
from ..programme.conftest import MINI

pytestmark = pytest.mark.e2e


def test_leader_drills_down_from_t1_to_its_patents(tab, request):
    name = request.node.originalname
    load_programme(MINI)
    load_indicators(FILE)
    register = make_register(make_regions())
    compute(periods=["2024-11", "2024-12"])

    tab.sign_in("leader")
    tab.go("/indicators/")
    row = tab.page.locator("tr[data-indicator=invention-patents-per-10k-residents]")
    expect(row).to_contain_text("T1")
    expect(row.get_by_test_id("light")).to_be_visible()
    tab.screenshot(f"{name}-1-list")
    row.get_by_test_id("value-link").click()
    tab.page.wait_for_url(re.compile(r"/indicators/values/\d+/$"))
    records = tab.page.get_by_test_id("records")
    for key in ["p1", "p2", "p4", "p5"]:
        expect(records).to_contain_text(register["patents"][key].application_number)
    expect(tab.page.get_by_test_id("row-count")).to_contain_text("4")
    tab.screenshot(f"{name}-2-patents")
    # Each patent links to its page in the registry.
    records.locator("a").first.click()
    tab.page.wait_for_url(re.compile(r"/registry/patents/\d+/$"))
    assert tab.console_errors() == [] and tab.static_failures == []
