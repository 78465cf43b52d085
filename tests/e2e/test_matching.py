"""Industry–university–research matching on a phone: a step refused on a match's page (an agreement signed, none
named) and an entry form refused at its end (an agreement's period ending before it starts) come back with the
refused form in view and its message focused, not at the top of the page."""

import pytest

from zhichan.projects.services import matching

from ..projects.matching import make_event
from .conftest import PHONE, TIMEOUT_MS, Tab

pytestmark = pytest.mark.e2e

IN_VIEW = "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"


def _refusal_in_view_and_focused(page, text):
    message = page.locator(".alert-danger, .invalid-feedback").filter(has_text=text).first
    assert message.evaluate(IN_VIEW), text
    assert message.evaluate("e => document.activeElement === e"), text
    assert page.evaluate("scrollY") > 0  # the form lies below the record: the page does not open at its top


@pytest.fixture
def phone(browser, live_server, passwords):
    """A phone's tab that scrolls smoothly, as a phone does (the other tests' tabs reduce motion): the form is
    brought into view at once, not by a smooth scroll cut short or still under way when its message is placed."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(TIMEOUT_MS)
    yield Tab(context.new_page(), live_server.url, passwords)
    context.close()


def test_a_refused_step_and_a_refused_entry_form_open_at_their_message_on_a_phone(phone):
    event = make_event()
    demand = matching.add_posting(None, kind="demand", title="石材废料利用", party="某石材企业", event=event)
    offer = matching.add_posting(None, kind="offer", title="粉尘制砖", party="华侨大学", event=event)
    match = matching.record_match(None, demand=demand, offer=offer, event=event)
    tab = phone
    tab.sign_in("amr-liaison")
    page = tab.page

    tab.go(match.get_absolute_url())
    step = page.get_by_test_id("step-outcome")
    step.locator("summary").click()
    step.locator("[name='outcome-outcome']").select_option("signed")
    with page.expect_navigation():
        step.get_by_role("button", name="保存").click()
    _refusal_in_view_and_focused(page, "请选择签订的合作协议。")

    tab.go("/projects/agreements/new/")
    for name, value in (
        ("title", "阀片合作协议"),
        ("enterprise_name", "某石材企业"),
        ("partners", "华侨大学"),
        ("signed_on", "2024-05-20"),
        ("starts_on", "2024-06-01"),
        ("ends_on", "2024-01-01"),
    ):
        page.fill(f"#id_{name}", value)
    with page.expect_navigation():
        page.get_by_test_id("matching-form").get_by_role("button", name="保存").click()
    _refusal_in_view_and_focused(page, "实施期止早于实施期起。")
    assert page.input_value("#id_title") == "阀片合作协议"
    assert tab.console_errors() == [] and tab.static_failures == []
