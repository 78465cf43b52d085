"""A request's answers read in the words its questions were asked in, whatever the office later does to the
service's questions; the staff list's default filter shows every request not yet closed; the staff lists and the
home page read on a phone."""

import re

import pytest
from django.urls import reverse

from zhichan.portal.models import Notice, NoticeKind, PublicRequest, Service
from zhichan.portal.panels import portal_panel
from zhichan.portal.services import requests
from zhichan.portal.services.catalogue import change_service

from .factories import RECEIVED, make_request

pytestmark = pytest.mark.django_db

WAY = {
    "key": "way",
    "label": "融资方式",
    "label_en": "Way of financing",
    "type": "choice",
    "required": False,
    "choices": [
        {"value": "bank", "label": "银行贷款", "label_en": "Bank loan"},
        {"value": "guarantee", "label": "担保贷款", "label_en": "Guaranteed loan"},
    ],
}


def _answers_shown(page: str) -> list:
    """(question, answer) as the request page lists them, in its order."""
    return list(
        re.findall(
            r'<dt class="col-sm-4" data-testid="answer-question">([^<]*)</dt><dd class="col-sm-8">([^<]*)</dd>', page
        )
    )


@pytest.fixture
def pledge(catalogue, users):
    service = Service.objects.get(code="pledge-consultation")
    change_service(service, users["office"], fields=[*service.fields, WAY])
    service.refresh_from_db()
    return service


def test_the_request_keeps_the_questions_it_answered_as_asked(pledge):
    made = make_request(answers={"enterprise": "南安某机械有限公司", "way": "bank"})
    made.refresh_from_db()
    assert [question["key"] for question in made.questions] == ["enterprise", "way"]  # amount: not answered
    assert made.questions[1] == {key: WAY[key] for key in ("key", "label", "label_en", "type", "choices")}
    assert made.questions[0] == {"key": "enterprise", "label": "企业名称", "label_en": "Enterprise", "type": "text"}


def test_a_removed_question_still_reads_as_asked_on_the_staff_page(pledge, users, client_for):
    made = make_request(answers={"enterprise": "南安某机械有限公司", "amount": "500", "way": "bank"})
    # The office removes two questions and rewords the one left.
    enterprise = {**pledge.fields[0], "label": "企业全称"}
    change_service(pledge, users["office"], fields=[enterprise])
    url = reverse("portal-request-detail", args=[made.pk])

    shown = _answers_shown(client_for("amr-liaison").get(url).content.decode())
    # In the order asked, each in the words it was asked in (jsonb keeps no order of the answers' keys).
    assert shown == [("企业名称", "南安某机械有限公司"), ("融资需求（万元）", "500"), ("融资方式", "银行贷款")]

    client = client_for("office")
    client.cookies["django_language"] = "en"
    english = _answers_shown(client.get(url).content.decode())
    assert english == [
        ("Enterprise", "南安某机械有限公司"),
        ("Amount needed (10,000 yuan)", "500"),
        ("Way of financing", "Bank loan"),
    ]


def test_a_request_kept_before_the_questions_were_reads_the_current_ones_then_the_key(pledge, users):
    made = make_request(answers={"enterprise": "南安某机械有限公司", "amount": "500", "way": "guarantee"})
    PublicRequest.objects.filter(pk=made.pk).update(questions=[])  # as kept before the questions were kept with it
    change_service(pledge, users["office"], fields=[pledge.fields[0], pledge.fields[2]])  # amount removed
    made = PublicRequest.objects.select_related("service").get(pk=made.pk)
    assert made.worded_answers() == [
        ("企业名称", "南安某机械有限公司"),
        ("融资方式", "担保贷款"),
        ("amount", "500"),  # in no question: its key, after the questions
    ]


def test_the_default_filter_shows_every_request_not_yet_closed(catalogue, users, client_for):
    liaison = users["amr-liaison"]
    received, answered, closed = make_request(), make_request(), make_request()
    requests.answer(answered, liaison, text="已电话答复。", day=RECEIVED)
    requests.answer(closed, liaison, text="已电话答复。", day=RECEIVED)
    requests.close(closed, liaison, day=RECEIVED)
    client = client_for("amr-liaison")
    url = reverse("portal-request-list")

    listed = client.get(url).content.decode()
    assert received.number in listed and answered.number in listed and closed.number not in listed
    assert '<option value="open" selected>未办结</option>' in listed
    only_closed = client.get(url, {"state": "closed"}).content.decode()
    assert closed.number in only_closed and answered.number not in only_closed
    everything = client.get(url, {"state": "all"}).content.decode()
    assert all(item.number in everything for item in (received, answered, closed))
    # The workbench panel still counts those waiting for an answer (待办理): the received one only.
    asking = type("Asking", (), {"user": liaison})()
    assert portal_panel(asking)[1]["open"] == 1


def test_the_staff_lists_read_on_a_phone(catalogue, users, client_for):
    make_request()
    listed = client_for("amr-liaison").get(reverse("portal-request-list")).content.decode()
    table = listed.split('data-testid="portal-requests"')[0].rsplit("<table", 1)[1]
    assert "table-stack" in table  # each row a block on a phone, each cell after its column's name
    assert 'data-label="服务事项"' in listed and 'data-label="收到日期"' in listed

    Notice.objects.create(title="（测试）培训通知", kind=NoticeKind.NEWS, body="正文")
    notices = client_for("office").get(reverse("portal-notice-list")).content.decode()
    assert "table-stack" in notices.split('data-testid="portal-notices"')[0].rsplit("<table", 1)[1]
    button = re.search(r'<button class="([^"]*)" data-testid="publish-', notices).group(1)
    assert "text-nowrap" in button.split()


def test_the_home_news_and_activities_headings_are_of_one_level(catalogue, users, client):
    from zhichan.outreach.services import activities

    from ..outreach.factories import make_activity

    activities.publish(make_activity(title="公开日历上的培训"), users["office"])
    home = client.get(reverse("portal-home")).content.decode()
    assert '<h2 class="h5" id="portal-news-title">新闻公告</h2>' in home
    assert '<h2 class="h5" id="portal-activities-title">培训宣传活动</h2>' in home
    assert 'aria-labelledby="portal-activities-title"' in home
