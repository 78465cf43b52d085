"""Enterprise self-service: an enterprise registers with its credit code (checked) and an account that reads
nothing until the office verifies it; the office verifies (linking the account, entering the enterprise in the
register when it is not there) or refuses with a reason; the enterprise then reads its own page — and only its
own."""

import datetime
import re

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from zhichan.core.events import events_of
from zhichan.core.models import Attachment, Region, User
from zhichan.core.roles import Role
from zhichan.portal.models import EnterpriseRegistration, RegistrationState, Service
from zhichan.portal.services import registrations, requests
from zhichan.portal.services.challenge import SALT
from zhichan.registry.models import Enterprise
from zhichan.registry.services.entries import create_patent, create_trademark

from ..files import PDF
from ..registry.registers import patent_number
from .factories import make_request
from .registration_factories import PASSWORD, code, make_registration

pytestmark = pytest.mark.django_db

SHUITOU = "350583119"
REGISTER = reverse("portal-enterprise-register")


def _form(client):
    page = client.get(REGISTER).content.decode()
    token = re.search(r'name="challenge" value="([^"]+)"', page).group(1)
    return token, str(signing.loads(token, salt=SALT))


def _fields(client, **changes):
    token, answer = _form(client)
    fields = {
        "name": "南安市试点石材有限公司",
        "credit_code": code(),
        "region": Region.objects.get(code=SHUITOU).pk,
        "contact": "林经理",
        "phone": "13800000001",
        "email": "lin@example.com",
        "username": "shitou",
        "password": PASSWORD,
        "password_again": PASSWORD,
        "challenge": token,
        "answer": answer,
    }
    fields.update(changes)
    return {name: value for name, value in fields.items() if value is not None}


def _enterprise(name="南安示范机械有限公司", body="91350583MA0TEXT02"):
    return Enterprise.objects.create(name=name, uscc=code(body), region=Region.objects.get(code=SHUITOU))


def _wrong_check(value: str) -> str:
    return value[:-1] + ("1" if value[-1] != "1" else "2")


# --- registering -------------------------------------------------------------------------------------------------


def test_a_visitor_registers_and_its_account_reads_nothing_until_verified():
    client = Client()
    licence = SimpleUploadedFile("营业执照.pdf", PDF, content_type="application/pdf")
    response = client.post(REGISTER, _fields(client, credit_code=code().lower(), document=licence))
    assert response.status_code == 302 and response.url == reverse("portal-enterprise-start")
    made = EnterpriseRegistration.objects.get()
    assert made.state == RegistrationState.AWAITING and made.credit_code == code()  # normalized
    assert made.user.username == "shitou" and made.user.role == Role.PUBLIC and made.user.check_password(PASSWORD)
    assert made.region.code == SHUITOU and made.network
    assert [file.name for file in Attachment.objects.on(made)] == ["营业执照.pdf"]
    assert [event.kind for event in events_of(made)] == ["portal.registration_submitted"]
    # Signed in at once: the page for enterprises says where the registration stands.
    start = client.get(response.url).content.decode()
    assert "待核实" in start and code() in start
    # Nothing else: the public role reads no programme page, no enterprise page.
    assert client.get(reverse("portal-enterprise")).status_code == 403
    assert client.get(reverse("patent-list")).status_code == 403
    assert client.get(reverse("finance-application-new")).status_code == 403
    workbench = client.get(reverse("workbench")).content.decode()
    assert 'data-testid="portal-panel-registration"' in workbench


