"""Custody applications: taken in (linked to the register's enterprise when its code is found there), accepted by
entering the engagement they become (or with one entered before), declined with a reason; decided only by the office
and the following unit's liaison; the contact person read only by them. The pages, the API and the workbench."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.services.models import ApplicationState, CustodyApplication, CustodyEngagement
from zhichan.services.services import custody_applications as applications
from zhichan.services.todos import custody_application_todos

from .factories import make_agency, make_application, make_engagement, make_enterprise, uscc

D = datetime.date
NOT_CONTACT = ("张三丰", "13912345678", "zhang@example.com")


def engagement_values(agency, **values):
    return {
        "agency": agency,
        "agreement_number": "TG-SQ-1",
        "start": D(2024, 6, 1),
        "end": D(2025, 5, 31),
        "custody_scope": "partial",
        "services": ["maintenance"],
        "fee": "20000",
        "payer": "enterprise",
        **values,
    }


def test_an_application_is_taken_in_and_linked_to_the_register_when_its_code_is_found(users):
    enterprise = make_enterprise(1)
    linked = make_application(users["amr-liaison"], n=1, credit_code=enterprise.uscc.lower(), enterprise_name="")
    assert linked.enterprise == enterprise and linked.enterprise_name == enterprise.name
    assert linked.unit == users["amr-liaison"].unit and linked.state == ApplicationState.RECEIVED
    assert linked.created_by == users["amr-liaison"]
    typed = make_application(None, n=2)
    assert typed.enterprise is None and typed.enterprise_name == "申请托管企业2" and typed.unit.key == "amr"
    assert [event.kind for event in events_of(typed)] == ["custody_application.received"]
    assert "张三丰" not in events_of(typed)[0].label  # the event log names the enterprise, not the person


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"credit_code": ""}, "credit_code"),
        ({"credit_code": "wrong check character"}, "credit_code"),
        ({"enterprise_name": ""}, "enterprise_name"),
        ({"contact_name": " "}, "contact_name"),
        ({"contact_phone": "", "contact_email": ""}, "contact_phone"),
        ({"contact_email": "not-an-address"}, "contact_email"),
        ({"services": ["catering"]}, "services"),
        ({"custody_scope": "most"}, "custody_scope"),
        ({"matter": ""}, "matter"),
        ({"received_on": D(2099, 1, 1)}, "received_on"),
    ],
)
def test_bad_input_is_refused_naming_the_field(users, values, field):
    if values.get("credit_code") == "wrong check character":
        right = uscc(10, "91350583MA4W")
        values = {"credit_code": right[:-1] + ("1" if right[-1] == "0" else "0")}
    with pytest.raises(ValidationError) as refused:
        make_application(None, n=10, **values)
    assert field in refused.value.message_dict
    assert not CustodyApplication.objects.exists()


def test_an_enterprise_awaiting_a_decision_is_told_so_rather_than_kept_twice(users):
    first = make_application(None, n=1)
    with pytest.raises(ValidationError) as refused:
        make_application(None, n=1, contact_name="李四")
    assert "credit_code" in refused.value.message_dict and "申请托管企业1" in str(refused.value)
    applications.decline_application(first, users["office"], reason="材料不全，请补齐后再申请。", day=D(2024, 5, 7))
    assert make_application(None, n=1, received_on=D(2024, 5, 8)).state == ApplicationState.RECEIVED


def test_who_may_take_in_an_application(users):
    with pytest.raises(PermissionDenied):
        make_application(users["enterprise"], n=1)
    with pytest.raises(PermissionDenied):
        make_application(users["leader"], n=1)
    hosted = make_application(users["office"], n=2)
    assert hosted.unit.key == "amr"  # the office names no unit: the unit hosting it
    from zhichan.core.models import Unit

    with pytest.raises(PermissionDenied):
        applications.receive_application(
            users["amr-liaison"],
            unit=Unit.objects.get(key="court"),
            enterprise_name="某公司",
            credit_code=uscc(3, "91350583MA4W"),
            contact_name="王五",
            contact_phone="13800000000",
            matter="托管",
        )


def test_accepting_enters_the_engagement_followed_by_the_applications_unit(users):
    enterprise = make_enterprise(1)
    application = make_application(None, n=1, credit_code=enterprise.uscc)
    agency = make_agency(None, n=50)
    accepted = applications.accept_application(
        application, users["amr-liaison"], day=D(2024, 5, 20), enterprise=enterprise, **engagement_values(agency)
    )
    engagement = accepted.engagement
    assert accepted.state == ApplicationState.ACCEPTED and accepted.decided_on == D(2024, 5, 20)
    assert engagement.unit.key == "amr" and engagement.enterprise == enterprise and engagement.agency == agency
    assert CustodyEngagement.objects.count() == 1 and engagement.application == accepted
    assert [event.kind for event in events_of(engagement)] == ["custody.added"]
    (event,) = events_of(accepted).filter(kind="custody_application.accepted")
    assert event.data["agency"] == agency.name and event.user == users["amr-liaison"]
    with pytest.raises(ValidationError):
        applications.decline_application(accepted, users["office"], reason="x")


def test_an_engagement_is_refused_when_it_is_of_another_enterprise_or_the_enterprise_is_not_in_the_register(users):
    application = make_application(None, n=1)  # not in the register
    agency = make_agency(None, n=50)
    with pytest.raises(ValidationError) as refused:
        applications.accept_application(application, users["office"], enterprise=None, **engagement_values(agency))
    assert "enterprise" in refused.value.message_dict
    other = make_enterprise(2)
    with pytest.raises(ValidationError) as refused:
        applications.accept_application(application, users["office"], enterprise=other, **engagement_values(agency))
    assert "enterprise_code" in refused.value.message_dict and other.name in str(refused.value)
    assert not CustodyEngagement.objects.exists()  # refused before any engagement is entered
    application.refresh_from_db()
    assert application.state == ApplicationState.RECEIVED


def test_accepting_with_an_engagement_entered_before(users):
    enterprise = make_enterprise(1)
    engagement = make_engagement(None, n=1, enterprise=enterprise)
    application = make_application(None, n=1, credit_code=enterprise.uscc)
    assert list(applications.engagements_to_link(application, users["amr-liaison"])) == [engagement]
    assert not applications.engagements_to_link(application, users["court-liaison"]).exists()
    with pytest.raises(ValidationError):
        applications.accept_application(application, users["office"], engagement=make_engagement(None, n=2))
    applications.accept_application(application, users["amr-liaison"], engagement=engagement, day=D(2024, 5, 7))
    again = make_application(None, n=1, credit_code=enterprise.uscc, received_on=D(2024, 5, 8))
    with pytest.raises(ValidationError) as refused:
        applications.accept_application(again, users["office"], engagement=engagement)
    assert "engagement" in refused.value.message_dict
    court = make_engagement(None, n=3, unit_key="court", enterprise=make_enterprise(3))
    third = make_application(None, n=3, credit_code=court.enterprise.uscc)
    with pytest.raises(PermissionDenied):
        applications.accept_application(third, users["amr-liaison"], engagement=court)


def test_declining_needs_a_reason_and_a_day_on_or_after_the_application(users):
    application = make_application(None, n=1)
    with pytest.raises(ValidationError) as refused:
        applications.decline_application(application, users["amr-liaison"], reason=" ")
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        applications.decline_application(application, users["amr-liaison"], reason="x", day=D(2024, 5, 1))
    assert "day" in refused.value.message_dict
    applications.decline_application(application, users["amr-liaison"], reason="不在本县范围。", day=D(2024, 5, 9))
    application.refresh_from_db()
    assert (application.state, application.reason, application.decided_on) == (
        "declined",
        "不在本县范围。",
        D(2024, 5, 9),
    )
    (event,) = events_of(application).filter(kind="custody_application.declined")
    assert event.reason == "不在本县范围。"


@pytest.mark.parametrize("username", ["court-liaison", "shuitou-liaison", "leader", "enterprise"])
def test_only_the_following_unit_and_the_office_decide(users, username):
    application = make_application(None, n=1)
    with pytest.raises(PermissionDenied):
        applications.decline_application(application, users[username], reason="x")
    with pytest.raises(PermissionDenied):
        applications.accept_application(application, users[username], engagement=make_engagement(None, n=1))
    applications.decline_application(application, users["office"], reason="x", day=D(2024, 5, 7))


def test_every_staff_member_reads_applications_and_only_the_unit_and_the_office_the_contact(users):
    application = make_application(None, n=1)
    for username in ("office", "amr-liaison"):
        assert applications.contact(application, users[username])["contact_phone"] == "13912345678"
    for username in ("leader", "court-liaison", "shuitou-liaison"):
        assert CustodyApplication.objects.visible_to(users[username]).count() == 1
        shown = applications.contact(application, users[username])
        assert shown == {"contact_name": "张**", "contact_phone": "••••", "contact_email": "••••"}
    assert not CustodyApplication.objects.visible_to(users["enterprise"]).exists()


# --- pages ------------------------------------------------------------------------------------------------


def test_pages_refuse_the_anonymous_visitor_and_the_enterprise(client, users):
    application = make_application(None, n=1)
    urls = [
        reverse("custody-application-list"),
        reverse("custody-application-new"),
        reverse("custody-application-detail", args=[application.pk]),
        reverse("custody-application-engage", args=[application.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    client.force_login(users["enterprise"])
    for url in urls:
        assert client.get(url).status_code == 403, url
    step = reverse("custody-application-step", args=[application.pk])
    assert client.post(step, {"step": "decline", "d-reason": "x"}).status_code == 403
    assert CustodyApplication.objects.get().state == ApplicationState.RECEIVED


@pytest.mark.parametrize("username", ["court-liaison", "shuitou-liaison", "leader"])
def test_another_unit_reads_the_application_without_its_contact_and_cannot_decide(client, users, username):
    application = make_application(None, n=1)
    client.force_login(users[username])
    page = client.get(reverse("custody-application-detail", args=[application.pk])).content.decode()
    assert "申请托管企业1" in page and "希望托管专利年费" in page
    for private in NOT_CONTACT:
        assert private not in page
    assert "张**" in page and 'data-testid="application-engage"' not in page and "step-decline" not in page
    listed = client.get(reverse("custody-application-list")).content.decode()
    assert "申请托管企业1" in listed and not any(private in listed for private in NOT_CONTACT)
    engage = client.get(reverse("custody-application-engage", args=[application.pk]))
    assert engage.status_code in (200, 403) and 'data-testid="custody-form"' not in engage.content.decode()
    step = reverse("custody-application-step", args=[application.pk])
    assert client.post(step, {"step": "decline", "d-reason": "x"}).status_code in (403, 404)
    assert CustodyApplication.objects.get().state == ApplicationState.RECEIVED


def test_the_unit_declines_on_the_page_with_a_reason(client, users):
    application = make_application(None, n=1)
    client.force_login(users["amr-liaison"])
    page = client.get(reverse("custody-application-detail", args=[application.pk])).content.decode()
    assert all(private in page for private in NOT_CONTACT)
    assert 'data-testid="application-engage"' in page and "step-decline" in page
    assert "step-accept" not in page  # no engagement of the enterprise entered before: it is entered from it
    step = reverse("custody-application-step", args=[application.pk])
    refused = client.post(step, {"step": "decline", "d-reason": ""})
    assert refused.status_code == 400 and "d-reason" in refused.content.decode()
    done = client.post(step, {"step": "decline", "d-reason": "企业不在本县。", "d-day": "2024-05-10"})
    assert done.status_code == 302
    application.refresh_from_db()
    assert application.state == "declined" and application.decided_on == D(2024, 5, 10)
    page = client.get(reverse("custody-application-detail", args=[application.pk])).content.decode()
    assert "企业不在本县。" in page and "step-decline" not in page


def test_the_engagement_form_filled_from_the_application_accepts_it(client, users):
    enterprise = make_enterprise(1)
    application = make_application(None, n=1, credit_code=enterprise.uscc, services=["maintenance", "enforcement"])
    agency = make_agency(None, n=50)
    client.force_login(users["amr-liaison"])
    url = reverse("custody-application-engage", args=[application.pk])
    page = client.get(url).content.decode()
    assert f'value="{enterprise.uscc}"' in page and 'value="enforcement" selected' in page
    assert 'value="partial" selected' in page and 'name="unit"' not in page
    posted = client.post(
        url,
        {
            "enterprise_code": enterprise.uscc,
            "agency": agency.pk,
            "agreement_number": "TG-SQ-9",
            "start": "2024-06-01",
            "end": "2025-05-31",
            "custody_scope": "partial",
            "services": ["maintenance", "enforcement"],
            "fee": "30000",
            "payer": "enterprise",
        },
    )
    engagement = CustodyEngagement.objects.get()
    assert posted.status_code == 302 and posted["Location"] == engagement.get_absolute_url()
    application.refresh_from_db()
    assert application.state == "accepted" and application.engagement == engagement and engagement.unit.key == "amr"
    again = client.get(url).content.decode()
    assert 'data-testid="application-decided"' in again and 'data-testid="custody-form"' not in again


def test_the_office_enters_an_application_taken_at_the_counter_and_the_list_puts_the_waiting_first(client, users):
    decided = make_application(None, n=1, received_on=D(2024, 5, 2))
    applications.decline_application(decided, None, reason="x", day=D(2024, 5, 3))
    make_application(None, n=2, received_on=D(2024, 5, 6))
    client.force_login(users["office"])
    posted = client.post(
        reverse("custody-application-new"),
        {
            "enterprise_name": "柜台申请企业",
            "credit_code": uscc(3, "91350583MA4W"),
            "contact_name": "王五",
            "contact_phone": "0595-86000000",
            "services": ["advice", "strategy"],
            "matter": "电话申请托管。",
            "received_on": "2024-05-04",
        },
    )
    made = CustodyApplication.objects.get(enterprise_name="柜台申请企业")
    assert posted.status_code == 302 and made.services == ["advice", "strategy"] and made.unit.key == "amr"
    listed = client.get(reverse("custody-application-list")).content.decode()
    order = [listed.index(name) for name in ("柜台申请企业", "申请托管企业2", "申请托管企业1")]
    assert order == sorted(order)  # the longest waiting first, the declined last
    waiting = client.get(reverse("custody-application-list"), {"state": "received"}).content.decode()
    assert "申请托管企业1" not in waiting
    ledger = client.get(reverse("custody-list")).content.decode()
    assert reverse("custody-application-list") in ledger
    assert re.search(r'data-testid="custody-applications">[^<]*<span class="badge[^"]*">2\D', ledger)


# --- API and workbench ------------------------------------------------------------------------------------


def test_the_api_reads_masked_takes_in_and_decides(api_for, users):
    application = make_application(None, n=1)
    url = f"/api/v1/services/custody-applications/{application.pk}/"
    for username in ("leader", "court-liaison"):
        body = api_for(username).get(url).json()
        assert body["contact_name"] == "张**" and body["contact_phone"] == "••••" and body["enterprise_name"]
    assert api_for("amr-liaison").get(url).json()["contact_email"] == "zhang@example.com"
    assert api_for("enterprise").get(url).status_code == 403
    assert api_for("court-liaison").post(f"{url}step/", {"step": "decline", "reason": "x"}).status_code == 404
    declined = api_for("amr-liaison").post(f"{url}step/", {"step": "decline", "reason": "重复申请"}, format="json")
    assert declined.status_code == 200 and declined.json()["state"] == "declined"
    enterprise = make_enterprise(2)
    engagement = make_engagement(None, n=2, enterprise=enterprise)
    created = api_for("amr-liaison").post(
        "/api/v1/services/custody-applications/",
        {
            "enterprise_name": enterprise.name,
            "credit_code": enterprise.uscc,
            "contact_name": "李四",
            "contact_email": "li@example.com",
            "services": ["advice"],
            "matter": "托管申请",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["enterprise"] == enterprise.pk and created.json()["unit"] == users["amr-liaison"].unit_id
    step = f"/api/v1/services/custody-applications/{created.json()['id']}/step/"
    accepted = api_for("office").post(step, {"step": "accept", "engagement": engagement.pk}, format="json")
    assert accepted.status_code == 200 and accepted.json()["engagement"] == engagement.pk
    listed = api_for("shuitou-liaison").get("/api/v1/services/custody-applications/").json()["results"]
    assert {row["contact_name"] for row in listed} == {"张**", "李**"}


def test_the_workbench_lists_applications_awaiting_the_units_decision(users):
    make_application(None, n=1, received_on=D(2024, 5, 6))
    make_application(None, n=2, received_on=D(2024, 5, 2))
    applications.decline_application(make_application(None, n=3), None, reason="x", day=D(2024, 5, 7))
    (todo,) = custody_application_todos(users["amr-liaison"])
    assert todo.count == 2 and "2024-05-02" in todo.detail and todo.url.endswith("?state=received")
    assert custody_application_todos(users["office"])[0].count == 2
    for username in ("court-liaison", "shuitou-liaison", "leader", "enterprise"):
        assert custody_application_todos(users[username]) == []
