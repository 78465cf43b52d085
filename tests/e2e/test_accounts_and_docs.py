"""The API docs render under the content security policy; the sign-in page leads to a way back from a lost password."""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE

pytestmark = pytest.mark.e2e


def test_api_docs_render_their_operations_without_a_csp_violation(tab):
    tab.sign_in("office")
    tab.go("/api/docs/")
    operations = tab.page.locator(".opblock")
    expect(operations.nth(10)).to_be_visible()  # the UI renders the operations in turn: wait for more than ten
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
