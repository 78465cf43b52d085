"""The complaint pages and API with the test client: the list by days left, intake, a complaint with its clocks and
steps, and the complainant's identity hidden from other units and the leadership."""

import datetime

from django.urls import reverse
from django.utils.translation import override

from zhichan.core.models import Unit
from zhichan.protection.models import Case, Complaint, ComplaintState
from zhichan.protection.services import complaints

from .conftest import COMPLAINANT_ID as ID_NUMBER

D = datetime.date


def test_the_list_sorts_by_days_left_and_filters(new_complaint, client_for):
    later = new_complaint(received_on=D(2024, 6, 3), respondent_name="晚到商行")
    soon = new_complaint(received_on=D(2024, 1, 2), respondent_name="早到商行")
    tip = new_complaint(received_on=D(2024, 3, 1), kind="tip", anonymous=True, respondent_name="举报商行")
    client = client_for("office")
    page = client.get(reverse("complaint-list")).content.decode()
    assert page.index("早到商行") < page.index("举报商行") < page.index("晚到商行")
    assert "投诉举报" in page  # Chinese first
    page = client.get(reverse("complaint-list"), {"kind": "tip"}).content.decode()
    assert "举报商行" in page and "早到商行" not in page
    assert soon.pk and later.pk and tip.pk


def test_a_liaison_takes_in_a_complaint_on_the_page(reference, client_for, users):
    client = client_for("amr-liaison")
    assert client.get(reverse("complaint-new")).status_code == 200
    data = {
        "unit": users["amr-liaison"].unit_id,
        "kind": "complaint",
        "channel": "phone",
        "received_on": "2024-04-01",
        "complainant_name": "王五",
        "complainant_contact": "13900000000",
        "complainant_id_number": "35058319800101123X",
        "matter": "网店销售盗版软件",
        "respondent_name": "演示网店",
        "ip_type": "copyright",
    }
    response = client.post(reverse("complaint-new"), data)
    complaint = Complaint.objects.get(respondent_name="演示网店")
    assert response.status_code == 302 and response["Location"] == reverse("complaint-detail", args=[complaint.pk])
    refused = client.post(reverse("complaint-new"), {**data, "complainant_name": ""})
    assert refused.status_code == 200 and Complaint.objects.count() == 1
    assert client_for("leader").get(reverse("complaint-new")).status_code == 403


def test_the_detail_shows_the_clock_and_the_steps_move_it(new_complaint, client_for, users):
    complaint = new_complaint(received_on=D(2024, 9, 27))
    client = client_for("office")
    with override("zh-hans"):
        page = client.get(reverse("complaint-detail", args=[complaint.pk])).content.decode()
    assert 'data-testid="clock"' in page and "2024-10-12" in page
    assert 'data-testid="step-route"' in page and 'data-testid="step-hand_back"' not in page
    amr = Unit.objects.get(key="amr")
    step = reverse("complaint-step", args=[complaint.pk])
    response = client.post(step, {"step": "route", "route-unit": amr.pk, "route-day": "2024-09-28"})
    assert response.status_code == 302
    liaison = client_for("amr-liaison")
    page = liaison.get(reverse("complaint-detail", args=[complaint.pk])).content.decode()
    assert 'data-testid="step-route"' not in page and 'data-testid="step-hand_back"' in page
    refused = liaison.post(step, {"step": "accept", "accept-day": "2024-09-01"})
    assert refused.status_code == 400
    assert liaison.post(step, {"step": "accept", "accept-day": "2024-09-30"}).status_code == 302
    answered = liaison.post(step, {"step": "reply", "reply-day": "2024-10-15", "reply-text": "已责令停止侵权"})
    assert answered.status_code == 302
    complaint.refresh_from_db()
    assert complaint.state == ComplaintState.HANDLED and complaint.reply == "已责令停止侵权"
    page = liaison.get(reverse("complaint-detail", args=[complaint.pk])).content.decode()
    assert "complaint.replied" in page and 'data-testid="step-open_case"' in page
    opened = liaison.post(
        step,
        {
            "step": "open_case",
            "open_case-number": "南市监处〔2024〕投9号",
            "open_case-title": "水龙头商标侵权案",
            "open_case-kind": "trademark-infringement",
            "open_case-lead_on": "2024-10-15",
        },
    )
    assert opened.status_code == 302
    case = Case.objects.get(number="南市监处〔2024〕投9号")
    page = liaison.get(reverse("complaint-detail", args=[complaint.pk])).content.decode()
    assert reverse("case-detail", args=[case.pk]) in page
    assert client_for("court-liaison").post(step, {"step": "close", "close-day": "2024-10-16"}).status_code == 404


def test_identity_is_hidden_from_other_units_and_the_leadership(new_complaint, client_for, api_for):
    complaint = new_complaint()
    complaints.route(complaint, None, Unit.objects.get(key="amr"), D(2024, 3, 2))
    url = reverse("complaint-detail", args=[complaint.pk])
    api_url = f"/api/v1/protection/complaints/{complaint.pk}/"
    for username in ("office", "amr-liaison"):
        assert ID_NUMBER in client_for(username).get(url).content.decode()
        assert api_for(username).get(api_url).json()["complainant_id_number"] == ID_NUMBER
    page = client_for("leader").get(url).content.decode()
    assert page and ID_NUMBER not in page and "李四" not in page and "13800000000" not in page
    shown = api_for("leader").get(api_url).json()
    assert ID_NUMBER not in str(shown) and "李四" not in str(shown) and shown["complainant_id_number"]
    listed = api_for("leader").get("/api/v1/protection/complaints/").json()["results"]
    assert listed and ID_NUMBER not in str(listed)
    for username in ("court-liaison", "shuitou-liaison"):
        assert client_for(username).get(url).status_code == 404
        assert api_for(username).get(api_url).status_code == 404
    # The unit that held it before it was routed on no longer reads it.
    assert "李四" not in str(api_for("court-liaison").get("/api/v1/protection/complaints/").json())


def test_the_api_takes_in_and_steps_a_tip(reference, api_for, users):
    api = api_for("amr-liaison")
    body = {
        "unit": users["amr-liaison"].unit_id,
        "kind": "tip",
        "channel": "online",
        "received_on": "2024-02-20",
        "anonymous": True,
        "matter": "某厂假冒专利标识",
        "ip_type": "patent",
    }
    created = api.post("/api/v1/protection/complaints/", body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["clocks"][0]["rule"] == "tip-acceptance"
    step = f"/api/v1/protection/complaints/{created.json()['id']}/step/"
    assert api.post(step, {"step": "reply", "day": "2024-02-21", "text": "x"}, format="json").status_code == 400
    assert api.post(step, {"step": "nothing"}, format="json").status_code == 400
    accepted = api.post(step, {"step": "accept", "day": "2024-02-21"}, format="json")
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    assert [clock["rule"] for clock in accepted.json()["clocks"]] == ["tip-acceptance", "tip-reply"]
    refused = api_for("court-liaison").post(
        "/api/v1/protection/complaints/", {**body, "unit": users["amr-liaison"].unit_id}, format="json"
    )
    assert refused.status_code == 403
    named = api.post("/api/v1/protection/complaints/", {**body, "kind": "complaint"}, format="json")
    assert named.status_code == 400 and "anonymous" in named.json()
