"""A custody application on a phone: an enterprise applies on the portal (the credit code asked in the first round,
what was typed kept); the market-supervision liaison finds it among the custody applications, reads the contact,
and accepts it by entering its engagement from the filled form; the enterprise tracks the number and reads which
agency takes custody from when. A liaison of another unit reads the application without the contact. Every page on
the way passes axe-core's WCAG 2.1 A and AA rules and scrolls no wider than the phone."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from zhichan.core.models import Region, RegionKind
from zhichan.registry.demo.numbers import demo_uscc
from zhichan.registry.models import Enterprise

from ..portal.conftest import load_catalogue
from ..services.factories import make_agency
from .conftest import PHONE
from .test_portal import _accessible, _answer, _fits

pytestmark = pytest.mark.e2e

ENTERPRISE = "南安某阀门有限公司"
AGENCY = "南安某知识产权代理所"


def test_an_enterprise_applies_on_a_phone_and_the_liaison_accepts_it_by_entering_its_engagement(open_tab):
    load_catalogue()
    township = Region.objects.filter(kind__in=RegionKind.township_level()).order_by("path").first()
    enterprise = Enterprise.objects.create(name=ENTERPRISE, uscc=demo_uscc(9101), region=township)
    make_agency(None, n=70, name=AGENCY)

    applicant = open_tab(PHONE)
    page = applicant.page
    applicant.go("/portal/services/custody/")
    _accessible(applicant, "custody form")
    _fits(applicant)
    page.fill("#id_name", "黄经理")
    page.fill("#id_phone", "13900001111")
    page.fill("#id_matter", "我司希望托管专利年费缴纳和商标续展。")
    page.fill("#id_q_enterprise", ENTERPRISE)
    page.select_option("#id_q_custody_scope", "partial")
    page.select_option("#id_q_service", "maintenance")
    page.fill("#id_answer", _answer(page))
    # The credit code is left out: the browser's own check holds the form, so it is sent without it.
    page.locator("#id_credit_code").evaluate("field => field.removeAttribute('required')")
    with page.expect_navigation():
        page.get_by_test_id("portal-submit").click()
    expect(page.locator("#id_credit_code")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_q_enterprise")).to_have_value(ENTERPRISE)
    expect(page.locator("#id_q_service")).to_have_value("maintenance")
    _accessible(applicant, "custody form with errors")
    page.fill("#id_credit_code", enterprise.uscc)
    page.fill("#id_answer", _answer(page))
    with page.expect_navigation():
        page.get_by_test_id("portal-submit").click()
    expect(page.get_by_test_id("portal-made")).to_be_visible()
    number = page.locator(".portal-number").inner_text().strip()
    assert applicant.console_errors() == []

    # The market-supervision liaison: the ledger's button, the list, the application with its contact.
    liaison = open_tab(PHONE)
    liaison.sign_in("amr-liaison")
    liaison.go("/services/custody/")
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("custody-applications").click()
    _accessible(liaison, "applications")
    _fits(liaison)
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("application-rows").get_by_role("link", name=ENTERPRISE).click()
    application_url = liaison.page.url
    expect(liaison.page.get_by_test_id("application-contact")).to_contain_text("13900001111")
    expect(liaison.page.locator("main, body").first).to_contain_text(number)
    _accessible(liaison, "application")
    _fits(liaison)
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("application-engage").click()
    expect(liaison.page.locator("#id_enterprise_code")).to_have_value(enterprise.uscc)
    expect(liaison.page.locator("#id_custody_scope")).to_have_value("partial")
    _accessible(liaison, "engagement from the application")
    _fits(liaison)
    today = timezone.localdate()
    start, end = today.isoformat(), (today + datetime.timedelta(days=365)).isoformat()
    form = liaison.page.get_by_test_id("custody-form")
    form.locator("#id_agency").select_option(label=AGENCY)
    form.locator("#id_agreement_number").fill("TG-E2E-1")
    form.locator("#id_start").fill(start)
    form.locator("#id_end").fill(end)
    form.locator("#id_fee").fill("20000")
    form.locator("#id_payer").select_option("enterprise")
    with liaison.page.expect_navigation():
        form.get_by_role("button", name=re.compile("保存|Save")).click()
    expect(liaison.page).to_have_url(re.compile(r"/services/custody/\d+/$"))
    expect(liaison.page.get_by_test_id("custody-title")).to_contain_text(ENTERPRISE)
    liaison.go(application_url.removeprefix(liaison.base_url))
    expect(liaison.page.get_by_test_id("application-engagement")).to_contain_text(AGENCY)
    assert liaison.console_errors() == []

    # Another unit's liaison reads the application, not its contact.
    other = open_tab(PHONE)
    other.sign_in("court-liaison")
    other.go(application_url.removeprefix(other.base_url))
    expect(other.page.get_by_test_id("application-contact")).not_to_contain_text("13900001111")
    expect(other.page.get_by_test_id("application-contact")).not_to_contain_text("黄经理")

    # The applicant tracks the number and reads the agency and the day custody begins.
    applicant.go(f"/portal/track/{number}/")
    expect(page.get_by_test_id("portal-state")).to_have_attribute("data-state", "answered")
    expect(page.get_by_test_id("portal-answer")).to_contain_text(AGENCY)
    expect(page.get_by_test_id("portal-answer")).to_contain_text(start)
    _accessible(applicant, "status, answered")
    _fits(applicant)
    assert applicant.console_errors() == []
