"""The outreach pages as their users use them: each role sees its own activities and exports them; the office
enters an activity (typed input kept on a refusal); on its page a liaison registers people and opens the sign-in
page, where a visitor without an account signs in and gives feedback; the office prepares a survey round, opens it,
and a visitor answers it (twice: counted once, told so; a missing answer keeps what was typed); the API does what
the pages do."""

from io import BytesIO

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from zhichan.core.models import Unit
from zhichan.outreach.models import Activity, Participant, SurveyResponse, SurveyRound

from .factories import make_activity, make_round

pytestmark = pytest.mark.django_db


def _text(client, url):
    return client.get(url).content.decode()


def test_each_role_sees_its_own_activities_and_the_list_exports(client_for):
    make_activity(title="水头培训")
    make_activity(unit="science", township="350583001", title="溪美培训")
    seen = {
        name: {
            title for title in ("水头培训", "溪美培训") if title in _text(client_for(name), reverse("activity-list"))
        }
        for name in ("office", "leader", "shuitou-liaison")
    }
    assert seen == {
        "office": {"水头培训", "溪美培训"},
        "leader": {"水头培训", "溪美培训"},
        "shuitou-liaison": {"水头培训"},
    }
    assert client_for("enterprise").get(reverse("activity-list")).status_code == 403
    exported = client_for("shuitou-liaison").get(reverse("activity-export"))
    titles = [row[1] for row in openpyxl.load_workbook(BytesIO(exported.content)).active.iter_rows(values_only=True)]
    assert "水头培训" in titles and "溪美培训" not in titles


def test_the_office_enters_an_activity_typed_input_kept_on_a_refusal(client_for):
    office = client_for("office")
    form = {
        "kind": "training",
        "campaign": "grassroots",
        "title": "知识产权基层行·水头站",
        "audience": "officials",
        "unit": Unit.objects.get(key="amr").pk,
        "starts_on": "2024-05-10",
        "ends_on": "2024-05-01",
        "place": "水头镇政府会议室",
        "hours": "2.5",
    }
    refused = office.post(reverse("activity-new"), form)
    page = refused.content.decode()
    assert refused.status_code == 400 and "知识产权基层行·水头站" in page and "水头镇政府会议室" in page
    created = office.post(reverse("activity-new"), {**form, "ends_on": ""})
    activity = Activity.objects.get(title="知识产权基层行·水头站")
    assert created.status_code == 302 and activity.hours == 2.5 and activity.campaign == "grassroots"


def test_a_visitor_signs_in_on_the_activitys_page_and_gives_feedback(client_for):
    activity = make_activity()
    liaison = client_for("amr-liaison")
    step = reverse("activity-step", args=[activity.pk])
    liaison.post(step, {"step": "register", "register-people": "张三,某某石材,专员,13800000001\n李四"})
    assert _text(liaison, reverse("activity-detail", args=[activity.pk])).count('data-testid="participant-row"') == 2
    visitor = Client()
    page = reverse("activity-sign-in", args=[activity.token])
    assert 'data-testid="sign-in-closed"' in _text(visitor, page)
    liaison.post(step, {"step": "open"})
    detail = _text(liaison, reverse("activity-detail", args=[activity.pk]))
    assert 'data-testid="sign-in-qr"' in detail and "<svg" in detail and page in detail
    refused = visitor.post(page, {"name": "", "employer": "某某石材"})
    assert refused.status_code == 400 and "某某石材" in refused.content.decode()
    assert visitor.post(page, {"name": "张三", "phone": "13800000001"}).status_code == 302
    assert 'data-testid="signed-in"' in _text(visitor, page)
    refused = visitor.post(page, {"feedback": "1", "comment": "讲得清楚"})  # no rating: refused, the comment kept
    assert refused.status_code == 400 and "讲得清楚" in refused.content.decode()
    visitor.post(page, {"feedback": "1", "rating": "4", "comment": "讲得清楚"})
    assert 'data-testid="thanked"' in _text(visitor, page)
    zhang = Participant.objects.get(activity=activity, name="张三")
    assert zhang.attended and not zhang.guest and zhang.rating == 4 and zhang.comment == "讲得清楚"
    # another visitor, not registered: a guest
    Client().post(page, {"name": "赵六", "employer": "某某光电"})
    assert Participant.objects.get(activity=activity, name="赵六").guest
    # the page of someone outside the unit shows no phones; the public page shows no participant at all
    assert "13800000001" not in _text(client_for("leader"), reverse("activity-detail", args=[activity.pk]))
    liaison = client_for("amr-liaison")  # one test client, signed in again as the liaison
    assert "13800000001" in _text(liaison, reverse("activity-detail", args=[activity.pk]))
    assert "李四" not in _text(Client(), page)
    sheet = liaison.get(reverse("activity-sheet", args=[activity.pk]))
    names = [row[1] for row in openpyxl.load_workbook(BytesIO(sheet.content)).active.iter_rows(values_only=True)]
    assert {"张三", "李四"} <= set(names)


