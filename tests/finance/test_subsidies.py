"""Subsidy schemes and applications: eligibility on registry fixtures, line by line; the review township → office →
finance bureau with returns and reasons; the public notice with objections; payment; the double-subsidy guard
across schemes, years and imported awards."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from zhichan.core.clocks import clock
from zhichan.core.events import events_of
from zhichan.finance.models import PastAward, Stage
from zhichan.finance.services import subsidies
from zhichan.finance.services.eligibility import worded
from zhichan.registry.models import Enterprise

from .factories import make_bank, make_enterprise, make_pledge
from .subsidy_fixtures import DAY, application_for, granted_patent, madrid_mark, make_scheme, pdf_file


@pytest.fixture(autouse=True)
def _in_english():
    """The messages and the reasons are read in English here (the pages' Chinese: test_subsidy_pages.py)."""
    with translation.override("en"):
        yield


def _texts(claim):
    return [text for _ok, text in worded(claim.reasons)]


def test_a_granted_invention_patent_of_the_applicant_is_eligible_and_says_why(users, scheme, own):
    patent = granted_patent(own, 1)
    application = application_for(users["enterprise"], scheme, own, [("invention", "ZL" + patent.application_number)])
    claim = application.claims.get()
    assert claim.eligible == Decimal("0.5") and claim.patent == patent
    texts = _texts(claim)
    assert any("2025-09-01" in text for text in texts)
    assert all(ok is not False for ok, _ in worded(claim.reasons))


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda own, other: granted_patent(own, 2, granted=datetime.date(2025, 6, 30)), "not within"),
        (lambda own, other: granted_patent(own, 3, type_code="2"), "not an invention"),
        (lambda own, other: granted_patent(own, 4, granted=None), "not granted"),
        (lambda own, other: granted_patent(other, 5), "not among its holders"),
    ],
)
def test_an_ineligible_patent_gives_nothing_and_names_the_rule(users, scheme, own, make, reason):
    patent = make(own, make_enterprise(7))
    application = application_for(users["enterprise"], scheme, own, [("invention", patent.application_number)])
    claim = application.claims.get()
    assert claim.eligible == 0
    assert any(reason in text for ok, text in worded(claim.reasons) if ok is False)


def test_a_number_not_in_the_register_is_kept_for_the_reviewers_and_a_slip_is_named(users, scheme, own):
    application = application_for(users["enterprise"], scheme, own, [("invention", "202310000019.5")])
    claim = application.claims.get()
    assert claim.eligible == 0 and claim.patent is None
    assert "not in the register" in _texts(claim)[0]
    with pytest.raises(ValidationError, match="check digit"):
        subsidies.add_claim(application, users["enterprise"], item=claim.item, subject="202310000020.X")


def test_the_applicant_cap_and_the_claim_cap_apply(users, scheme, own):
    numbers = [granted_patent(own, 10 + n).application_number for n in range(3)]
    application = application_for(users["enterprise"], scheme, own, [("invention", n) for n in numbers])
    amounts = [claim.eligible for claim in application.claims.order_by("pk")]
    assert amounts == [Decimal("0.5"), Decimal("0.5"), Decimal("0")]  # 1 万元 per applicant
    bank = make_bank()
    make_pledge(bank, "ZX-1", pledgor=own, day=datetime.date(2025, 8, 1))
    from zhichan.finance.services.pledges import add_loan

    pledge = own.pledges.get()
    add_loan(pledge, None, contract_number="DK-1", amount=Decimal(300), drawn_on=datetime.date(2025, 8, 2),
             matures_on=datetime.date(2026, 8, 1))  # fmt: skip
    claim = subsidies.add_claim(
        application, users["enterprise"], item=scheme.items.get(key="interest"), subject="DK-1", declared=Decimal(9)
    )
    assert claim.eligible == Decimal(2)  # 50 % of 9 万元 is 4.5, capped at 2 per claim
    assert any("capped" in text for text in _texts(claim))


def test_pct_madrid_and_project_rules(users, scheme, own):
    pct = granted_patent(own, 20, pct_number="PCT/CN2025/000001", pct_filing_date=datetime.date(2025, 8, 1))
    mark = madrid_mark(own)
    application = application_for(
        users["enterprise"],
        scheme,
        own,
        [("pct", pct.application_number), ("madrid", mark.registration_number), ("navigation", "南知〔2026〕3号")],
    )
    assert {c.item.key: c.eligible for c in application.claims.all()} == {
        "pct": Decimal(1),
        "madrid": Decimal("0.5"),
        "navigation": Decimal(20),
    }


