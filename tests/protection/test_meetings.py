"""Joint meetings and their decisions: who may record and act, what is refused and why, the events left, and when
the next plenary meeting is due, counted by hand."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Count
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override

from zhichan.core.models import Event
from zhichan.protection.models import DecisionState, JointMeeting, MeetingDecision
from zhichan.protection.services import meetings
from zhichan.protection.services.meetings import DueState

from ..files import PDF

D = datetime.date
NANAN_CODE = "350583"
MID_MAY = D(2024, 5, 15)


@pytest.fixture(autouse=True)
def english():
    with override("en"):
        yield


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def nanan(nanan_units):
    return nanan_units["amr"].organisation_id


def kinds(record):
    return list(
        Event.objects.filter(content_type__model=type(record)._meta.model_name, object_id=record.pk)
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def decide(meeting, unit, deadline=MID_MAY, user=None, text="开展商标侵权专项检查"):
    return meetings.add_decision(user, meeting=meeting, text=text, unit=unit, deadline=deadline)


# --- recording meetings --------------------------------------------------------------------------------------------


def test_the_office_records_a_meeting_with_the_convener_counted_present(new_meeting, nanan_units, users):
    meeting = new_meeting()
    assert meeting.organisation.code == NANAN_CODE and meeting.created_by == users["office"]
    present = set(meeting.units_present.values_list("key", flat=True))
    assert present == {"amr", "police", "court", "customs"}  # the convener, though not ticked
    assert kinds(meeting) == ["meeting.recorded"]
    event = Event.objects.get(kind="meeting.recorded", object_id=meeting.pk)
    assert event.data == {"kind": "plenary", "units": 4}


@pytest.mark.parametrize("user", ["amr-liaison", "leader", "shuitou-liaison"])
def test_only_the_office_records_meetings(new_meeting, user):
    with pytest.raises(PermissionDenied, match="Only the programme office records joint meetings"):
        new_meeting(user=user)
    assert not JointMeeting.objects.exists()


def test_another_organisations_office_cannot_record_nanans(new_meeting, other_organisation, users):
    users["jinjiang-office"] = other_organisation["user"]
    with pytest.raises(PermissionDenied):
        new_meeting(user="jinjiang-office")


def test_a_meeting_needs_units_present_of_its_own_organisation(new_meeting, other_organisation):
    with pytest.raises(ValidationError) as error:
        new_meeting(units_present=[])
    assert error.value.message_dict == {"units_present": ["Tick the units present at the meeting."]}
    with pytest.raises(ValidationError) as error:
        new_meeting(units_present=[other_organisation["amr"]])
    assert error.value.message_dict == {"units_present": ["晋江市市场监管局 is not a unit of this organisation."]}
    assert not JointMeeting.objects.exists()


def test_a_meeting_needs_a_title_a_kind_and_a_past_date(new_meeting):
    with pytest.raises(ValidationError) as error:
        new_meeting(title="  ")
    assert "title" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        new_meeting(kind="monthly")
    assert "kind" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        new_meeting(held_on=datetime.date.today() + datetime.timedelta(days=3))
    assert "held_on" in error.value.message_dict and "future" in error.value.message_dict["held_on"][0]


def test_minutes_are_a_document_attached_by_the_office(new_meeting, users):
    minutes = SimpleUploadedFile("会议纪要.pdf", PDF, content_type="application/pdf")
    meeting = new_meeting(minutes=minutes)
    assert [file.name for file in meetings.minutes_files(meeting)] == ["会议纪要.pdf"]
    more = SimpleUploadedFile("签到表.pdf", PDF, content_type="application/pdf")
    meetings.attach_minutes(meeting, users["office"], more)
    assert [file.name for file in meetings.minutes_files(meeting)] == ["会议纪要.pdf", "签到表.pdf"]
    assert kinds(meeting) == ["meeting.recorded", "meeting.minutes_attached"]
    with pytest.raises(PermissionDenied, match="Only the programme office attaches"):
        meetings.attach_minutes(meeting, users["amr-liaison"], SimpleUploadedFile("x.pdf", PDF))
    with pytest.raises(ValidationError, match="not accepted"):
        meetings.attach_minutes(meeting, users["office"], SimpleUploadedFile("纪要.txt", b"plain text"))
    assert meetings.minutes_files(meeting).count() == 2


# --- decisions -------------------------------------------------------------------------------------------------


def test_the_office_records_decisions_numbered_in_the_meeting(new_meeting, nanan_units, users):
    meeting = new_meeting()
    first = decide(meeting, nanan_units["police"], user=users["office"])
    second = decide(meeting, nanan_units["court"], user=users["office"], text="梳理知识产权民事案件审理情况")
    assert (first.number, second.number) == (1, 2) and first.state == DecisionState.OPEN
    assert kinds(first) == ["decision.added"]
    assert Event.objects.get(kind="decision.added", object_id=first.pk).data["unit_name"] == "市公安局"
    with pytest.raises(PermissionDenied, match="Only the programme office records a meeting's decisions"):
        decide(meeting, nanan_units["amr"], user=users["amr-liaison"])


def test_a_deadline_before_the_meeting_is_refused_naming_the_field(new_meeting, nanan_units):
    meeting = new_meeting(held_on=D(2024, 3, 15))
    with pytest.raises(ValidationError) as error:
        decide(meeting, nanan_units["police"], deadline=D(2024, 3, 14))
    assert error.value.message_dict == {"deadline": ["The deadline cannot be before the meeting (2024-03-15)."]}
    assert decide(meeting, nanan_units["police"], deadline=D(2024, 3, 15)).deadline == D(2024, 3, 15)  # same day


def test_a_decision_needs_its_text_and_a_unit_of_the_organisation(new_meeting, other_organisation, nanan_units):
    meeting = new_meeting()
    with pytest.raises(ValidationError) as error:
        decide(meeting, nanan_units["police"], text=" ")
    assert "text" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        decide(meeting, other_organisation["amr"])
    assert "unit" in error.value.message_dict
    assert not MeetingDecision.objects.exists()


def test_the_assigned_liaison_reports_progress_and_marks_it_done(new_meeting, nanan_units, users):
    decision = decide(new_meeting(), nanan_units["amr"])
    liaison = users["amr-liaison"]
    meetings.report_progress(decision, liaison, D(2024, 4, 1), "已检查商户12家")
    meetings.mark_done(decision, liaison, D(2024, 5, 10), "检查商户35家，立案3件")
    decision.refresh_from_db()
    assert decision.state == DecisionState.DONE and decision.done_on == D(2024, 5, 10)
    assert decision.done_note == "检查商户35家，立案3件" and decision.progress == "已检查商户12家"
    assert kinds(decision) == ["decision.added", "decision.progress", "decision.done"]
    done = Event.objects.get(kind="decision.done", object_id=decision.pk)
    assert done.reason == "检查商户35家，立案3件" and done.user == liaison and done.unit_id == decision.unit_id


def test_another_units_liaison_is_refused_with_the_reason(new_meeting, nanan_units, users):
    decision = decide(new_meeting(), nanan_units["amr"])
    court = users["court-liaison"]
    expected = (
        "Only the assigned unit (Market Supervision Administration) or the programme office may act on this decision."
    )
    with pytest.raises(PermissionDenied) as error:
        meetings.mark_done(decision, court, D(2024, 5, 10), "已完成")
    assert str(error.value) == expected
    with pytest.raises(PermissionDenied, match="Only the assigned unit"):
        meetings.report_progress(decision, court, D(2024, 4, 1), "进展")
    decision.refresh_from_db()
    assert decision.state == DecisionState.OPEN and kinds(decision) == ["decision.added"]


def test_done_needs_a_note_and_a_date_from_the_meeting_on(new_meeting, nanan_units, users):
    decision = decide(new_meeting(held_on=D(2024, 3, 15)), nanan_units["amr"])
    liaison = users["amr-liaison"]
    with pytest.raises(ValidationError) as error:
        meetings.mark_done(decision, liaison, D(2024, 5, 10), " ")
    assert error.value.message_dict == {"note": ["Say what was done."]}
    with pytest.raises(ValidationError) as error:
        meetings.mark_done(decision, liaison, D(2024, 3, 1), "已完成")
    assert error.value.message_dict == {"day": ["The date cannot be before the meeting (2024-03-15)."]}
    assert MeetingDecision.objects.get(pk=decision.pk).state == DecisionState.OPEN


def test_the_office_reassigns_and_cancels_liaisons_may_not(new_meeting, nanan_units, users):
    office, liaison = users["office"], users["amr-liaison"]
    decision = decide(new_meeting(), nanan_units["amr"])
    with pytest.raises(PermissionDenied, match="Only the programme office may reassign"):
        meetings.reassign(decision, liaison, nanan_units["police"], "职责调整")
    with pytest.raises(ValidationError) as error:
        meetings.reassign(decision, office, nanan_units["amr"], "职责调整")
    assert "unit" in error.value.message_dict
    meetings.reassign(decision, office, nanan_units["police"], "职责调整", D(2024, 6, 30))
    decision.refresh_from_db()
    assert decision.unit == nanan_units["police"] and decision.deadline == D(2024, 6, 30)
    moved = Event.objects.get(kind="decision.reassigned", object_id=decision.pk)
    assert moved.data["before_name"] == "市市场监管局" and moved.data["unit_name"] == "市公安局"
    # Now the police's liaison would act, not the market supervision bureau's.
    with pytest.raises(PermissionDenied):
        meetings.mark_done(decision, liaison, D(2024, 5, 1), "已完成")
    with pytest.raises(PermissionDenied, match="Only the programme office may cancel"):
        meetings.cancel(decision, liaison, D(2024, 4, 1), "不再需要")
    meetings.cancel(decision, office, D(2024, 4, 1), "并入专项行动")
    decision.refresh_from_db()
    assert decision.state == DecisionState.CANCELLED and decision.cancel_reason == "并入专项行动"
    with pytest.raises(ValidationError, match="The decision is Cancelled: only an open decision can be changed."):
        meetings.mark_done(decision, office, D(2024, 5, 1), "已完成")
    assert kinds(decision) == ["decision.added", "decision.reassigned", "decision.cancelled"]


# --- when a plenary meeting is due ---------------------------------------------------------------------------------


def test_with_no_meeting_yet_the_first_is_due_at_once(nanan):
    due = meetings.meeting_due(nanan, D(2024, 1, 10))
    assert (due.last, due.due, due.days_left, due.months, due.set_by_office) == (None, None, None, 6, False)
    assert due.state == DueState.NONE_HELD and due.pressing and due.late


def test_due_six_months_after_the_last_plenary_to_the_months_last_day(new_meeting, nanan):
    new_meeting(held_on=D(2023, 8, 31))
    # 31 August 2023 + 6 months: February 2024 has 29 days, so 29 February 2024.
    on = {day: meetings.meeting_due(nanan, day) for day in (D(2024, 1, 29), D(2024, 1, 30), D(2024, 2, 29))}
    assert {due.due for due in on.values()} == {D(2024, 2, 29)}
    assert on[D(2024, 1, 29)].days_left == 31 and on[D(2024, 1, 29)].state == DueState.ON_SCHEDULE
    assert on[D(2024, 1, 30)].days_left == 30 and on[D(2024, 1, 30)].state == DueState.SOON  # 30 days' notice
    assert on[D(2024, 2, 29)].days_left == 0 and on[D(2024, 2, 29)].state == DueState.SOON  # due today
    late = meetings.meeting_due(nanan, D(2024, 3, 1))
    assert late.days_left == -1 and late.state == DueState.OVERDUE and late.late


def test_special_meetings_and_later_meetings_do_not_count(new_meeting, nanan, other_organisation):
    new_meeting(held_on=D(2023, 8, 31))
    new_meeting(held_on=D(2024, 2, 20), kind="special")
    new_meeting(held_on=D(2024, 3, 10))
    meetings.record_meeting(
        None,
        title="晋江联席会议",
        kind="plenary",
        held_on=D(2024, 3, 1),
        convener=other_organisation["amr"],
        units_present=[other_organisation["amr"]],
    )
    assert meetings.meeting_due(nanan, D(2024, 3, 5)).due == D(2024, 2, 29)  # the 10 March one lies after the day
    after = meetings.meeting_due(nanan, D(2024, 3, 10))
    assert after.last == D(2024, 3, 10) and after.due == D(2024, 9, 10) and after.state == DueState.ON_SCHEDULE


def test_the_office_sets_the_frequency_for_its_organisation(new_meeting, nanan_units, nanan, users):
    new_meeting(held_on=D(2023, 8, 31))
    organisation = nanan_units["amr"].organisation
    frequency = meetings.set_frequency(users["office"], organisation, 3, 10, "联席会议制度第五条（演示）")
    assert kinds(frequency) == ["meeting.frequency_set"]
    due = meetings.meeting_due(nanan, D(2023, 11, 20))
    # 31 August + 3 months = 30 November 2023; 10 days before it is 20 November.
    assert (due.due, due.days_left, due.state, due.set_by_office) == (D(2023, 11, 30), 10, DueState.SOON, True)
    assert meetings.meeting_due(nanan, D(2023, 11, 19)).state == DueState.ON_SCHEDULE
    with pytest.raises(PermissionDenied, match="Only the programme office sets"):
        meetings.set_frequency(users["amr-liaison"], organisation, 12)
    with pytest.raises(ValidationError) as error:
        meetings.set_frequency(users["office"], organisation, 0)
    assert error.value.message_dict == {"months": ["Give a whole number of months from 1 to 36."]}
    with pytest.raises(ValidationError) as error:
        meetings.set_frequency(users["office"], organisation, 6, 400)
    assert "notice_days" in error.value.message_dict
    assert meetings.frequency_of(nanan).months == 3


def test_the_dashboard_alert_costs_one_query(new_meeting, users):
    new_meeting(held_on=D(2023, 8, 31))
    leader = users["leader"]
    assert leader.unit is not None  # the dashboard's request has already read the user with its unit
    request = RequestFactory().get("/dashboard/", {"as_of": "2024-03-01"})
    request.user = leader
    from zhichan.protection.services.alerts import meeting_alerts

    with CaptureQueriesContext(connection) as queries:
        ((template, context),) = meeting_alerts(request)
    assert len(queries) == 1
    assert template == "protection/_meeting_alert.html" and context["due"].due == D(2024, 2, 29)
    request = RequestFactory().get("/dashboard/", {"as_of": "2023-12-01"})
    request.user = leader
    assert meeting_alerts(request) == []  # 90 days ahead: on schedule


def test_todos_the_office_holds_the_meeting_the_unit_its_decisions(new_meeting, nanan_units, users):
    from zhichan.protection.todos_meetings import meeting_todos

    (todo,) = meeting_todos(users["office"])
    assert todo.kind == "meeting" and todo.overdue and todo.due is None  # none held yet
    meeting = new_meeting(held_on=datetime.date.today() - datetime.timedelta(days=10))
    assert meeting_todos(users["office"]) == []  # held ten days ago: the next is six months off
    assert meeting_todos(users["amr-liaison"]) == []
    today = datetime.date.today()
    late = decide(meeting, nanan_units["amr"], deadline=meeting.held_on)
    decide(meeting, nanan_units["amr"], deadline=today + datetime.timedelta(days=5))
    decide(meeting, nanan_units["amr"], deadline=today + datetime.timedelta(days=60))  # not yet pressing
    decide(meeting, nanan_units["court"], deadline=meeting.held_on)
    (todo,) = meeting_todos(users["amr-liaison"])
    assert (todo.kind, todo.count, todo.due, todo.overdue) == ("decisions", 2, late.deadline, True)
    assert meeting_todos(users["leader"]) == []
    assert [row.pk for row in meetings.overdue_decisions(users["office"])] == sorted(
        MeetingDecision.objects.filter(deadline=meeting.held_on).values_list("pk", flat=True)
    )


def test_demo_meetings_are_made_through_the_actions(reference):
    from zhichan.protection.services.demo_meetings import create_demo_meetings, demo_meetings_present

    made, decided = create_demo_meetings()
    assert (made, decided) == (12, 33) == (JointMeeting.objects.count(), MeetingDecision.objects.count())
    assert demo_meetings_present() and not JointMeeting.objects.filter(synthetic=False).exists()
    states = dict(MeetingDecision.objects.values_list("state").annotate(n=Count("pk")))
    assert states == {DecisionState.DONE: 24, DecisionState.CANCELLED: 3, DecisionState.OPEN: 6}  # the same seed
    assert MeetingDecision.objects.filter(state=DecisionState.OPEN, deadline__lt=D(2025, 1, 1)).exists()  # overdue
    assert Event.objects.filter(kind="decision.reassigned").exists()
    plenary = JointMeeting.objects.filter(kind="plenary").values_list("held_on", flat=True)
    assert max(plenary) == D(2024, 9, 12)
    first = JointMeeting.objects.order_by("held_on").first()
    assert (first.title, first.held_on) == ("2022年第1次知识产权协同保护联席会议全体会议（虚构）", D(2022, 3, 15))