def test_a_wrong_credit_code_is_refused_naming_the_field_and_keeps_what_was_typed():
    client = Client()
    response = client.post(REGISTER, _fields(client, credit_code=_wrong_check(code())))
    page = response.content.decode()
    assert response.status_code == 400
    field_error = re.search(r'id="id_credit_code_error">(.*?)</div></div>', page, re.S).group(1)
    assert "校验码错误" in field_error  # beside the field, and in the list above it by the field's name
    assert re.search(r'href="#id_credit_code">统一社会信用代码</a>: 校验码错误', page)
    assert "南安市试点石材有限公司" in page and "林经理" in page
    short = client.post(REGISTER, _fields(client, credit_code="9135058312345"))
    assert short.status_code == 400 and "统一社会信用代码应为18位" in short.content.decode()
    empty = client.post(REGISTER, _fields(client, credit_code=""))
    assert empty.status_code == 400 and "请填写企业的统一社会信用代码" in empty.content.decode()
    assert not EnterpriseRegistration.objects.exists() and not User.objects.filter(username="shitou").exists()
    with pytest.raises(ValidationError, match="校验码错误") as caught:
        make_registration(credit_code=_wrong_check(code()))
    assert list(caught.value.message_dict) == ["credit_code"]


def test_the_account_is_checked_by_django_s_rules_and_every_mistake_shows_at_once(users):
    client = Client()
    response = client.post(
        REGISTER,
        _fields(client, username="office", password="12345678", password_again="12345678", phone="打电话", name=""),
    )
    page = response.content.decode()
    assert response.status_code == 400
    for expected in ("用户名已被使用", "密码太短", "填写企业名称", "电话号码"):
        assert expected in page, expected
    differ = client.post(REGISTER, _fields(client, password_again="Another-password-2026"))
    assert differ.status_code == 400 and "两次输入的密码不一致" in differ.content.decode()
    wrong = client.post(REGISTER, _fields(client, answer="99"))
    assert wrong.status_code == 400 and "不是正确答案" in wrong.content.decode()
    assert not EnterpriseRegistration.objects.exists()


def test_a_code_that_already_has_an_account_is_refused_without_saying_whose(users):
    first = make_registration()
    registrations.verify(first, users["office"], region=Region.objects.get(code=SHUITOU))
    with pytest.raises(ValidationError, match="已在平台开通账号") as caught:
        make_registration("another")
    assert "shitou" not in str(caught.value) and "林经理" not in str(caught.value)
    # An enterprise whose account the office made (the demo enterprise's) likewise.
    demo = Enterprise.objects.get(members__username="enterprise")
    with pytest.raises(ValidationError, match="已在平台开通账号"):
        make_registration("third", credit_code=demo.uscc)


def test_staff_do_not_register_and_the_network_is_limited(users):
    with pytest.raises(PermissionDenied):
        registrations.register(
            users["amr-liaison"], name="某公司", credit_code=code(), contact="张", phone="13800000000"
        )
    with override_settings(ZHICHAN_PORTAL_REQUESTS_PER_HOUR=1):
        make_registration("one", network="203.0.113.9")
        with pytest.raises(ValidationError, match="注册次数较多"):
            make_registration("two", credit_code=code("91350583MA0TEXT03"), network="203.0.113.9")


# --- the office's verification -----------------------------------------------------------------------------------


def test_verifying_links_the_account_to_the_enterprise_in_the_register(client_for):
    enterprise = _enterprise()
    made = make_registration(credit_code=enterprise.uscc, name="南安示范机械公司")
    office = client_for("office")
    listed = office.get(reverse("portal-registration-list")).content.decode()
    assert "南安示范机械公司" in listed and "南安示范机械有限公司" in listed  # the register's name beside it
    page = office.get(made.get_absolute_url()).content.decode()
    assert 'data-testid="registration-register"' in page and "南安示范机械有限公司" in page
    step = reverse("portal-registration-step", args=[made.pk])
    assert office.post(step, {"step": "verify", "verify-note": "已核对营业执照"}).status_code == 302
    made.refresh_from_db()
    account = made.user
    assert made.state == RegistrationState.VERIFIED and made.enterprise == enterprise
    assert account.role == Role.ENTERPRISE and list(account.enterprises.all()) == [enterprise]
    assert Enterprise.objects.filter(uscc=enterprise.uscc).count() == 1  # nothing entered twice
    assert [event.kind for event in events_of(made)][0] == "portal.registration_verified"
    assert account.notifications.filter(key=f"enterprise-registration:{made.pk}:verified").exists()
    # Signed in, the enterprise reads its page.
    applicant = Client()
    applicant.force_login(account)
    own = applicant.get(reverse("portal-enterprise"))
    assert own.status_code == 200 and "南安示范机械有限公司" in own.content.decode()
    # Decided once.
    with pytest.raises(ValidationError, match="已核实"):
        registrations.refuse(made, None, reason="重复")


