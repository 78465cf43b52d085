"""Liaisons are refused other units' pages, the enterprise user the staff pages; the office opens any unit."""

import pytest
from playwright.sync_api import expect

from zhichan.core.models import Unit, User

pytestmark = pytest.mark.e2e

# (liaison, the key of a unit outside its scope): a fellow member unit, or for the township a neighbour.
OTHER_UNITS = [
    ("amr-liaison", "court"),
    ("court-liaison", "amr"),
    ("shuitou-liaison", "region-350583001"),
]


@pytest.mark.parametrize("username, other_key", OTHER_UNITS)
def test_liaison_opens_its_own_unit_but_not_another(tab, username, other_key):
    own = User.objects.get(username=username).unit
    other = Unit.objects.get(key=other_key)
    tab.sign_in(username)

    # Its own unit opens, so the refusal below is about scope, not a broken page.
    tab.page.get_by_test_id("my-unit").click()
    expect(tab.page.get_by_test_id("unit-name")).to_have_text(str(own))

    response = tab.go(f"/units/{other.pk}/")
    assert response.status == 404, "a unit outside the liaison's scope does not exist for it"
    expect(tab.page.get_by_test_id("not-found")).to_be_visible()
    expect(tab.page.get_by_test_id("unit-name")).to_have_count(0)
    expect(tab.page.locator("main")).not_to_contain_text(other.name)
    assert tab.console_errors() == []


@pytest.mark.parametrize("path", ["/units/", "/regions/", "/audit/"])
def test_enterprise_user_is_refused_staff_pages(tab, path):
    tab.sign_in("enterprise")
    response = tab.go(path)
    assert response.status == 403
    expect(tab.page.get_by_test_id("forbidden")).to_be_visible()
    assert tab.console_errors() == []


def test_office_opens_any_units_page(tab):
    tab.sign_in("office")
    for key in ["amr", "court", "region-350583119", "region-350583001"]:
        unit = Unit.objects.get(key=key)
        response = tab.go(f"/units/{unit.pk}/")
        assert response.status == 200, key
        expect(tab.page.get_by_test_id("unit-name")).to_have_text(str(unit))
    assert tab.console_errors() == []
