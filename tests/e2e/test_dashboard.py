"""The leader's dashboard: ten targets, T1's figure leads to its patents; the display screen fits 1920×1080."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators
from zhichan.programme.services.loading import load_programme

from ..indicators.conftest import FILE, make_regions, make_register, make_reported

pytestmark = pytest.mark.e2e

PROGRAMME = settings.PROJECT_DIR / "programmes" / "nanan-2022.yaml"
SCREEN = {"width": 1920, "height": 1080}


@pytest.fixture
def data(db):
    load_programme(PROGRAMME)
    load_indicators(FILE)
    regions = make_regions()
    register = make_register(regions)
    make_reported(regions)
    compute(periods=["2024-10", "2024-11", "2024-12"])
    return register


def test_leader_opens_the_dashboard_and_drills_down_from_t1(tab, data, request):
    name = request.node.originalname
    tab.sign_in("leader")
    tab.page.get_by_role("link", name="驾驶舱").first.click()
    tab.page.wait_for_url(re.compile(r"/dashboard/$"))
    cards = tab.page.get_by_test_id("target-card")
    expect(cards).to_have_count(12)  # T1–T10, and high-value invention patents and satisfaction (no target)
    for number in range(1, 11):
        expect(tab.page.locator(f"[data-testid=target-card][data-code=T{number}]")).to_be_visible()
    expect(tab.page.get_by_test_id("region-grid")).to_contain_text("水头镇")
    expect(tab.page.locator("#ranking-chart canvas")).to_have_count(1)
    tab.screenshot(f"{name}-1-dashboard")
    tab.page.locator("[data-testid=target-card][data-code=T1]").get_by_test_id("card-value").click()
    tab.page.wait_for_url(re.compile(r"/indicators/values/\d+/$"))
    records = tab.page.get_by_test_id("records")
    for key in ["p1", "p2", "p4", "p5"]:
        expect(records).to_contain_text(data["patents"][key].application_number)
    assert tab.console_errors() == [] and tab.static_failures == []


def test_display_screen_fits_1920_by_1080(open_tab, data, request):
    tab = open_tab(viewport=SCREEN)
    tab.sign_in("leader")
    tab.go("/display/")
    expect(tab.page.get_by_test_id("display-target")).to_have_count(12)
    expect(tab.page.locator("#ranking-chart canvas")).to_have_count(1)
    assert tab.page.locator("nav.navbar").count() == 0
    height, inner, width, inner_width = tab.page.evaluate(
        "[document.documentElement.scrollHeight, innerHeight, document.documentElement.scrollWidth, innerWidth]"
    )
    assert height <= inner and width <= inner_width
    tab.screenshot(f"{request.node.originalname}-display")
    assert tab.console_errors() == [] and tab.static_failures == []


def test_chart_tooltips_and_buttons_break_no_content_security_policy(tab, data):
    """ECharts draws its tooltips as HTML with inline styles by default, which the policy refuses (one console
    error per style); the charts draw them on the canvas instead (`renderMode: "richText"`)."""
    tab.sign_in("leader")
    tab.go("/dashboard/")
    chart = tab.page.locator("#ranking-chart canvas")
    expect(chart).to_have_count(1)
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    tab.page.mouse.move(box["x"] + 5, box["y"] + 5)
    tab.page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5, steps=10)
    tab.page.wait_for_timeout(500)
    expect(tab.page.locator("#ranking-chart canvas")).to_have_count(1)  # drawn on the canvas, no HTML added
    assert tab.page.locator("#ranking-chart [style*='font-size']").count() == 0
    assert tab.console_errors() == []
