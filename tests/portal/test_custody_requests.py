"""A custody application made on the portal lands as the services module's CustodyApplication through that module's
own intake — one record, no second copy — and the request follows it: answered when the engagement is made (with
the agency), closed with the reason when it is declined; the committed deadline stops on the answer."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zhichan.core.clocks import State
from zhichan.core.events import events_of
from zhichan.core.models import Attachment, DeadlineRule
from zhichan.portal.models import PublicRequest, RequestState, Service, Target
from zhichan.portal.services import requests
from zhichan.portal.services.catalogue import FILE, change_service, load_services
from zhichan.registry.demo.numbers import demo_uscc
from zhichan.registry.models import Enterprise
from zhichan.services.models import CustodyApplication
from zhichan.services.services import custody_applications

from ..files import image
from ..services.factories import make_agency
from .factories import RECEIVED, make_request

pytestmark = pytest.mark.django_db
D = datetime.date
ANSWERS = {"enterprise": "南安某阀门有限公司", "custody_scope": "partial", "service": "maintenance"}


@pytest.fixture
def enterprise(catalogue):
    from zhichan.core.models import Region, RegionKind

    township = Region.objects.filter(kind__in=RegionKind.township_level()).order_by("path").first()
    return Enterprise.objects.create(name="南安某阀门有限公司", uscc=demo_uscc(9001), region=township)


def apply(enterprise, **values):
    return make_request("custody", answers=dict(ANSWERS), credit_code=enterprise.uscc, **values)


ACCEPTED_ON = D(2024, 5, 20)


def accept(application, user=None, day=ACCEPTED_ON):
    return custody_applications.accept_application(
        application,
        user,
        day=day,
        enterprise=application.enterprise,
        agency=make_agency(None, n=60, name="南安某知识产权代理所"),
        agreement_number="TG2024-SQ1",
        start=D(2024, 6, 1),
        end=D(2025, 5, 31),
        custody_scope="partial",
        services=["maintenance"],
        fee="20000",
        payer="enterprise",
    )


def test_the_custody_service_lands_in_ip_services_asking_in_the_modules_values(catalogue):
    from zhichan.services.models import CustodyScope, CustodyService

    service = Service.objects.get(code="custody")
    assert service.target == Target.CUSTODY and not service.anonymous
    choices = {question["key"]: {c["value"] for c in question.get("choices", [])} for question in service.fields}
    assert choices["custody_scope"] == set(CustodyScope.values) and choices["service"] <= set(CustodyService.values)
    assert "enterprise" in choices


def test_a_custody_request_lands_as_exactly_one_application(enterprise):
    photo = SimpleUploadedFile("营业执照.png", image(), content_type="image/png")
    made = apply(enterprise, files=[photo], email="wang@example.com")
    application = made.record
    assert isinstance(application, CustodyApplication) and CustodyApplication.objects.count() == 1
    assert PublicRequest.objects.count() == 1 and made.object_id == application.pk
    assert application.enterprise == enterprise and application.credit_code == enterprise.uscc
    assert application.enterprise_name == "南安某阀门有限公司" and application.unit.key == "amr"
    assert (application.contact_name, application.contact_phone, application.contact_email) == (
        "王先生",
        "13800000000",
        "wang@example.com",
    )
    assert application.services == ["maintenance"] and application.custody_scope == "partial"
    assert application.reference == made.number and application.received_on == RECEIVED
    assert application.created_by is None and made.state == RequestState.RECEIVED
    # The licence is kept once, on the application, and read from the request.
    assert [file.name for file in Attachment.objects.on(application)] == ["营业执照.png"]
    assert not Attachment.objects.on(made).exists()
    assert [file.name for file in requests.landed_files(made)] == ["营业执照.png"]
    assert [event.kind for event in events_of(application)] == ["custody_application.received"]


def test_an_enterprise_not_in_the_register_lands_with_its_name_and_code_as_typed(catalogue):
    code = demo_uscc(9002)
    made = make_request("custody", answers={"enterprise": "南安某新办企业"}, credit_code=code)
    application = made.record
    assert application.enterprise is None and application.enterprise_name == "南安某新办企业"
    assert application.credit_code == code and application.services == []


@pytest.mark.parametrize(
    "code",
    ["", demo_uscc(9003)[:-1] + ("0" if demo_uscc(9003)[-1] != "0" else "1")],
)
def test_an_application_needs_a_right_credit_code_and_nothing_is_kept_without_it(catalogue, code):
    with pytest.raises(ValidationError) as refused:
        make_request("custody", answers=dict(ANSWERS), credit_code=code)
    assert "credit_code" in refused.value.message_dict
    assert not PublicRequest.objects.exists() and not CustodyApplication.objects.exists()


def test_accepting_the_application_answers_the_request_with_the_agency(enterprise, users):
    made = apply(enterprise)
    accept(made.record, users["amr-liaison"])
    made.refresh_from_db()
    assert made.state == RequestState.ANSWERED and made.answered_on == D(2024, 5, 20)
    assert "南安某知识产权代理所" in made.answer and "2024-06-01" in made.answer and "TG2024-SQ1" in made.answer
    assert made.decided_by.key == "amr"
    assert [event.kind for event in events_of(made)][:2] == ["portal.followed", "portal.submitted"]


def test_declining_it_closes_the_request_with_the_reason(enterprise, users):
    made = apply(enterprise)
    custody_applications.decline_application(
        made.record, users["office"], "本年度托管名额已满，请明年申请。", D(2024, 5, 9)
    )
    made.refresh_from_db()
    assert made.state == RequestState.CLOSED and made.closed_on == D(2024, 5, 9)
    assert "本年度托管名额已满，请明年申请。" in made.answer
    status = reverse("portal-status", args=[made.number])
    from django.test import Client

    assert "本年度托管名额已满" in Client().get(status).content.decode()


def test_the_committed_deadline_stops_on_the_answer(enterprise, users):
    rule = DeadlineRule.objects.create(
        key="custody-answer", name="托管申请答复", length=15, unit="working-days", start_event="收到申请"
    )
    Service.objects.filter(code="custody").update(rule=rule)
    made = apply(enterprise)
    (running,) = requests.readings(made, D(2024, 5, 10))
    assert running.state not in (State.MET, State.OVERDUE) and running.stopped is None
    accept(made.record, users["amr-liaison"], day=D(2024, 5, 20))
    (reading,) = requests.readings(made, D(2024, 6, 30))
    assert reading.state == State.MET and reading.stopped == D(2024, 5, 20)


def test_a_landed_custody_request_is_not_answered_on_the_portal(enterprise, users):
    from django.core.exceptions import PermissionDenied

    made = apply(enterprise)
    with pytest.raises(PermissionDenied):
        requests.answer(made, users["amr-liaison"], text="x")


def test_the_staff_page_of_the_request_links_the_application(enterprise, client_for):
    made = apply(enterprise)
    page = client_for("amr-liaison").get(reverse("portal-request-detail", args=[made.pk])).content.decode()
    assert reverse("custody-application-detail", args=[made.record.pk]) in page


def test_an_office_edit_of_the_custody_service_keeps_its_wording_and_takes_the_new_target(catalogue, users):
    service = Service.objects.get(code="custody")
    Service.objects.filter(pk=service.pk).update(target=Target.PORTAL, fields=[])  # as before custody landed
    service.refresh_from_db()
    change_service(service, users["office"], name="企业知识产权托管申请", anonymous=True)
    result = load_services(settings.PROJECT_DIR / FILE)
    service.refresh_from_db()
    assert service.target == Target.CUSTODY and service.name == "企业知识产权托管申请" and not service.from_file
    assert not service.anonymous  # a custody application names its applicant
    assert result["updated"] >= 1
    # The office's questions (none) kept: the intake then takes the requester's name as the enterprise's.
    made = make_request("custody", name="南安某新办企业", credit_code=demo_uscc(9004))
    assert made.record.enterprise_name == "南安某新办企业"
    assert load_services(settings.PROJECT_DIR / FILE)["kept"] >= 1


def test_the_public_form_asks_for_the_credit_code_in_the_first_round(enterprise):
    import re

    from django.core import signing
    from django.test import Client

    from zhichan.portal.services.challenge import SALT

    client = Client()
    url = reverse("portal-service", args=["custody"])
    page = client.get(url).content.decode()
    assert re.search(r'<input[^>]*name="credit_code"[^>]*required', page)
    token = re.search(r'name="challenge" value="([^"]+)"', page).group(1)
    values = {
        "name": "黄经理",
        "phone": "13900000000",
        "matter": "希望托管年费缴纳。",
        "q_enterprise": enterprise.name,
        "q_service": "maintenance",
        "challenge": token,
        "answer": str(signing.loads(token, salt=SALT)),
    }
    refused = client.post(url, values)
    assert refused.status_code == 400 and "营业执照" in refused.content.decode()
    assert not PublicRequest.objects.exists() and not CustodyApplication.objects.exists()
    page = refused.content.decode()
    token = re.search(r'name="challenge" value="([^"]+)"', page).group(1)
    values.update(credit_code=enterprise.uscc, challenge=token, answer=str(signing.loads(token, salt=SALT)))
    made = client.post(url, values)
    request = PublicRequest.objects.get()
    assert made.status_code == 302 and request.record.enterprise == enterprise
    assert CustodyApplication.objects.get().reference == request.number
