"""Every page a role reaches from its menu and workbench loads without a console error or CSP violation."""

import pytest
from playwright.sync_api import expect

from zhichan.core.services.demo import DEMO_ACCOUNTS

pytestmark = pytest.mark.e2e

ROLES = [username for username, *_ in DEMO_ACCOUNTS]


def links_on(tab):
    """Same-site links of the navigation menu and the page body, in order, without repeats."""
    hrefs = tab.page.locator("nav a[href^='/'], main a[href^='/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return list(dict.fromkeys(hrefs))


def open_every_menu(tab):
    """Bootstrap's dropdowns run script and may set styles: open each one once and close it again."""
    for toggle in tab.page.locator("nav [data-bs-toggle='dropdown']").all():
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        tab.page.keyboard.press("Escape")


@pytest.mark.parametrize("username", ROLES)
def test_pages_a_role_visits_have_no_console_errors(tab, username):
    tab.sign_in(username)
    open_every_menu(tab)
    visited = []
    for href in links_on(tab):
        response = tab.go(href)
        assert response.ok, f"{username} was offered {href} but got {response.status}"
        visited.append(href)
    assert visited[0] == "/" and len(visited) >= 2, visited
    assert tab.console_errors() == [], f"{username} visited {visited}"
    assert tab.static_failures == []
