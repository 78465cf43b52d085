"""The API docs render under the content security policy; the sign-in page leads to a way back from a lost password."""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE

pytestmark = pytest.mark.e2e


def test_api_docs_render_their_operations_without_a_csp_violation(tab):
    tab.sign_in("office")
    tab.go("/api/docs/")
    # The schema of every module is built on the first request (then kept): seconds on a busy machine.
    expect(tab.page.locator(".opblock").first).to_be_visible(timeout=30_000)
    # Swagger UI renders the operations as they scroll into view: the last group appears once scrolled to.
    last_group = tab.page.locator(".opblock-tag", has_text="validation-rules")
    for _ in range(40):
        if last_group.count():
            break
        tab.page.mouse.wheel(0, 2000)
        tab.page.wait_for_timeout(100)
    expect(last_group).to_be_visible()
    expect(tab.page.locator(".swagger-ui .info .title")).to_contain_text("Zhichan API")
    tab.screenshot("api-docs-desktop")
    assert tab.console_errors() == []
    assert tab.static_failures == []


def test_forgotten_password_path_at_phone_width(open_tab):
    tab = open_tab(PHONE)
    tab.go("/accounts/login/")
    expect(tab.page.get_by_test_id("office-contact")).to_contain_text("领导小组办公室")
    tab.page.get_by_test_id("forgot-password").click()
    expect(tab.page.get_by_test_id("ask-the-office")).to_contain_text("请联系领导小组办公室")
    tab.screenshot("password-reset-phone")
    assert tab.console_errors() == []
