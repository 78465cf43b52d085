"""The registry in the browser: the office finds a patent by part of its title; an enterprise sees its own."""

import re

import pytest
from playwright.sync_api import expect

from ..registry.registers import make_registers
from .conftest import PHONE, save_screenshot

pytestmark = pytest.mark.e2e


@pytest.fixture
def registers(passwords):
    """Register rows, made after the live server's database was flushed and refilled."""
    return make_registers()


def test_office_searches_a_patent_by_part_of_its_title_and_opens_it(open_tab, registers):
    tab = open_tab()
    tab.sign_in("office")
    tab.page.get_by_role("link", name="知识产权登记").first.click()
    search = tab.page.get_by_test_id("registry-search")
    search.locator("input[name=q]").fill("切割装置")
    with tab.page.expect_navigation():
        search.locator("button[type=submit]").click()
    results = tab.page.get_by_test_id("search-results")
    expect(results).to_contain_text(registers.own_patent.title)
    expect(results).not_to_contain_text(registers.other_patent.title)
    save_screenshot(tab.page, "registry-home-search")
    results.get_by_role("link", name=registers.own_patent.application_number).click()
    expect(tab.page.get_by_test_id("patent-title")).to_contain_text(registers.own_patent.title)
    expect(tab.page.get_by_test_id("patent-title")).to_contain_text("演示数据（虚构）")
    expect(tab.page.get_by_test_id("validity")).to_contain_text("有效")
    expect(tab.page.get_by_test_id("events")).to_contain_text("授权")
    save_screenshot(tab.page, "registry-patent-detail")
    tab.go("/registry/patents/")
    expect(tab.page.get_by_test_id("patent-row")).to_have_count(2)
    filters = tab.page.get_by_test_id("filters")
    filters.locator("input[name=q]").fill("切割")
    filters.get_by_test_id("filter-submit").click()  # htmx swaps the rows and keeps the query in the address
    expect(tab.page.get_by_test_id("patent-row")).to_have_count(1)
    expect(tab.page).to_have_url(re.compile(r"q=%E5%88%87%E5%89%B2"))
    save_screenshot(tab.page, "registry-patent-list")
    assert tab.console_errors() == []
    assert tab.static_failures == []


def test_enterprise_sees_its_portfolio_and_not_another_enterprises_patent(open_tab, registers):
    tab = open_tab(viewport=PHONE)
    tab.sign_in("enterprise")
    panel = tab.page.get_by_test_id("portfolio-panel")
    expect(panel).to_contain_text(registers.own.name)
    panel.get_by_test_id("portfolio-link").click()
    expect(tab.page.get_by_test_id("portfolio-title")).to_contain_text(registers.own.name)
    expect(tab.page.get_by_test_id("portfolio-patents")).to_contain_text(registers.own_patent.application_number)
    expect(tab.page.get_by_test_id("portfolio-trademarks")).to_contain_text(registers.own_trademark.mark)
    save_screenshot(tab.page, "registry-portfolio-phone")
    response = tab.go(f"/registry/patents/{registers.other_patent.pk}/")
    assert response.status == 404
    response = tab.go(f"/registry/enterprises/{registers.other.pk}/")
    assert response.status == 404
    assert tab.console_errors() == []
