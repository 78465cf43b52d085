"""An enforcing unit's liaison runs a case on the pages, from a complaint to its closing, on a phone: the case's
time limit is explained at every step (the filing clock, the decision clock stopped for an appraisal and
extended), and the office then finds 2024's on-time closure rate (T8) read from it."""

import pytest
from playwright.sync_api import expect

from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators
from zhichan.programme.services.loading import load_programme

from ..indicators.conftest import FILE
from ..programme.conftest import MINI
from ..protection.conftest import load_reference
from .conftest import PHONE

pytestmark = pytest.mark.e2e

T8 = "tr[data-indicator=enforcement-on-time-closure-rate]"
YEAR_END = "2024-12-31"


def _step(tab, key, fields: dict, selects: dict | None = None):
    """Open the step's form, type its fields and save; the page comes back with the step done."""
    step = tab.page.get_by_test_id(f"step-{key}")
    step.locator("summary").click()
    for name, value in (selects or {}).items():
        step.locator(f"[name='{key}-{name}']").select_option(value)
    for name, value in fields.items():
        step.locator(f"[name='{name if name.startswith(key) else f'{key}-{name}'}']").first.fill(value)
    with tab.page.expect_navigation():
        step.get_by_role("button", name="保存").first.click()


def test_a_liaison_runs_a_case_from_complaint_to_closing_with_its_clock_explained(open_tab, passwords):
    load_reference()
    load_programme(MINI)
    load_indicators(FILE)
    compute(periods=["2024-12"])
    office = open_tab()
    office.sign_in("office")
    office.go(f"/indicators/?as_of={YEAR_END}")
    expect(office.page.locator(T8)).not_to_contain_text("100.0")  # no case closed in 2024 yet

    tab = open_tab(PHONE)
    tab.sign_in("amr-liaison")

    # The complaint, taken in by the bureau itself.
    tab.go("/protection/complaints/new/")
    page = tab.page
    page.select_option("#id_kind", "complaint")
    page.select_option("#id_channel", "12315")
    page.fill("#id_received_on", "2024-05-06")
    page.fill("#id_complainant_name", "李四")
    page.fill("#id_complainant_contact", "13800000000")
    page.fill("#id_matter", "某商行销售假冒注册商标的水龙头")
    page.fill("#id_respondent_name", "演示卫浴商行")
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("complaint-clocks")).to_contain_text("到期")
    _step(tab, "accept", {"day": "2024-05-07"})
    expect(page.get_by_test_id("complaint-state")).to_contain_text("已受理")
    _step(
        tab,
        "open_case",
        {"number": "南市监立〔2024〕88号", "title": "水龙头商标侵权案", "lead_on": "2024-05-07"},
        {"kind": "trademark-infringement"},
    )
    with page.expect_navigation():
        page.get_by_test_id("complaint-case").get_by_role("link").click()

    # The case: its filing clock runs from the lead (15 working days).
    clocks = page.get_by_test_id("case-clocks")
    expect(clocks).to_contain_text("立案审查")
    _step(tab, "file", {"day": "2024-05-13"})
    expect(page.get_by_test_id("case-state")).to_contain_text("已立案")
    expect(clocks).to_contain_text("2024-08-12到期")  # 90 days from 2024-05-13: Sunday 08-11, so Monday

    # An expert appraisal from 05-15 to 05-24 does not count: ten days later.
    _step(tab, "suspend", {"start": "2024-05-15"}, {"pause": "appraisal"})
    expect(clocks).to_contain_text("鉴定")
    _step(tab, "resume", {"resume-end": "2024-05-24"})
    expect(clocks).to_contain_text("2024-08-21到期")
    # The head's extension of 30 days, named.
    _step(tab, "extend", {"length": "30", "approver": "王局长", "approved_on": "2024-08-01", "reason": "案情复杂"})
    expect(clocks).to_contain_text("王局长")
    expect(clocks).to_contain_text("2024-09-20到期")

    _step(tab, "decide", {"day": "2024-09-10", "number": "南市监罚〔2024〕88号", "fine": "50000"})
    expect(page.get_by_test_id("case-decision")).to_contain_text("南市监罚〔2024〕88号")
    _step(tab, "close", {"day": "2024-09-13"})
    expect(page.get_by_test_id("case-state")).to_contain_text("已结案")
    expect(clocks).to_contain_text("按期")
    tab.screenshot("enforcement-case-closed-390")
    assert tab.console_errors() == []

    # The office recomputes the indicators: 2024's on-time closure rate now reads this case, closed on time.
    office.go(f"/indicators/?as_of={YEAR_END}")
    with office.page.expect_navigation():
        office.page.get_by_test_id("compute").click()
    office.go(f"/indicators/?as_of={YEAR_END}")
    expect(office.page.locator(T8)).to_contain_text("100.0")
    assert office.console_errors() == []
