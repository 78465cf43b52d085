"""Enterprise self-service, as people do it: on a phone an enterprise registers on the portal (and is corrected on
its mistakes), the office verifies it on a desktop, and the enterprise signs in on its phone, reads its IP and its
deadlines, applies for a subsidy through finance's own form and follows the application on its page — no console
error, no sideways scrolling on the phone."""

import datetime
import re

import pytest
from django.conf import settings
from playwright.sync_api import expect
from stdnum.cn import uscc

from zhichan.core.models import Region
from zhichan.core.services.calendar import seed_calendar
from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
from zhichan.finance.models import SubsidyApplication
from zhichan.registry.models import Enterprise
from zhichan.registry.services.entries import create_patent

from ..files import PDF
from ..finance.subsidy_fixtures import granted_patent, make_scheme
from ..registry.registers import patent_number
from .conftest import PHONE
from .test_enforcement import _step

pytestmark = pytest.mark.e2e

BODY = "91350583MA0PHNE01"
CODE = BODY + uscc.calc_check_digit(BODY)
PASSWORD = "Granite-polish-88"


def _no_sideways_scroll(tab):
    assert tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), tab.path()


def _upcoming_annuity(enterprise, today):
    """A granted invention whose next annuity falls due in 20 days."""
    due = today + datetime.timedelta(days=20)
    try:
        filed = due.replace(year=due.year - 3)
    except ValueError:  # 29 February
        filed = due.replace(year=due.year - 3, day=28)
    made, _created = create_patent(
        None,
        patent_number(filed.year, "1", 7701),
        title="一种石材自动抛光装置",
        filing_date=filed,
        grant_date=today - datetime.timedelta(days=60),
        holders=[enterprise],
    )
    return made


def test_an_enterprise_registers_is_verified_applies_for_a_subsidy_and_follows_it(open_tab, passwords, tmp_path):
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    today = datetime.date.today()
    seed_calendar([today.year - 1, today.year, today.year + 1])
    scheme = make_scheme(opens_on=today - datetime.timedelta(days=30), closes_on=today + datetime.timedelta(days=60))
    enterprise = Enterprise.objects.create(
        name="南安市水头演示石材有限公司", uscc=CODE, region=Region.objects.get(code="350583119")
    )
    claimed = granted_patent(enterprise, 7702)
    annuity = _upcoming_annuity(enterprise, today)

    # On its phone, the enterprise finds the page for enterprises from the portal's menu and registers.
    phone = open_tab(PHONE)
    page = phone.page
    phone.go("/portal/")
    page.locator(".navbar-toggler").click()
    with page.expect_navigation():
        page.get_by_test_id("portal-enterprise-nav").click()
    with page.expect_navigation():
        page.get_by_test_id("portal-register-link").click()
    _no_sideways_scroll(phone)
    page.fill("#id_name", "南安市水头演示石材有限公司")
    page.fill("#id_credit_code", CODE[:-1] + ("1" if CODE[-1] != "1" else "2"))  # a wrong check character
    page.select_option("#id_region", label="水头镇")
    page.fill("#id_contact", "黄经理")
    page.fill("#id_phone", "13900000002")
    page.fill("#id_email", "huang@example.com")
    page.fill("#id_username", "shuitou-stone")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_password_again", PASSWORD + "x")  # typed differently
    page.fill("#id_answer", "0")  # and a wrong answer
    with page.expect_navigation():
        page.get_by_test_id("portal-register-submit").click()
    errors = page.get_by_test_id("portal-form-errors")
    expect(errors).to_contain_text("统一社会信用代码: 校验码错误")
    expect(page.locator("#id_credit_code_error")).to_contain_text("校验码错误")
    expect(errors).to_contain_text("两次输入的密码不一致")
    expect(page.locator("#id_name")).to_have_value("南安市水头演示石材有限公司")  # what was typed is kept
    _no_sideways_scroll(phone)
    page.fill("#id_credit_code", CODE.lower())
    page.fill("#id_password", PASSWORD)
    page.fill("#id_password_again", PASSWORD)
    first, second = map(int, re.findall(r"\d+", page.get_by_test_id("portal-question").inner_text()))
    page.fill("#id_answer", str(first + second))
    with page.expect_navigation():
        page.get_by_test_id("portal-register-submit").click()
    registration = page.get_by_test_id("portal-registration")
    expect(registration.get_by_test_id("portal-registration-state")).to_have_text("待核实")
    expect(registration).to_contain_text(CODE)
    _no_sideways_scroll(phone)

    # The office verifies it on a desktop: the register already has the enterprise.
    office = open_tab()
    office.sign_in("office")
    office.go("/portal/registrations/")
    with office.page.expect_navigation():
        office.page.get_by_role("link", name="南安市水头演示石材有限公司").click()
    expect(office.page.get_by_test_id("registration-register")).to_contain_text("水头镇")
    _step(office, "verify", {"note": "已对照登记簿核实"})
    expect(office.page.get_by_test_id("registration-state")).to_have_text("已核实")

    # The enterprise signs in on its phone (a fresh one) and opens its page from the workbench.
    tab = open_tab(PHONE)
    tab.sign_in("shuitou-stone", PASSWORD)
    page = tab.page
    with page.expect_navigation():
        page.get_by_test_id("portal-panel-enterprise").click()
    expect(page.get_by_test_id("portal-enterprise-name")).to_contain_text("南安市水头演示石材有限公司")
    expect(page.get_by_test_id("portal-count-patents")).to_have_text("2")
    expect(page.get_by_test_id("portal-annuities")).to_contain_text(annuity.application_number)
    _no_sideways_scroll(tab)

    # It applies for the subsidy through finance's form, claims its patent and submits.
    with page.expect_navigation():
        page.get_by_test_id(f"portal-apply-{scheme.pk}").click()
    expect(page.locator("#id_scheme")).to_have_value(str(scheme.pk))
    page.fill("#id_contact", "黄经理")
    page.fill("#id_phone", "13900000002")
    page.fill("#id_account_bank", "演示银行南安支行")
    page.fill("#id_account_number", "6222 0000 2222")
    with page.expect_navigation():
        page.get_by_role("button", name="创建申请").click()
    _step(tab, "claim", {"subject": claimed.application_number}, {"item": str(scheme.items.get(key="invention").pk)})
    certificate = tmp_path / "授权证书.pdf"
    certificate.write_bytes(PDF)
    step = page.get_by_test_id("step-file")
    step.locator("summary").click()
    step.locator("[name='file-file']").set_input_files(str(certificate))
    with page.expect_navigation():
        step.get_by_role("button", name="保存").click()
    _step(tab, "submit", {})
    expect(page.get_by_test_id("stage")).to_have_text("乡镇（街道）初审")
    application = SubsidyApplication.objects.get(applicant=enterprise)

    # And follows it on its page.
    tab.go("/portal/enterprise/")
    applications = page.get_by_test_id("portal-applications")
    expect(applications).to_contain_text(application.number)
    expect(applications.get_by_test_id("portal-application-stage")).to_have_text("乡镇（街道）初审")
    _no_sideways_scroll(tab)
    with page.expect_navigation():
        applications.get_by_role("link", name=application.number).click()
    expect(page.get_by_test_id("stage")).to_have_text("乡镇（街道）初审")

    assert not phone.console_errors() and not office.console_errors() and not tab.console_errors()
