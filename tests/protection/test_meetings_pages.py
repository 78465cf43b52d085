"""The joint-meeting pages and API with the test clients: recording a meeting with its minutes, the decisions and
their steps, who reads the minutes, the frequency, and the due date shown."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zhichan.core.models import Attachment
from zhichan.protection.models import DecisionState, JointMeeting, MeetingDecision
from zhichan.protection.services import meetings

from ..files import PDF

D = datetime.date


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def minutes_pdf(name="会议纪要.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_the_office_records_a_meeting_with_its_minutes_on_the_pages(client_for, nanan_units):
    client = client_for("office")
    page = client.get(reverse("meeting-new"))
    assert page.status_code == 200 and 'data-testid="units-present"' in page.content.decode()
    data = {
        "title": "2024年第一次联席会议全体会议",
        "kind": "plenary",
        "held_on": "2024-03-15",
        "convener": nanan_units["amr"].pk,
        "units_present": [nanan_units[key].pk for key in ("police", "court", "customs")],
        "agenda": "通报执法办案情况",
        "minutes": minutes_pdf(),
    }
    response = client.post(reverse("meeting-new"), data)
    meeting = JointMeeting.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("meeting-detail", args=[meeting.pk])
    assert meeting.units_present.count() == 4
    page = client.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "会议纪要.pdf" in page and "市公安局" in page and "录入议定事项" in page


def test_a_meeting_without_units_present_is_refused_naming_the_field(client_for, nanan_units):
    data = {"title": "联席会议", "kind": "plenary", "held_on": "2024-03-15", "convener": nanan_units["amr"].pk}
    response = client_for("office").post(reverse("meeting-new"), data)
    assert response.status_code == 400
    assert "请勾选出席会议的单位。" in response.content.decode()
    assert not JointMeeting.objects.exists()


@pytest.mark.parametrize("username", ["amr-liaison", "leader", "shuitou-liaison"])
def test_only_the_office_opens_the_new_meeting_form(client_for, username):
    assert client_for(username).get(reverse("meeting-new")).status_code == 403


def test_the_minutes_are_read_only_by_staff_of_the_organisation(new_meeting, client_for, other_organisation, users):
    meeting = new_meeting(minutes=minutes_pdf())
    file = Attachment.objects.get()
    url = reverse("attachment-download", args=[file.pk])
    for username in ("office", "leader", "amr-liaison", "court-liaison", "shuitou-liaison"):
        response = client_for(username).get(url)
        assert response.status_code == 200, username
        assert b"".join(response.streaming_content) == PDF
    assert client_for("enterprise").get(url).status_code == 404
    assert client_for(other_organisation["user"]).get(url).status_code == 404
    assert client_for(other_organisation["user"]).get(reverse("meeting-detail", args=[meeting.pk])).status_code == 404


def test_minutes_attached_later_and_a_bad_file_shown_on_the_page(new_meeting, client_for):
    meeting = new_meeting()
    client = client_for("office")
    url = reverse("meeting-minutes", args=[meeting.pk])
    bad = SimpleUploadedFile("纪要.pdf", b"not a pdf at all", content_type="application/pdf")
    refused = client.post(url, {"minutes-minutes": bad})
    assert refused.status_code == 400 and "纪要.pdf" in refused.content.decode()
    assert client.post(url, {"minutes-minutes": minutes_pdf()}).status_code == 302
    assert meetings.minutes_files(meeting).count() == 1
    assert client_for("amr-liaison").post(url, {"minutes-minutes": minutes_pdf()}).status_code == 403
    assert client.get(url).status_code == 302  # the address only takes the form: it leads to the meeting


def test_decisions_added_by_the_office_and_done_by_the_assigned_liaison(new_meeting, client_for, nanan_units):
    meeting = new_meeting(held_on=D(2024, 3, 15))
    office = client_for("office")
    url = reverse("meeting-decision-new", args=[meeting.pk])
    early = {"decision-text": "专项检查", "decision-unit": nanan_units["amr"].pk, "decision-deadline": "2024-03-01"}
    refused = office.post(url, early)
    assert refused.status_code == 400 and "期限不能早于会议日期（2024-03-15）。" in refused.content.decode()
    assert office.post(url, {**early, "decision-deadline": "2024-05-15"}).status_code == 302
    decision = MeetingDecision.objects.get()

    court = client_for("court-liaison")
    page = court.get(reverse("decision-detail", args=[decision.pk])).content.decode()
    assert 'data-testid="decision-not-yours"' in page and 'data-testid="step-done"' not in page
    step = reverse("decision-step", args=[decision.pk])
    done = {"step": "done", "done-day": "2024-05-10", "done-note": "检查商户35家"}
    assert court.post(step, done).status_code == 403

    amr = client_for("amr-liaison")
    page = amr.get(reverse("decision-detail", args=[decision.pk])).content.decode()
    assert 'data-testid="step-done"' in page and 'data-testid="step-reassign"' not in page
    refused = amr.post(step, {"step": "done", "done-day": "2024-05-10", "done-note": ""})
    assert refused.status_code == 400
    assert amr.post(step, done).status_code == 302
    decision.refresh_from_db()
    assert decision.state == DecisionState.DONE and decision.done_note == "检查商户35家"
    page = office.get(reverse("meeting-detail", args=[meeting.pk])).content.decode()
    assert "已完成" in page


def test_the_decision_list_shows_a_liaison_its_own_and_the_office_the_overdue(new_meeting, client_for, nanan_units):
    meeting = new_meeting(held_on=D(2024, 3, 15))
    for key, text in (("amr", "市场监管局的事项"), ("court", "法院的事项")):
        meetings.add_decision(None, meeting=meeting, text=text, unit=nanan_units[key], deadline=D(2024, 5, 15))
    mine = client_for("amr-liaison").get(reverse("decision-list")).content.decode()
    assert "市场监管局的事项" in mine and "法院的事项" not in mine
    every = client_for("amr-liaison").get(reverse("decision-list"), {"who": "all"}).content.decode()
    assert "法院的事项" in every
    late = client_for("office").get(reverse("decision-list"), {"overdue": "1"}).content.decode()
    assert late.count('data-testid="decision-row"') == 2 and late.count('data-testid="decision-overdue"') == 2
    listing = client_for("leader").get(reverse("meeting-list")).content.decode()
    assert 'data-testid="decisions-overdue"' in listing


def test_the_list_shows_when_the_next_plenary_meeting_is_due(new_meeting, client_for):
    listing = client_for("leader").get(reverse("meeting-list")).content.decode()
    assert "尚未召开全体会议" in listing
    new_meeting(held_on=D(2024, 8, 31))
    listing = client_for("shuitou-liaison").get(reverse("meeting-list")).content.decode()
    assert "2025-02-28" in listing and "2024年第一次联席会议全体会议" in listing  # 31 August + 6 months
    assert 'data-testid="meeting-new"' not in listing


def test_the_office_sets_the_frequency(new_meeting, client_for):
    new_meeting(held_on=D(2024, 8, 31))
    client = client_for("office")
    assert client.get(reverse("meeting-settings")).status_code == 200
    refused = client.post(reverse("meeting-settings"), {"months": "0", "notice_days": "10"})
    assert refused.status_code == 400
    saved = client.post(reverse("meeting-settings"), {"months": "3", "notice_days": "10", "basis": "制度第五条"})
    assert saved.status_code == 302
    assert "2024-11-30" in client.get(reverse("meeting-list")).content.decode()  # 31 August + 3 months
    assert client_for("leader").get(reverse("meeting-settings")).status_code == 403


def test_the_menu_names_joint_meetings(client_for):
    assert "联席会议" in client_for("amr-liaison").get(reverse("meeting-list")).content.decode()


def test_the_api_records_a_meeting_and_moves_its_decisions(api_for, nanan_units):
    office = api_for("office")
    body = {
        "title": "联席会议全体会议",
        "kind": "plenary",
        "held_on": "2024-03-15",
        "convener": nanan_units["amr"].pk,
        "units_present": [nanan_units["police"].pk, nanan_units["court"].pk],
    }
    assert api_for("amr-liaison").post("/api/v1/protection/meetings/", body, format="json").status_code == 403
    refused = office.post("/api/v1/protection/meetings/", {**body, "units_present": []}, format="json")
    assert refused.status_code == 400 and "units_present" in refused.json()
    created = office.post("/api/v1/protection/meetings/", body, format="json")
    assert created.status_code == 201, created.content
    meeting = created.json()
    assert sorted(meeting["units_present"]) == sorted(nanan_units[k].pk for k in ("amr", "police", "court"))

    minutes = office.post(f"/api/v1/protection/meetings/{meeting['id']}/minutes/", {"minutes": minutes_pdf()})
    assert minutes.status_code == 200 and minutes.json()["minutes_files"][0]["name"] == "会议纪要.pdf"

    decision = {"meeting": meeting["id"], "text": "专项检查", "unit": nanan_units["amr"].pk, "deadline": "2024-03-01"}
    early = office.post("/api/v1/protection/meeting-decisions/", decision, format="json")
    assert early.status_code == 400 and "deadline" in early.json()
    liaison = api_for("amr-liaison").post(
        "/api/v1/protection/meeting-decisions/", {**decision, "deadline": "2024-05-15"}, format="json"
    )
    assert liaison.status_code == 403
    made = office.post("/api/v1/protection/meeting-decisions/", {**decision, "deadline": "2024-05-15"}, format="json")
    assert made.status_code == 201 and made.json()["number"] == 1 and made.json()["overdue"] is True
    step = f"/api/v1/protection/meeting-decisions/{made.json()['id']}/step/"

    other = api_for("court-liaison").post(step, {"step": "done", "day": "2024-05-10", "note": "完成"}, format="json")
    assert other.status_code == 403 and "市市场监管局" in other.json()["detail"]
    done = api_for("amr-liaison").post(step, {"step": "done", "day": "2024-05-10", "note": "完成"}, format="json")
    assert done.status_code == 200 and done.json()["state"] == "done" and done.json()["overdue"] is False
    again = api_for("amr-liaison").post(step, {"step": "progress", "day": "2024-05-11", "note": "又"}, format="json")
    assert again.status_code == 400

    read = api_for("shuitou-liaison").get(f"/api/v1/protection/meetings/{meeting['id']}/")
    assert read.status_code == 200 and read.json()["decisions"][0]["state"] == "done"
    listed = api_for("leader").get("/api/v1/protection/meeting-decisions/", {"overdue": "true"})
    assert listed.status_code == 200 and listed.json()["results"] == []


def test_the_api_says_when_the_next_plenary_meeting_is_due(new_meeting, api_for):
    new_meeting(held_on=D(2023, 8, 31))
    answer = api_for("leader").get("/api/v1/protection/meetings/due/", {"day": "2024-03-01"})
    assert answer.status_code == 200
    assert answer.json() == {
        "day": "2024-03-01",
        "last": "2023-08-31",
        "months": 6,
        "notice_days": 30,
        "set_by_office": False,
        "due": "2024-02-29",
        "days_left": -1,
        "state": "overdue",
    }
    assert api_for("leader").get("/api/v1/protection/meetings/due/", {"day": "2024-13-01"}).status_code == 400


def test_other_organisations_read_none_of_it_through_the_api(new_meeting, api_for, other_organisation):
    new_meeting()
    api = api_for(other_organisation["user"])
    assert api.get("/api/v1/protection/meetings/").json()["results"] == []


def test_the_office_reads_them_and_their_history_in_the_admin(new_meeting, client_for, nanan_units):
    meeting = new_meeting()
    decision = meetings.add_decision(
        None, meeting=meeting, text="事项", unit=nanan_units["amr"], deadline=D(2024, 5, 1)
    )
    client = client_for("office")
    for url in (
        "/admin/protection/jointmeeting/",
        f"/admin/protection/jointmeeting/{meeting.pk}/change/",
        f"/admin/protection/jointmeeting/{meeting.pk}/history/",
        f"/admin/protection/meetingdecision/{decision.pk}/change/",
        "/admin/protection/meetingfrequency/",
    ):
        assert client.get(url).status_code == 200, url


def test_the_lists_cost_the_same_queries_for_one_meeting_or_many(new_meeting, api_for, client_for, nanan_units):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counted(make):
        with CaptureQueriesContext(connection) as queries:
            assert make().status_code == 200
        return len(queries)

    api, client = api_for("leader"), client_for("leader")
    first = new_meeting(minutes=minutes_pdf())
    meetings.add_decision(None, meeting=first, text="事项", unit=nanan_units["amr"], deadline=D(2024, 5, 1))
    api.get("/api/v1/protection/meetings/")  # the token's first use and the content types are read once
    one = [
        counted(lambda: api.get("/api/v1/protection/meetings/")),
        counted(lambda: client.get("/protection/meetings/")),
    ]
    for day in (D(2024, 6, 1), D(2024, 9, 1)):
        meeting = new_meeting(held_on=day, minutes=minutes_pdf())
        meetings.add_decision(None, meeting=meeting, text="事项", unit=nanan_units["court"], deadline=day)
    many = [
        counted(lambda: api.get("/api/v1/protection/meetings/")),
        counted(lambda: client.get("/protection/meetings/")),
    ]
    assert many == one