def test_a_code_not_in_the_register_is_entered_in_the_township_the_office_chooses(client_for, users):
    made = make_registration(region=Region.objects.get(code=SHUITOU))
    assert not Enterprise.objects.filter(uscc=code()).exists()
    office = client_for("office")
    page = office.get(made.get_absolute_url()).content.decode()
    assert "登记簿中没有该统一社会信用代码的企业" in page
    shijing = Region.objects.get(name="石井镇")
    step = reverse("portal-registration-step", args=[made.pk])
    assert office.post(step, {"step": "verify", "verify-region": shijing.pk}).status_code == 302
    entered = Enterprise.objects.get(uscc=code())
    assert entered.name == "南安市试点石材有限公司" and entered.region == shijing
    assert [event.kind for event in events_of(entered)] == ["register.entered"]
    # Without a choice: the applicant's township; without that: the region the code's division names.
    second = make_registration("second", credit_code=code("91350583MA0TEXT04"), region=Region.objects.get(code=SHUITOU))
    registrations.verify(second, users["office"])
    assert Enterprise.objects.get(uscc=second.credit_code).region.code == SHUITOU
    third = make_registration("third", credit_code=code("91350583MA0TEXT05"))
    registrations.verify(third, users["office"])
    assert Enterprise.objects.get(uscc=third.credit_code).region.code == "350583"


def test_only_the_office_verifies(users):
    made = make_registration()
    for username in ("leader", "shuitou-liaison", "enterprise"):
        with pytest.raises(PermissionDenied):
            registrations.verify(made, users[username])
    with pytest.raises(PermissionDenied):
        registrations.refuse(made, users["leader"], reason="x")


def test_a_refused_registration_shows_its_reason_and_the_applicant_registers_again(client_for):
    made = make_registration(credit_code=code("91350583MA0TEXT06"))
    office = client_for("office")
    step = reverse("portal-registration-step", args=[made.pk])
    empty = office.post(step, {"step": "refuse", "refuse-reason": ""})
    assert empty.status_code == 400 and "请写明理由" in empty.content.decode()
    office.post(step, {"step": "refuse", "refuse-reason": "营业执照上的名称与填写的不一致，请核对后重新注册。"})
    made.refresh_from_db()
    assert made.state == RegistrationState.REFUSED and made.user.role == Role.PUBLIC
    applicant = Client()
    applicant.force_login(made.user)
    start = applicant.get(reverse("portal-enterprise-start")).content.decode()
    assert "营业执照上的名称与填写的不一致" in start and 'data-state="refused"' in start
    # Again, signed in: no new account is asked for.
    form = applicant.get(REGISTER).content.decode()
    assert 'name="username"' not in form
    again = applicant.post(REGISTER, {k: v for k, v in _fields(applicant).items() if "password" not in k})
    assert again.status_code == 302
    assert EnterpriseRegistration.objects.filter(user=made.user).count() == 2
    assert User.objects.filter(username="shitou").count() == 1


# --- the enterprise's own page ------------------------------------------------------------------------------------


def _today_minus_years(day, years, plus_days):
    target = day + datetime.timedelta(days=plus_days)
    try:
        return target.replace(year=target.year - years)
    except ValueError:  # 29 February
        return target.replace(year=target.year - years, day=28)


def _member(username, enterprise):
    user = User.objects.create(username=username, role=Role.ENTERPRISE)
    enterprise.members.add(user)
    return user


