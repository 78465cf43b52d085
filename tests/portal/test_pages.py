import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from zhichan.portal.models import PublicRequest, RequestState
from zhichan.portal.services import requests
from zhichan.portal.services.challenge import SALT

from ..files import image
from .factories import make_request

pytestmark = pytest.mark.django_db


def _form(client, code):
    page = client.get(reverse("portal-service", args=[code])).content.decode()
    token = re.search(r'name="challenge" value="([^"]+)"', page).group(1)
    return page, token, str(signing.loads(token, salt=SALT))


def test_a_visitor_without_an_account_opens_the_public_site(catalogue):
    client = Client()
    assert client.get("/").url == reverse("portal-home")
    home = client.get(reverse("portal-home")).content.decode()
    assert "知识产权侵权投诉" in home and 'href="https://www.cnipa.gov.cn/"' in home
    assert "知创福建" in home and "知创泉州" in home
    services = client.get(reverse("portal-services")).content.decode()
    assert "维权保护" in services and "7 工作日" in services or "7 个工作日" in services


def test_a_visitor_files_a_complaint_with_a_photo_and_reads_its_status(catalogue):
    client = Client()
    _page, token, answer = _form(client, "complaint")
    photo = SimpleUploadedFile("现场.png", image(), content_type="image/png")
    response = client.post(
        reverse("portal-service", args=["complaint"]),
        {
            "name": "张三",
            "phone": "13900000000",
            "matter": "商场里卖假冒我司商标的龙头",
            "q_ip_type": "trademark",
            "q_respondent": "某商场",
            "files": [photo],
            "challenge": token,
            "answer": answer,
        },
    )
    made = PublicRequest.objects.get()
    assert response.status_code == 302 and response.url == reverse("portal-status", args=[made.number])
    status = client.get(response.url).content.decode()
    assert made.number in status and 'data-testid="portal-made"' in status and "张三" not in status
    assert "13900000000" not in status and 'data-state="received"' in status
    assert made.record.complainant_name == "张三"
    # The number alone opens it again, without the welcome; another visitor reads no personal data either.
    again = Client().get(reverse("portal-status", args=[made.number])).content.decode()
    assert 'data-testid="portal-made"' not in again and "张三" not in again


def test_a_wrong_answer_to_the_challenge_keeps_what_was_typed(catalogue):
    client = Client()
    _page, token, answer = _form(client, "tip")
    response = client.post(
        reverse("portal-service", args=["tip"]),
        {"anonymous": "on", "matter": "批发市场有假货", "challenge": token, "answer": str(int(answer) + 1)},
    )
    page = response.content.decode()
    assert response.status_code == 400 and "批发市场有假货" in page and "不是正确答案" in page
    assert not PublicRequest.objects.exists()
    robot = client.post(
        reverse("portal-service", args=["tip"]),
        {"anonymous": "on", "matter": "x", "challenge": token, "answer": answer, "website": "http://spam"},
    )
    assert robot.status_code == 400 and not PublicRequest.objects.exists()


def test_tracking_finds_a_request_by_its_number_and_says_when_none_has_it(catalogue):
    made = make_request()
    client = Client()
    found = client.get(reverse("portal-track"), {"number": made.number.lower()})
    assert found.url == reverse("portal-status", args=[made.number])
    missing = client.get(reverse("portal-track"), {"number": "2024-AAAAAAAA"})
    assert missing.status_code == 400 and "没有这个查询编号" in missing.content.decode()
    assert client.get(reverse("portal-status", args=["2024-AAAAAAAA"])).status_code == 404


def test_the_answer_and_the_satisfaction_question_on_the_status_page(catalogue, users):
    made = make_request()
    requests.answer(made, users["amr-liaison"], text="合作银行名单见金融栏目。")
    client = Client()
    url = reverse("portal-status", args=[made.number])
    page = client.get(url).content.decode()
    assert "合作银行名单见金融栏目。" in page and "市市场监管局" in page and 'data-testid="portal-rating-form"' in page
    assert client.post(url, {"rating": "5", "comment": "很快"}).status_code == 302
    made.refresh_from_db()
    assert made.rating == 5 and 'data-testid="portal-rated"' in client.get(url).content.decode()


def test_the_requester_is_seen_by_the_handling_unit_and_the_office_only(catalogue, client_for):
    made = make_request()
    url = reverse("portal-request-detail", args=[made.pk])
    for username in ("amr-liaison", "office"):
        assert "13800000000" in client_for(username).get(url).content.decode()
    leader = client_for("leader").get(url).content.decode()
    assert "13800000000" not in leader and "王先生" not in leader
    assert client_for("court-liaison").get(url).status_code == 404


def test_the_handling_unit_answers_on_its_page(catalogue, client_for):
    made = make_request()
    client = client_for("amr-liaison")
    step = reverse("portal-request-step", args=[made.pk])
    refused = client.post(step, {"step": "answer", "answer-text": ""})
    assert refused.status_code == 400
    client.post(step, {"step": "answer", "answer-text": "已电话答复。"})
    made.refresh_from_db()
    assert made.state == RequestState.ANSWERED and made.answer == "已电话答复。"
    listed = client_for("office").get(reverse("portal-request-list"), {"state": "answered"}).content.decode()
    assert made.number in listed


def test_the_office_edits_a_service_and_its_committed_deadline(catalogue, client_for):
    from zhichan.core.models import DeadlineRule

    client = client_for("office")
    page = client.get(reverse("portal-service-edit", args=["patent-search"]))
    assert page.status_code == 200
    rule = DeadlineRule.objects.get(key="tip-reply")
    data = {
        "name": "专利信息检索帮助",
        "unit": page.context["service"].unit.pk,
        "rule": rule.pk,
        "published": "on",
    }
    assert client.post(reverse("portal-service-edit", args=["patent-search"]), data).status_code == 302
    public = Client().get(reverse("portal-service", args=["patent-search"])).content.decode()
    assert rule.name in public