def _through_review(users, application, day=DAY):
    subsidies.pass_review(application, users["shuitou-liaison"], day=day)
    subsidies.pass_review(application, users["office"], day=day)
    subsidies.pass_review(application, users["finance-liaison"], day=day)
    return application


def test_the_whole_workflow_with_a_return_an_objection_and_the_payment(users, scheme, own):
    patent = granted_patent(own, 30)
    enterprise, office = users["enterprise"], users["office"]
    application = application_for(enterprise, scheme, own, [("invention", patent.application_number)])
    subsidies.submit(application, enterprise, day=DAY)
    assert application.stage == Stage.TOWNSHIP and application.township == users["shuitou-liaison"].unit
    assert clock(application, DAY, rule="subsidy-township-review").days_left == 10

    with pytest.raises(PermissionDenied):  # not the township's: the court's liaison
        subsidies.pass_review(application, users["court-liaison"], day=DAY)
    subsidies.pass_review(application, users["shuitou-liaison"], day=DAY)
    with pytest.raises(ValidationError, match="reasons"):
        subsidies.return_application(application, office, reasons=" ", day=DAY)
    subsidies.return_application(application, office, reasons="请补充授权证书", day=DAY)
    assert application.stage == Stage.RETURNED and application.returned_from == Stage.OFFICE
    with pytest.raises(PermissionDenied):
        subsidies.pass_review(application, office, day=DAY)

    subsidies.add_file(application, enterprise, file=pdf_file("授权证书.pdf"))
    subsidies.submit(application, enterprise, day=DAY)
    assert application.stage == Stage.OFFICE  # back to the stage that returned it
    subsidies.pass_review(application, office, day=DAY)
    assert application.claims.get().approved == Decimal("0.5")
    with pytest.raises(PermissionDenied):
        subsidies.pass_review(application, users["shuitou-liaison"], day=DAY)
    subsidies.pass_review(application, users["finance-liaison"], day=DAY)
    assert application.stage == Stage.NOTICE
    assert application.notice_to == datetime.date(2026, 7, 13)  # 5 working days from Monday 6 July

    objection = subsidies.record_objection(application, office, text="该专利已转让", received_on=DAY)
    with pytest.raises(ValidationError, match="notice runs until"):
        subsidies.pay(application, users["finance-liaison"], paid_on=datetime.date(2026, 7, 13))
    with pytest.raises(ValidationError, match="objection"):
        subsidies.pay(application, users["finance-liaison"], paid_on=datetime.date(2026, 7, 20))
    subsidies.decide_objection(application, office, objection=objection, upheld=False, decision="经核实仍为申请人所有")
    paid = subsidies.pay(application, users["finance-liaison"], paid_on=datetime.date(2026, 7, 20), voucher="PZ-1")
    assert paid.stage == Stage.PAID and paid.paid_amount == Decimal("0.5")
    kinds = [event.kind for event in events_of(application)]
    assert {"subsidy.submitted", "subsidy.returned", "subsidy.passed", "subsidy.paid"} <= set(kinds)
    assert [r.outcome for r in application.reviews.all()] == ["passed", "returned", "passed", "passed"]


def test_an_upheld_objection_sends_it_back_to_the_office(users, scheme, own):
    patent = granted_patent(own, 31)
    application = application_for(users["enterprise"], scheme, own, [("invention", patent.application_number)])
    subsidies.submit(application, users["enterprise"], day=DAY)
    _through_review(users, application)
    objection = subsidies.record_objection(application, users["office"], text="重复申报", received_on=DAY)
    subsidies.decide_objection(application, users["office"], objection=objection, upheld=True, decision="核减")
    assert application.stage == Stage.OFFICE and application.notice_from is None


def test_nothing_is_subsidised_twice_across_schemes_and_years(users, scheme, own):
    patent = granted_patent(own, 40)
    enterprise = users["enterprise"]
    first = application_for(enterprise, scheme, own, [("invention", patent.application_number)])
    subsidies.submit(first, enterprise, day=DAY)
    _through_review(users, first)

    later = make_scheme(key="test-subsidy-2027", year=2027, window_to=datetime.date(2027, 6, 30),
                        opens_on=datetime.date(2026, 1, 1))  # fmt: skip
    second = application_for(enterprise, later, own, [("invention", patent.application_number)])
    claim = second.claims.get()
    assert claim.eligible == 0
    assert any(first.number in text for text in _texts(claim))
    with pytest.raises(ValidationError) as refused:
        subsidies.submit(second, enterprise, day=DAY)
    assert first.number in str(refused.value) and "测试专项资金资助" in str(refused.value)