def test_the_office_runs_a_round_and_a_visitor_answers_it(client_for):
    office = client_for("office")
    created = office.post(reverse("survey-new"), {"title": "2026年度满意度调查", "year": "2026"})
    survey_round = SurveyRound.objects.get(title="2026年度满意度调查")
    assert created.status_code == 302 and survey_round.state == "draft"
    page = reverse("survey-page", args=[survey_round.token])
    visitor = Client()
    assert 'data-testid="survey-closed"' in _text(visitor, page)
    office.post(reverse("survey-step", args=[survey_round.pk]), {"step": "open"})
    assert 'data-testid="survey-form"' in _text(visitor, page)
    # no group chosen: refused, the answers typed kept
    refused = visitor.post(page, {"q-law-1": "4", "q-effect-2": "unknown"})
    body = refused.content.decode()
    assert refused.status_code == 400 and 'id="q-law-1-4" value="4" checked' in body
    assert 'id="q-effect-2-unknown" value="unknown" checked' in body
    answered = visitor.post(page, {"group": "public", "q-law-1": "4", "q-effect-2": "5"})
    assert answered.status_code == 302 and answered["Location"].endswith("?done=first")
    again = visitor.post(page, {"group": "public", "q-law-1": "5"})
    assert again["Location"].endswith("?done=again")
    assert 'data-testid="survey-again"' in _text(visitor, again["Location"])
    assert SurveyResponse.objects.filter(round=survey_round).count() == 1
    form = _text(visitor, page)  # a third visit starts from the answers kept
    assert 'id="q-law-1-5" value="5" checked' in form and 'id="group-public" value="public" checked' in form
    detail = _text(office, reverse("survey-detail", args=[survey_round.pk]))
    assert 'data-testid="responses">1<' in detail and "100.0" in detail
    assert client_for("amr-liaison").get(reverse("survey-detail", args=[survey_round.pk])).status_code == 403
    exported = client_for("office").get(reverse("survey-export", args=[survey_round.pk]))
    rows = list(openpyxl.load_workbook(BytesIO(exported.content)).active.iter_rows(values_only=True))
    assert any(row[3] == 1 and row[4] == 100.0 for row in rows)


def test_the_api_enters_an_activity_takes_its_steps_and_reads_a_rounds_index(api_for):
    liaison = api_for("amr-liaison")
    made = liaison.post(
        "/api/v1/outreach/activities/",
        {"kind": "training", "title": "专利挖掘培训", "audience": "researchers", "starts_on": "2024-06-01"},
        format="json",
    )
    assert made.status_code == 201, made.content
    activity = made.json()["id"]
    registered = liaison.post(
        f"/api/v1/outreach/activities/{activity}/step/", {"step": "register", "people": "王五,某某机械"}, format="json"
    )
    assert registered.status_code == 200 and registered.json()["attendance"]["registered"] == 1
    assert registered.json()["participants"][0]["employer"] == "某某机械"
    survey_round = make_round()
    index = api_for("leader").get(f"/api/v1/outreach/survey-rounds/{survey_round.pk}/").json()["index"]
    assert index["all"]["responses"] == 0 and len(index["all"]["dimensions"]) == 5
    assert api_for("amr-liaison").get("/api/v1/outreach/survey-rounds/").status_code == 403


def test_the_workbench_panel_shows_open_sign_ins_and_the_round_taking_answers(client_for):
    activity = make_activity(title="正在签到的培训")
    from zhichan.outreach.services import activities

    activities.open_sign_in(activity, None)
    survey_round = make_round(title="本年度满意度调查")
    office = _text(client_for("office"), reverse("workbench"))
    assert 'data-testid="outreach-panel"' in office and "正在签到的培训" in office and survey_round.title in office
    liaison = _text(client_for("shuitou-liaison"), reverse("workbench"))
    assert "正在签到的培训" in liaison and survey_round.title not in liaison
    assert 'data-testid="outreach-panel"' not in _text(client_for("enterprise"), reverse("workbench"))
