"""An enterprise applies for a patent subsidy on its phone and is paid, through the whole review on the pages: its
claim explained line by line, the township passes it, the office returns it with reasons, the enterprise corrects
it, the office and the finance bureau pass it, it appears in the public notice, and once the notice is over the
finance bureau pays it — and the budget page shows the payment."""

import datetime

import pytest
from django.conf import settings
from playwright.sync_api import expect

from zhichan.core.models import Clock
from zhichan.core.services.calendar import seed_calendar
from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
from zhichan.finance.models import SubsidyApplication
from zhichan.registry.models import Enterprise

from ..files import PDF
from ..finance.subsidy_fixtures import granted_patent, make_scheme
from .conftest import PHONE
from .test_enforcement import _step

pytestmark = pytest.mark.e2e


def _paid_total(tab, scheme) -> str:
    tab.go("/finance/subsidies/budget/")
    return tab.page.get_by_test_id(f"execution-{scheme.pk}").get_by_test_id("paid-total").inner_text()


def _review(open_tab, username, application, key, fields=None):
    tab = open_tab()
    tab.sign_in(username)
    tab.go(f"/finance/subsidies/applications/{application.pk}/")
    _step(tab, key, fields or {})
    return tab


def test_an_enterprise_applies_is_returned_corrects_and_is_paid(open_tab, passwords, tmp_path):
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    today = datetime.date.today()
    seed_calendar([today.year - 1, today.year, today.year + 1])
    scheme = make_scheme(opens_on=today - datetime.timedelta(days=30), closes_on=today + datetime.timedelta(days=60))
    own = Enterprise.objects.get(members__username="enterprise")
    patent = granted_patent(own, 90)
    certificate = tmp_path / "授权证书.pdf"
    certificate.write_bytes(PDF)

    office = open_tab()
    office.sign_in("office")
    assert _paid_total(office, scheme) == "0.00"

    # The enterprise, on its phone: opens the application, claims its patent, attaches the certificate, submits.
    tab = open_tab(PHONE)
    tab.sign_in("enterprise")
    page = tab.page
    tab.go("/finance/subsidies/")
    with page.expect_navigation():
        page.get_by_test_id("apply").click()
    page.select_option("#id_scheme", str(scheme.pk))
    page.fill("#id_contact", "王经理")
    page.fill("#id_phone", "13800000000")
    page.fill("#id_account_bank", "演示银行南安支行")
    page.fill("#id_account_number", "6222 0000 1111")
    with page.expect_navigation():
        page.get_by_role("button", name="创建申请").click()
    expect(page.get_by_test_id("draft-help")).to_be_visible()
    _step(
        tab, "claim", {"subject": "ZL" + patent.application_number}, {"item": str(scheme.items.get(key="invention").pk)}
    )
    claims = page.get_by_test_id("claim-rows")
    expect(claims).to_contain_text("申请人为权利人之一")
    expect(claims).to_contain_text("授权日 2025-09-01")
    expect(page.get_by_test_id("eligible-total")).to_have_text("0.50")
    step = page.get_by_test_id("step-file")
    step.locator("summary").click()
    step.locator("[name='file-file']").set_input_files(str(certificate))
    with page.expect_navigation():
        step.get_by_role("button", name="保存").click()
    expect(page.get_by_test_id("files")).to_contain_text("授权证书.pdf")
    _step(tab, "submit", {})
    expect(page.get_by_test_id("stage")).to_have_text("乡镇（街道）初审")
    expect(page.get_by_test_id("stage-clock")).to_contain_text("到期")
    application = SubsidyApplication.objects.get(applicant=own)

    # The township passes it; the office returns it with its reasons.
    _review(open_tab, "shuitou-liaison", application, "pass", {"reasons": "情况属实"})
    reviewer = _review(open_tab, "office", application, "return", {"reasons": "请补充专利登记簿副本"})
    expect(reviewer.page.get_by_test_id("stage")).to_have_text("退回补正")

    # The enterprise reads why, adds the document and submits again: it goes back to the office.
    tab.go(f"/finance/subsidies/applications/{application.pk}/")
    expect(page.get_by_test_id("returned-reasons")).to_contain_text("请补充专利登记簿副本")
    step = page.get_by_test_id("step-file")
    step.locator("summary").click()
    step.locator("[name='file-file']").set_input_files(str(certificate))
    step.locator("[name='file-label']").fill("专利登记簿副本")
    with page.expect_navigation():
        step.get_by_role("button", name="保存").click()
    _step(tab, "submit", {})
    expect(page.get_by_test_id("stage")).to_have_text("领导小组办公室审核")

    # The office and the finance bureau pass it: into the public notice, where the enterprise sees it.
    _review(open_tab, "office", application, "pass")
    bureau = _review(open_tab, "finance-liaison", application, "pass")
    expect(bureau.page.get_by_test_id("stage")).to_have_text("公示中")
    tab.go("/finance/subsidies/notice/")
    expect(page.get_by_test_id("notice-rows")).to_contain_text(application.number)
    expect(page.get_by_test_id("notice-rows")).to_contain_text("0.50")

    # The notice runs its five working days: moved back, as if they had passed.
    application.refresh_from_db()
    shift = datetime.timedelta(days=(application.notice_to - application.notice_from).days + 7)
    SubsidyApplication.objects.filter(pk=application.pk).update(
        notice_from=application.notice_from - shift, notice_to=application.notice_to - shift
    )
    Clock.objects.filter(object_id=application.pk, rule__key="subsidy-public-notice").update(
        started_on=application.notice_from - shift
    )
    bureau.go(f"/finance/subsidies/applications/{application.pk}/")
    _step(bureau, "pay", {"paid_on": today.isoformat(), "voucher": "PZ-2026-001"})
    expect(bureau.page.get_by_test_id("stage")).to_have_text("已拨付")
    expect(bureau.page.get_by_test_id("paid")).to_contain_text("PZ-2026-001")

    assert _paid_total(office, scheme) == "0.50"
    assert not tab.console_errors() and not office.console_errors()