def test_a_past_award_imported_is_named_by_the_guard(users, scheme, own):
    patent = granted_patent(own, 41)
    PastAward.objects.create(
        applicant=own, applicant_name=own.name, scheme_name="2025年度专利资助", year=2025, basis="invention-granted",
        subject=patent.application_number, amount=Decimal("0.3"),
    )  # fmt: skip
    application = application_for(users["enterprise"], scheme, own, [("invention", patent.application_number)])
    with pytest.raises(ValidationError, match="2025年度专利资助"):
        subsidies.submit(application, users["enterprise"], day=DAY)


def test_an_enterprise_applies_only_for_itself_and_only_while_the_scheme_is_open(users, scheme, own):
    other = Enterprise.objects.exclude(pk=own.pk).first() or make_enterprise(8)
    with pytest.raises(PermissionDenied):
        application_for(users["enterprise"], scheme, other)
    with pytest.raises(ValidationError, match="from 2026-01-01 to 2026-12-31"):
        application_for(users["enterprise"], scheme, own, day=datetime.date(2027, 1, 2))
    with pytest.raises(ValidationError, match="supporting documents"):
        draft = application_for(users["enterprise"], scheme, own, [("navigation", "文件1")], files=False)
        subsidies.submit(draft, users["enterprise"], day=DAY)


def test_the_office_sets_an_approved_amount_with_a_reason(users, scheme, own):
    application = application_for(users["enterprise"], scheme, own, [("invention", "202310000019.5")])
    subsidies.submit(application, users["enterprise"], day=DAY)
    subsidies.pass_review(application, users["shuitou-liaison"], day=DAY)
    claim = application.claims.get()
    with pytest.raises(ValidationError, match="More than"):
        subsidies.set_approved(application, users["office"], claim=claim, amount=Decimal(1), note="核对证书")
    subsidies.set_approved(application, users["office"], claim=claim, amount=Decimal("0.5"), note="已核对授权证书原件")
    subsidies.pass_review(application, users["office"], day=DAY)
    assert application.approved_total == Decimal("0.5")


def test_what_a_walk_through_the_pages_found(users, scheme, own):
    """A future payment date, an amount by hand for another's patent, a document attached by mistake, the clock
    of a stage entered again, the applicant told of a return."""
    from zhichan.core.models import Attachment, Notification

    other = granted_patent(make_enterprise(11), 50)
    enterprise, office = users["enterprise"], users["office"]
    application = application_for(enterprise, scheme, own, [("invention", other.application_number)])
    mistaken = Attachment.objects.on(application).get()
    subsidies.remove_file(application, enterprise, attachment=mistaken)
    assert not Attachment.objects.on(application).exists()
    subsidies.add_file(application, enterprise, file=pdf_file())
    subsidies.submit(application, enterprise, day=DAY)
    subsidies.pass_review(application, users["shuitou-liaison"], day=DAY)
    claim = application.claims.get()
    with pytest.raises(ValidationError, match="The rules refuse this claim"):
        subsidies.set_approved(application, office, claim=claim, amount=Decimal("0.5"), note="核对证书")

    subsidies.return_application(application, office, reasons="请说明权属", day=DAY)
    assert Notification.objects.filter(user=enterprise, title__contains=application.number).exists()
    later = DAY + datetime.timedelta(days=7)
    subsidies.submit(application, enterprise, day=later)
    reading = clock(application, later, rule="subsidy-office-review")
    assert reading.stopped is None and reading.start == later  # running again from the new submission

    claim.refresh_from_db()
    subsidies.refuse_application(application, office, reasons="非申请人专利", day=later)
    paid = application_for(enterprise, scheme, own, [("invention", granted_patent(own, 51).application_number)])
    subsidies.submit(paid, enterprise, day=DAY)
    _through_review(users, paid)
    with pytest.raises(ValidationError, match="not on a day still to come"):
        subsidies.pay(paid, users["finance-liaison"], paid_on=datetime.date.today() + datetime.timedelta(days=1))
