"""Each step of a complaint or tip: who may take it, what guards it, the event it leaves and the clocks it keeps."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from zhichan.core.clocks import State as ClockState
from zhichan.core.models import Event, Unit
from zhichan.protection.models import Case, CaseKind, ComplaintState
from zhichan.protection.services import complaints

D = datetime.date


@pytest.fixture(autouse=True)
def english():
    with override("en"):
        yield


@pytest.fixture
def amr():
    return Unit.objects.get(key="amr")


@pytest.fixture
def court():
    return Unit.objects.get(key="court")


def events(complaint):
    return list(
        Event.objects.filter(object_id=complaint.pk, kind__startswith="complaint.")
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def rules(complaint):
    return {reading.rule.key: reading for reading in complaints.complaint_readings(complaint, D(2024, 12, 31))}


def test_intake_starts_the_acceptance_clock_and_is_logged(new_complaint, users):
    complaint = new_complaint()
    assert complaint.state == ComplaintState.RECEIVED and complaint.unit.key == "office"
    assert complaint.received_by == complaint.unit and complaint.created_by == users["office"]
    assert list(rules(complaint)) == ["complaint-acceptance"]
    assert events(complaint) == ["complaint.received"]
    assert "李四" not in str(Event.objects.get(object_id=complaint.pk, kind="complaint.received").data)


def test_a_unit_takes_in_only_for_itself(new_complaint, amr):
    assert new_complaint(user="amr-liaison").unit == amr
    with pytest.raises(PermissionDenied):
        new_complaint(user="court-liaison", unit=amr)
    with pytest.raises(PermissionDenied):
        new_complaint(user="leader", unit=amr)


def test_only_a_tip_may_be_anonymous_and_a_complaint_names_its_complainant(new_complaint):
    with pytest.raises(ValidationError) as error:
        new_complaint(anonymous=True)
    assert "anonymous" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        new_complaint(complainant_name="")
    assert "complainant_name" in error.value.message_dict
    tip = new_complaint(kind="tip", anonymous=True)
    assert tip.anonymous and tip.complainant_name == tip.complainant_id_number == ""
    assert list(rules(tip)) == ["tip-acceptance"]
    with pytest.raises(ValidationError) as error:
        new_complaint(complainant_id_number="12345")
    assert "complainant_id_number" in error.value.message_dict


def test_the_office_routes_and_a_unit_hands_back_with_a_reason(new_complaint, users, amr, court):
    complaint = new_complaint()
    with pytest.raises(PermissionDenied):  # routing is the office's
        complaints.route(complaint, users["amr-liaison"], amr, D(2024, 3, 2))
    complaints.route(complaint, users["office"], court, D(2024, 3, 2))
    assert complaint.state == ComplaintState.ROUTED and complaint.unit == court
    with pytest.raises(PermissionDenied):  # no longer its own
        complaints.hand_back(complaint, users["amr-liaison"], "不属于本单位")
    with pytest.raises(ValidationError) as error:
        complaints.hand_back(complaint, users["court-liaison"], " ")
    assert "note" in error.value.message_dict
    complaints.hand_back(complaint, users["court-liaison"], "不属于本单位职责")
    assert complaint.state == ComplaintState.RETURNED and complaint.unit.key == "office"
    complaints.route(complaint, users["office"], amr, D(2024, 3, 4))
    assert complaint.unit == amr
    assert events(complaint) == ["complaint.received", "complaint.routed", "complaint.handed_back", "complaint.routed"]
    hand_back = Event.objects.get(object_id=complaint.pk, kind="complaint.handed_back")
    assert hand_back.reason == "不属于本单位职责"
    # The acceptance clock runs from the day received, whoever holds it.
    assert rules(complaint)["complaint-acceptance"].start == D(2024, 3, 1)


def test_a_unit_cannot_hand_back_what_it_took_in_itself(new_complaint, users):
    complaint = new_complaint(user="amr-liaison")
    with pytest.raises(ValidationError):
        complaints.hand_back(complaint, users["amr-liaison"], "不属于本单位")


def test_accept_reply_close_keep_the_clocks(new_complaint, users, amr):
    complaint = new_complaint()
    complaints.route(complaint, None, amr, D(2024, 3, 2))
    liaison = users["amr-liaison"]
    with pytest.raises(ValidationError) as error:  # a reply needs an accepted complaint
        complaints.answer(complaint, liaison, D(2024, 3, 5), "已处理")
    assert "awaiting" not in str(error.value) and "accepted complaint" in str(error.value)
    with pytest.raises(ValidationError) as error:
        complaints.accept(complaint, liaison, D(2024, 2, 28))
    assert "day" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        complaints.accept(complaint, users["court-liaison"], D(2024, 3, 5))
    with pytest.raises(PermissionDenied):
        complaints.accept(complaint, users["leader"], D(2024, 3, 5))
    complaints.accept(complaint, liaison, D(2024, 3, 5))
    clocks = rules(complaint)
    assert clocks["complaint-acceptance"].state == ClockState.MET
    assert clocks["complaint-reply"].start == D(2024, 3, 5)
    with pytest.raises(ValidationError):  # accepted once
        complaints.accept(complaint, liaison, D(2024, 3, 6))
    with pytest.raises(ValidationError) as error:
        complaints.answer(complaint, liaison, D(2024, 3, 20), "")
    assert "text" in error.value.message_dict
    complaints.answer(complaint, liaison, D(2024, 3, 20), "经核查，已责令停止销售")
    assert complaint.state == ComplaintState.HANDLED and complaint.replied_on == D(2024, 3, 20)
    assert rules(complaint)["complaint-reply"].state == ClockState.MET
    with pytest.raises(ValidationError):
        complaints.close(complaint, liaison, D(2024, 3, 19))
    complaints.close(complaint, liaison, D(2024, 3, 21))
    assert complaint.state == ComplaintState.CLOSED
    assert events(complaint)[-3:] == ["complaint.accepted", "complaint.replied", "complaint.closed"]


def test_not_accepted_needs_a_reason_and_stops_the_clock(new_complaint, users):
    complaint = new_complaint(user="amr-liaison")
    liaison = users["amr-liaison"]
    with pytest.raises(ValidationError) as error:
        complaints.decline(complaint, liaison, D(2024, 3, 4), "")
    assert "reason" in error.value.message_dict
    complaints.decline(complaint, liaison, D(2024, 3, 4), "不属于知识产权事项")
    assert complaint.state == ComplaintState.NOT_ACCEPTED
    assert rules(complaint)["complaint-acceptance"].state == ClockState.MET
    assert Event.objects.get(object_id=complaint.pk, kind="complaint.not_accepted").reason == "不属于知识产权事项"
    with pytest.raises(ValidationError):
        complaints.answer(complaint, liaison, D(2024, 3, 5), "已处理")
    complaints.close(complaint, liaison, D(2024, 3, 5))
    assert complaint.state == ComplaintState.CLOSED


def test_acceptance_clock_over_national_day_counted_by_hand(new_complaint):
    """Received Friday 2024-09-27: 7 working days, the day received not counted: 09-29 (a Sunday worked), 09-30,
    then 10-01…10-07 off, 10-08, 10-09, 10-10, 10-11 and 10-12 (a Saturday worked): due 2024-10-12."""
    complaint = new_complaint(received_on=D(2024, 9, 27))
    (reading,) = complaints.complaint_readings(complaint, D(2024, 9, 28))
    assert reading.due == D(2024, 10, 12)
    assert reading.exact
    late = complaints.complaint_readings(complaint, D(2024, 10, 14))[0]
    assert late.state == ClockState.OVERDUE


def test_a_case_opened_from_a_complaint_is_linked(new_complaint, users, amr):
    complaint = new_complaint()
    complaints.route(complaint, None, amr, D(2024, 3, 2))
    kind = CaseKind.objects.get(key="trademark-infringement")
    arguments = {"number": "南市监处〔2024〕投1号", "title": "演示卫浴商行商标侵权案", "kind": kind}
    with pytest.raises(ValidationError):  # not yet accepted
        complaints.open_case(complaint, users["amr-liaison"], lead_on=D(2024, 3, 5), **arguments)
    complaints.accept(complaint, users["amr-liaison"], D(2024, 3, 5))
    with pytest.raises(PermissionDenied):
        complaints.open_case(complaint, users["court-liaison"], lead_on=D(2024, 3, 5), **arguments)
    complaints.open_case(complaint, users["amr-liaison"], lead_on=D(2024, 3, 5), **arguments)
    case = Case.objects.get(number="南市监处〔2024〕投1号")
    assert complaint.case == case and case.source == "complaint" and case.unit == amr
    assert list(case.complaints.all()) == [complaint]
    assert case.parties.get().credit_code == "91350583MA00000001"
    assert events(complaint)[-1] == "complaint.case_opened"
    with pytest.raises(ValidationError):  # once
        complaints.open_case(complaint, users["amr-liaison"], lead_on=D(2024, 3, 5), **arguments)


def test_identity_is_read_only_by_the_handling_unit_and_the_office(new_complaint, users, amr):
    complaint = new_complaint()
    complaints.route(complaint, None, amr, D(2024, 3, 2))
    for username in ("office", "amr-liaison"):
        assert complaints.identity(complaint, users[username])["complainant_id_number"] == "350583199001011234"
    for username in ("leader", "court-liaison", "shuitou-liaison"):
        shown = complaints.identity(complaint, users[username])
        assert "李四" not in shown.values() and "350583199001011234" not in shown.values()


def test_demo_complaints_are_deterministic_and_some_open_cases(reference, users):
    from zhichan.protection.models import Complaint
    from zhichan.protection.services.demo_complaints import create_demo_complaints

    assert create_demo_complaints() == 36
    made = Complaint.objects.filter(synthetic=True)
    assert made.filter(case__isnull=False).exists()
    assert made.filter(state=ComplaintState.CLOSED).exists() and made.exclude(state=ComplaintState.CLOSED).exists()
    assert {case.source for case in Case.objects.filter(complaints__isnull=False)} == {"complaint"}
    first = list(made.order_by("pk").values_list("state", "unit__key", "case__number"))
    Case.objects.filter(synthetic=True).delete()
    made.delete()
    create_demo_complaints()
    again = list(
        Complaint.objects.filter(synthetic=True).order_by("pk").values_list("state", "unit__key", "case__number")
    )
    assert again == first


def test_a_units_overdue_complaints_are_on_its_workbench(new_complaint, users):
    from django.utils import timezone

    from zhichan.protection.todos_complaints import complaint_todos

    assert complaint_todos(users["amr-liaison"]) == []
    new_complaint(user="amr-liaison", received_on=timezone.localdate() - datetime.timedelta(days=30))
    (todo,) = complaint_todos(users["amr-liaison"])
    assert todo.count == 1 and todo.overdue and todo.kind == "complaints"
    assert complaint_todos(users["court-liaison"]) == [] and complaint_todos(users["office"]) == []
