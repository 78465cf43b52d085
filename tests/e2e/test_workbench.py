"""Each demo role signs in, lands on its own workbench and switches language; the pages are styled."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from playwright.sync_api import expect

from zhichan.core.models import User
from zhichan.core.roles import LIAISONS, Role
from zhichan.core.services.demo import DEMO_ACCOUNTS

from .conftest import PHONE

pytestmark = pytest.mark.e2e

ROLES = [username for username, *_ in DEMO_ACCOUNTS]
HEADINGS = {
    Role.OFFICE: gettext_noop("Programme office workbench"),
    Role.LEADER: gettext_noop("Leadership workbench"),
    Role.UNIT_LIAISON: gettext_noop("Member-unit workbench"),
    Role.TOWNSHIP_LIAISON: gettext_noop("Township workbench"),
    Role.ENTERPRISE: gettext_noop("Enterprise workbench"),
    Role.BANK: gettext_noop("Bank workbench"),
}


def expected_heading(user, language):
    """The workbench title in `language`; a liaison's is followed by its unit, however it is set apart."""
    with translation.override(language):
        heading = re.escape(gettext(HEADINGS[Role(user.role)]))
        unit = re.escape(str(user.unit)) if user.role in LIAISONS else ""
    return re.compile(rf"^{heading}[\s:：]*{unit}$" if unit else rf"^{heading}$")


def switch_language(tab, code):
    """Choose a language from the navbar's language menu and wait for the page to come back in it."""
    tab.page.get_by_test_id("lang-menu").click()
    tab.page.get_by_test_id(f"lang-{code}").click()
    expect(tab.page.locator("html")).to_have_attribute("lang", code)


def expect_own_workbench(tab, user, language):
    expect(tab.page.get_by_test_id("workbench-title")).to_have_text(expected_heading(user, language))
    expect(tab.page.get_by_test_id("current-user")).to_contain_text(user.display_name)


def expect_role_hooks(tab, user):
    """What only this role's workbench shows: a liaison's unit, an enterprise user's enterprise."""
    if user.role in LIAISONS:
        expect(tab.page.get_by_test_id("my-unit")).to_have_text(str(user.unit))
    if user.role == Role.BANK:
        expect(tab.page.get_by_test_id("my-bank")).to_contain_text(user.unit.name)
    if user.role == Role.ENTERPRISE:
        enterprise = user.enterprises.get()
        expect(tab.page.get_by_test_id("my-enterprise")).to_contain_text(enterprise.name)


@pytest.mark.parametrize("username", ROLES)
def test_role_signs_in_to_its_own_workbench_and_switches_language(tab, username, request):
    user = User.objects.get(username=username)
    tab.sign_in(username)
    assert tab.path() == "/"
    # Chinese is the default until the user chooses otherwise.
    expect(tab.page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect_own_workbench(tab, user, "zh-hans")
    expect_role_hooks(tab, user)
    tab.screenshot(f"{request.node.originalname}-{username}")

    switch_language(tab, "en")
    expect_own_workbench(tab, user, "en")
    switch_language(tab, "zh-hans")
    expect_own_workbench(tab, user, "zh-hans")
    assert tab.path() == "/", "set_language returns to the page it was called from"
    assert tab.console_errors() == []
    assert tab.static_failures == []


def test_language_switch_from_the_collapsed_menu_on_a_phone(open_tab, request):
    tab = open_tab(PHONE)
    user = User.objects.get(username="leader")
    tab.sign_in(user.username)
    language_menu = tab.page.get_by_test_id("lang-menu")
    expect(language_menu).to_be_hidden()

    tab.page.locator(".navbar-toggler").click()
    expect(tab.page.locator("#nav-main")).to_have_class(re.compile(r"\bshow\b"))
    language_menu.click()
    expect(tab.page.get_by_test_id("lang-en")).to_be_visible()
    tab.screenshot(f"{request.node.originalname}-{user.username}-menu")
    tab.page.get_by_test_id("lang-en").click()
    expect(tab.page.locator("html")).to_have_attribute("lang", "en")
    expect_own_workbench(tab, user, "en")
    tab.screenshot(f"{request.node.originalname}-{user.username}")
    assert tab.console_errors() == []


def test_a_browser_set_to_english_still_starts_in_chinese(open_tab):
    tab = open_tab(locale="en-US")
    user = User.objects.get(username="office")
    tab.sign_in(user.username)
    expect(tab.page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect_own_workbench(tab, user, "zh-hans")


def test_pages_load_bootstrap_and_the_scripts_from_static(tab):
    with tab.page.expect_response(lambda r: r.url.endswith("/bootstrap.min.css")) as css:
        tab.go("/accounts/login/")
    assert css.value.status == 200
    navbar = tab.page.locator("nav.navbar")
    # .bg-primary only has Bootstrap's blue when bootstrap.min.css was applied.
    assert navbar.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(13, 110, 253)"
    assert tab.page.evaluate("typeof bootstrap === 'object' && typeof htmx === 'object'")
    assert tab.static_failures == []
    assert tab.console_errors() == []
