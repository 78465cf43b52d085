"""Outreach on phones: the office enters a training and opens its sign-in page; a participant, without an account,
signs in on a phone-sized page from the QR code's address and rates the training; the attendance shows on the
office's page. A respondent answers the satisfaction survey on a phone-sized page and the round's index changes."""

import pytest
from playwright.sync_api import expect

from zhichan.core.models import Unit
from zhichan.outreach.models import SurveyResponse

from ..outreach.factories import make_round
from .conftest import PHONE
from .test_enforcement import _step

pytestmark = pytest.mark.e2e


def test_the_office_creates_a_training_and_a_participant_signs_in_on_a_phone(open_tab):
    office = open_tab()
    office.sign_in("office")
    office.go("/outreach/activities/new/")
    page = office.page
    page.select_option("#id_kind", "training")
    page.fill("#id_title", "专利申请实务培训")
    page.select_option("#id_audience", "researchers")
    page.select_option("#id_unit", str(Unit.objects.get(key="amr").pk))
    page.fill("#id_starts_on", "2024-05-20")
    page.fill("#id_place", "南安市行政服务中心")
    with page.expect_navigation():
        page.get_by_test_id("activity-form").get_by_role("button").click()
    expect(page.get_by_test_id("attendance-figures")).to_contain_text("0")
    _step(office, "register", {"people": "林一,某某石材,专员,13800000011\n陈二,某某卫浴"})
    _step(office, "open", {})
    expect(page.get_by_test_id("sign-in-qr").locator("svg")).to_be_visible()
    address = page.get_by_test_id("sign-in-link").get_attribute("href")

    phone = open_tab(PHONE)
    phone.page.goto(address)
    phone.page.fill("#id_name", "林一")
    phone.page.fill("#id_phone", "13800000011")
    with phone.page.expect_navigation():
        phone.page.get_by_test_id("sign-in-form").get_by_role("button").click()
    expect(phone.page.get_by_test_id("signed-in")).to_contain_text("林一")
    phone.page.locator("label[for='rating-5']").click()
    phone.page.fill("#id_comment", "案例很实用")
    with phone.page.expect_navigation():
        phone.page.get_by_test_id("feedback-form").get_by_role("button").click()
    expect(phone.page.get_by_test_id("thanked")).to_be_visible()
    assert phone.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not phone.console_errors()

    page.reload()
    row = page.get_by_test_id("participant-row").filter(has_text="林一")
    expect(row.get_by_test_id("present")).to_be_visible()
    expect(row).to_contain_text("5/5")
    expect(page.get_by_test_id("attendance-figures")).to_contain_text("2")  # registered 2
    assert not office.console_errors()


def test_a_respondent_answers_the_survey_on_a_phone_and_the_index_changes(open_tab):
    survey_round = make_round(title="2024年度满意度调查")
    office = open_tab()
    office.sign_in("office")
    office.go(f"/outreach/survey/{survey_round.pk}/")
    everyone = office.page.get_by_test_id("index-all")
    expect(everyone.get_by_test_id("responses")).to_have_text("0")
    address = office.page.get_by_test_id("survey-link").get_attribute("href")

    phone = open_tab(PHONE)
    phone.page.goto(address)
    page = phone.page
    page.locator("label[for='group-holders']").click()
    questions = page.get_by_test_id("question")
    for number in range(questions.count()):
        questions.nth(number).locator("label").nth(3).click()  # 满意 (75 points) everywhere
    page.locator("label[for='q-effect-1-5']").click()  # but 很满意 on the whole
    with page.expect_navigation():
        page.get_by_test_id("survey-submit").click()
    expect(page.get_by_test_id("survey-done")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not phone.console_errors()
    assert SurveyResponse.objects.filter(round=survey_round).count() == 1

    office.page.reload()
    expect(everyone.get_by_test_id("responses")).to_have_text("1")
    # effect: (100 + 75 + 75) ÷ 3 = 83.33; the other four 75; overall (4 × 75 + 83.33) ÷ 5 = 76.67
    expect(everyone.get_by_test_id("overall-index")).to_have_text("76.67")
    assert not office.console_errors()