def test_an_enterprise_reads_its_own_portfolio_deadlines_subsidies_and_requests_and_nothing_else(catalogue):
    from ..finance.subsidy_fixtures import make_scheme

    today = timezone.localdate()
    own, other = (
        _enterprise("南安甲石材有限公司", "91350583MA0TEXT07"),
        _enterprise("南安乙石材有限公司", "91350583MA0TEXT08"),
    )
    reader, colleague, stranger = _member("jia", own), _member("jia2", own), _member("yi", other)
    filed = _today_minus_years(today, 3, 20)  # the next annuity falls due in 20 days
    annuity, _created = create_patent(
        None,
        patent_number(filed.year, "1", 4401),
        title="一种石材切割装置",
        filing_date=filed,
        grant_date=today - datetime.timedelta(days=100),
        holders=[own],
    )
    theirs, _created = create_patent(
        None,
        patent_number(2020, "2", 4402),
        title="乙公司的装置",
        filing_date=datetime.date(2020, 5, 1),
        grant_date=datetime.date(2020, 12, 1),
        holders=[other],
    )
    mark, _created = create_trademark(
        None, "61000001", mark="甲石", registration_date=_today_minus_years(today, 10, 40), holders=[own]
    )
    scheme = make_scheme(opens_on=today - datetime.timedelta(days=10), closes_on=today + datetime.timedelta(days=30))
    pledge = Service.objects.get(code="pledge-consultation")
    service = requests.submit  # signed in: the request names its account
    asked = service(
        reader, pledge, matter="甲公司咨询质押", name="甲", phone="13800000000", answers={"enterprise": "甲"}
    )
    by_colleague = service(
        colleague,
        pledge,
        matter="同事代企业咨询",
        name="甲2",
        phone="13800000000",
        credit_code=own.uscc,
        answers={"enterprise": "甲"},
    )
    by_visitor = make_request(credit_code=own.uscc, matter="陌生人填了甲的代码")
    by_stranger = service(
        stranger,
        pledge,
        matter="乙公司的咨询",
        name="乙",
        phone="13800000000",
        credit_code=own.uscc,
        answers={"enterprise": "乙"},
    )

    client = Client()
    client.force_login(reader)
    response = client.get(reverse("portal-enterprise"), {"days": "90"})
    page = response.content.decode()
    assert response.status_code == 200 and "南安甲石材有限公司" in page
    assert re.search(r'data-testid="portal-count-patents">1<', page)
    assert re.search(r'data-testid="portal-count-trademarks">1<', page)
    deadlines = page.split('data-testid="portal-deadlines"')[1].split("</section>")[0]
    assert annuity.application_number in deadlines and "61000001" in deadlines
    narrow = client.get(reverse("portal-enterprise"), {"days": "30"}).content.decode()
    assert annuity.application_number in narrow.split('data-testid="portal-renewals"')[0]
    assert "61000001" not in narrow.split('data-testid="portal-renewals"')[1].split("</ul>")[0]
    assert f"{reverse('finance-application-new')}?scheme={scheme.pk}" in page
    assert asked.number in page and by_colleague.number in page
    assert by_visitor.number not in page and by_stranger.number not in page
    # Nothing of the other enterprise, and its page answers 404.
    assert theirs.application_number not in page and "南安乙石材有限公司" not in page
    assert client.get(reverse("portal-enterprise-detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("portal-enterprise-detail", args=[own.pk])).status_code == 200


def test_the_enterprise_page_lists_its_subsidy_applications_with_their_stage(users):
    from ..finance.subsidy_fixtures import application_for, make_scheme

    today = timezone.localdate()
    scheme = make_scheme(opens_on=today - datetime.timedelta(days=10), closes_on=today + datetime.timedelta(days=30))
    own = Enterprise.objects.get(members__username="enterprise")
    application = application_for(users["enterprise"], scheme, own, day=today)
    client = Client()
    client.force_login(users["enterprise"])
    page = client.get(reverse("portal-enterprise")).content.decode()
    block = page.split('data-testid="portal-applications"')[1].split("</ul>")[0]
    assert application.number in block and "草稿" in block
    assert application.get_absolute_url() in block


def test_the_office_is_told_of_registrations_waiting(client_for):
    make_registration()
    workbench = client_for("office").get(reverse("workbench")).content.decode()
    assert "待核实的企业注册" in workbench and reverse("portal-registration-list") in workbench
