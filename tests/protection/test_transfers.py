"""Transfers to criminal justice (行刑衔接): each side's steps, what guards them, the events they leave, the clocks of
行政执法机关移送涉嫌犯罪案件的规定 counted by hand, the case going out and coming back, and who reads a transfer."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import override

from zhichan.core.clocks import State as ClockState
from zhichan.core.models import Event, Unit
from zhichan.protection.models import Case, Outcome, PoliceDecision, State, Transfer, TransferState
from zhichan.protection.services import transfers
from zhichan.protection.services.clocks import case_readings

from .conftest import at

D = datetime.date


@pytest.fixture(autouse=True)
def english():
    with override("en"):
        yield


@pytest.fixture
def police():
    return Unit.objects.get(key="police")


@pytest.fixture
def procuratorate():
    return Unit.objects.get(key="procuratorate")


def events(transfer):
    return list(
        Event.objects.filter(object_id=transfer.pk, kind__startswith="transfer.")
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def reading(transfer, rule, day):
    return next(r for r in transfers.transfer_readings(transfer, day) if r.rule.key == rule)


def sent(new_transfer, users, police, approved=None, out=None, **extra):
    """A transfer (reported on 4 March 2024 unless said), approved (5 March, 10:00) and sent (6 March, 09:00) by the
    market supervision bureau's liaison."""
    transfer = new_transfer(**extra)
    unit = users["amr-liaison"]
    transfers.approve(transfer, unit, "王局长", approved or at(2024, 3, 5, 10))
    return transfers.send(transfer, unit, out or at(2024, 3, 6, 9), police)


# --- the report and the chief's approval ----------------------------------------------------------------------


def test_the_report_names_two_officers_and_starts_the_chiefs_three_days(new_transfer):
    transfer = new_transfer(reported_on=D(2024, 3, 4))
    assert transfer.state == TransferState.REPORTED and transfer.officers == ["林执法", "陈执法"]
    assert transfer.unit.key == "amr" and transfer.case.state == State.FILED  # the case stays until it goes out
    # 3 days from Monday 4 March, the day itself not counted: Thursday 7 March.
    approval = reading(transfer, "transfer-approval", D(2024, 3, 5))
    assert approval.due == D(2024, 3, 7) and approval.days_left == 2 and approval.state == ClockState.ON_TIME
    assert reading(transfer, "transfer-approval", D(2024, 3, 8)).state == ClockState.OVERDUE
    assert events(transfer) == ["transfer.reported"]


def test_a_report_is_refused_with_the_field_named(new_case, users):
    from zhichan.protection.services import cases

    case = new_case(lead_on=D(2024, 2, 20))
    liaison = users["amr-liaison"]
    with pytest.raises(ValidationError) as error:
        transfers.report(liaison, case=case, reported_on=D(2024, 3, 1), officers="林执法")
    assert "officers" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        transfers.report(liaison, case=case, reported_on=D(2024, 2, 19), officers="林执法、陈执法")
    assert "reported_on" in error.value.message_dict and "before the lead" in str(error.value)
    transfer = transfers.report(liaison, case=case, reported_on=D(2024, 3, 1), officers="林执法，陈执法; 林执法")
    assert transfer.officers == ["林执法", "陈执法"]  # a lead may be reported too; names read once each
    with pytest.raises(ValidationError, match="already has a transfer under way"):
        transfers.report(liaison, case=case, reported_on=D(2024, 3, 2), officers=["甲", "乙"])
    decided = new_case()
    cases.file_case(decided, liaison, D(2024, 3, 1))
    cases.decide(decided, liaison, D(2024, 3, 10), "罚1号")
    with pytest.raises(ValidationError, match="only a case not yet decided"):
        transfers.report(liaison, case=decided, reported_on=D(2024, 3, 11), officers=["甲", "乙"])
    with pytest.raises(PermissionDenied):
        transfers.report(users["court-liaison"], case=new_case(), reported_on=D(2024, 3, 1), officers=["甲", "乙"])


def test_not_approved_the_case_goes_on_and_its_clock_never_stopped(new_transfer, users):
    transfer = new_transfer()
    with pytest.raises(ValidationError) as error:
        transfers.not_approve(transfer, users["amr-liaison"], "王局长", at(2024, 3, 5, 9), "")
    assert "reasons" in error.value.message_dict
    transfers.not_approve(transfer, users["amr-liaison"], "王局长", at(2024, 3, 5, 9), "未达追诉标准")
    transfer.refresh_from_db()
    assert transfer.state == TransferState.NOT_APPROVED and transfer.hours_to_send is None
    assert reading(transfer, "transfer-approval", D(2024, 3, 9)).state == ClockState.MET
    case = Case.objects.get(pk=transfer.case_id)
    assert case.state == State.FILED and case_readings(case)[1].stopped is None
    assert transfers.open_transfer(case) is None  # it may be reported again


# --- 24 hours to send ---------------------------------------------------------------------------------------------


def test_sending_transfers_the_case_and_keeps_the_hours(new_transfer, users, police):
    transfer = new_transfer()
    transfers.approve(transfer, users["amr-liaison"], "王局长", at(2024, 3, 5, 10))
    # 24 hours kept as 1 calendar day from the approval's day: due 6 March.
    assert reading(transfer, "transfer-approval", D(2024, 3, 6)).stopped == D(2024, 3, 5)
    sending = reading(transfer, "transfer-to-police", D(2024, 3, 5))
    assert sending.due == D(2024, 3, 6) and sending.days_left == 1 and sending.state == ClockState.AT_RISK
    transfers.send(transfer, users["amr-liaison"], at(2024, 3, 6, 11), police)
    transfer.refresh_from_db()
    # Within the day but 25 hours after the approval: the clock is met, the hours show it late.
    assert reading(transfer, "transfer-to-police", D(2024, 3, 7)).state == ClockState.MET
    assert transfer.hours_to_send == 25.0 and transfer.over_24_hours
    case = Case.objects.get(pk=transfer.case_id)
    assert case.state == State.TRANSFERRED and case.ended_on == D(2024, 3, 6)
    assert case_readings(case)[1].stopped == D(2024, 3, 6)  # the case's decision clock stops when it goes out
    assert events(transfer) == ["transfer.reported", "transfer.approved", "transfer.sent"]


def test_within_24_hours_is_not_flagged(new_transfer, users, police):
    transfer = sent(new_transfer, users, police, approved=at(2024, 3, 5, 10), out=at(2024, 3, 6, 9, 59))
    assert transfer.hours_to_send == 24.0 and not transfer.over_24_hours  # 23 h 59 min


def test_the_24_hours_are_not_moved_to_a_working_day(new_transfer, users):
    transfer = new_transfer(filed_on=D(2024, 9, 20), reported_on=D(2024, 9, 27))
    transfers.approve(transfer, users["amr-liaison"], "王局长", at(2024, 9, 30, 15))
    # Approved on 30 September: due on 1 October, the National Day holiday, and not moved to 8 October.
    late = reading(transfer, "transfer-to-police", D(2024, 10, 2))
    assert late.due == D(2024, 10, 1) and late.state == ClockState.OVERDUE and late.days_left == -1
    transfer.refresh_from_db()
    assert transfer.over_24_hours  # approved more than 24 hours ago and still not sent


# --- the police, reconsideration and the procuratorate --------------------------------------------------------


def test_the_happy_path_each_side_its_own_steps(new_transfer, users, police, procuratorate):
    unit, officer = users["amr-liaison"], users["police-liaison"]
    transfer = new_transfer()
    transfers.approve(transfer, unit, "王局长", at(2024, 3, 5, 10))
    transfers.send(transfer, unit, at(2024, 3, 6, 9), police, D(2024, 3, 6), procuratorate)
    transfers.receive(transfer, officer, D(2024, 3, 6))
    # 3 days from Wednesday 6 March end on Saturday 9 March, a rest day: due Monday 11 March.
    filing = reading(transfer, "police-filing-decision", D(2024, 3, 7))
    assert filing.due == D(2024, 3, 11) and filing.days_left == 4
    transfers.decide(transfer, officer, PoliceDecision.OPENED, D(2024, 3, 8))
    handover = reading(transfer, "items-handover", D(2024, 3, 8))
    assert handover.due == D(2024, 3, 11)  # 3 days from Friday 8 March: Monday 11 March
    transfers.hand_over(transfer, unit, D(2024, 3, 11))
    transfer.refresh_from_db()
    assert transfer.state == TransferState.OPENED and transfer.copied_on == D(2024, 3, 6)
    assert transfer.procuratorate == procuratorate and transfer.opened_on == D(2024, 3, 8)
    assert all(r.state == ClockState.MET for r in transfers.transfer_readings(transfer, D(2024, 3, 12)))
    assert Case.objects.get(pk=transfer.case_id).state == State.TRANSFERRED  # it stays with the police
    assert events(transfer) == [
        "transfer.reported",
        "transfer.approved",
        "transfer.sent",
        "transfer.received",
        "transfer.opened",
        "transfer.handed_over",
    ]


def test_refusal_reconsideration_and_the_procuratorate(new_transfer, users, police, procuratorate):
    unit, officer, prosecutor = users["amr-liaison"], users["police-liaison"], users["procuratorate-liaison"]
    transfer = sent(
        new_transfer,
        users,
        police,
        approved=at(2024, 9, 25, 10),
        out=at(2024, 9, 26, 9),
        filed_on=D(2024, 9, 2),
        reported_on=D(2024, 9, 24),
    )
    transfers.receive(transfer, officer, D(2024, 9, 27))
    with pytest.raises(ValidationError) as error:
        transfers.decide(transfer, officer, PoliceDecision.REFUSED, D(2024, 9, 28))
    assert "reasons" in error.value.message_dict
    transfers.decide(transfer, officer, PoliceDecision.REFUSED, D(2024, 9, 28), "证据不足")
    # 3 days from 28 September end on 1 October, in the National Day holiday (1–7 October): due 8 October.
    asking = reading(transfer, "reconsideration-request", D(2024, 9, 29))
    assert asking.due == D(2024, 10, 8) and any("rest day" in line for line in asking.lines)
    transfers.ask_reconsideration(transfer, unit, D(2024, 10, 8))
    assert reading(transfer, "reconsideration-request", D(2024, 10, 9)).state == ClockState.MET
    assert reading(transfer, "reconsideration-answer", D(2024, 10, 9)).due == D(2024, 10, 11)
    with pytest.raises(PermissionDenied):
        transfers.answer(transfer, unit, Outcome.UPHELD, D(2024, 10, 10))  # the police's step
    transfers.answer(transfer, officer, Outcome.UPHELD, D(2024, 10, 10), "维持")
    # 3 days from 10 October end on Sunday 13 October (the Saturday before was a make-up working day): due 14 October.
    assert reading(transfer, "procuratorate-request", D(2024, 10, 11)).due == D(2024, 10, 14)
    transfers.ask_supervision(transfer, unit, D(2024, 10, 14), procuratorate)
    assert reading(transfer, "procuratorate-request", D(2024, 10, 15)).state == ClockState.MET
    with pytest.raises(ValidationError, match="supervision: The procuratorate is asked after the police refuse"):
        transfers.ask_supervision(transfer, unit, D(2024, 10, 14), procuratorate)
    transfers.supervise(transfer, prosecutor, Outcome.UPHELD, D(2024, 10, 30), "不予立案理由成立")
    transfer.refresh_from_db()
    assert transfer.state == TransferState.UPHELD and transfer.refused_on == D(2024, 10, 30)
    with pytest.raises(ValidationError, match="already been asked"):
        transfers.ask_supervision(transfer, unit, D(2024, 10, 31), procuratorate)
    transfers.accept_refusal(transfer, unit, D(2024, 10, 31))
    assert Case.objects.get(pk=transfer.case_id).state == State.INVESTIGATION
    assert events(transfer)[3:] == [
        "transfer.received",
        "transfer.refused",
        "transfer.reconsideration_asked",
        "transfer.reconsideration_answered",
        "transfer.supervision_asked",
        "transfer.supervised",
        "transfer.refusal_accepted",
    ]


def test_supervision_leads_to_a_criminal_case(new_transfer, users, police, procuratorate):
    unit, officer, prosecutor = users["amr-liaison"], users["police-liaison"], users["procuratorate-liaison"]
    transfer = sent(new_transfer, users, police)
    transfers.receive(transfer, officer, D(2024, 3, 6))
    transfers.decide(transfer, officer, PoliceDecision.REFUSED, D(2024, 3, 7), "证据不足")
    assert not Transfer.objects.visible_to(prosecutor).filter(pk=transfer.pk).exists()
    with pytest.raises(ValidationError) as error:
        transfers.ask_supervision(transfer, unit, D(2024, 3, 8))
    assert "procuratorate" in error.value.message_dict  # which procuratorate: none named yet
    transfers.ask_supervision(transfer, unit, D(2024, 3, 8), procuratorate)
    assert reading(transfer, "reconsideration-request", D(2024, 3, 9)).stopped == D(2024, 3, 8)
    assert Transfer.objects.visible_to(prosecutor).filter(pk=transfer.pk).exists()
    with pytest.raises(PermissionDenied):
        transfers.supervise(transfer, officer, Outcome.OPENED, D(2024, 3, 20))
    transfers.supervise(transfer, prosecutor, Outcome.OPENED, D(2024, 3, 20), "已通知立案")
    transfer.refresh_from_db()
    assert transfer.state == TransferState.OPENED and transfer.opened_on == D(2024, 3, 20)
    assert reading(transfer, "items-handover", D(2024, 3, 20)).due == D(2024, 3, 25)  # 23 March, a Saturday
    assert events(transfer)[-2:] == ["transfer.supervision_asked", "transfer.supervised"]


def test_items_handover_across_the_spring_festival(new_transfer, users, police):
    transfer = sent(
        new_transfer,
        users,
        police,
        approved=at(2024, 2, 5, 10),
        out=at(2024, 2, 6, 9),
        filed_on=D(2024, 1, 20),
        reported_on=D(2024, 2, 2),
    )
    transfers.receive(transfer, users["police-liaison"], D(2024, 2, 6))
    transfers.decide(transfer, users["police-liaison"], PoliceDecision.OPENED, D(2024, 2, 8))
    # 3 days from 8 February end on 11 February, in the Spring Festival holiday (10–17 February); 18 February, a
    # Sunday, was a make-up working day: due then.
    assert reading(transfer, "items-handover", D(2024, 2, 9)).due == D(2024, 2, 18)


def test_passed_on_to_another_body(new_transfer, users, police):
    transfer = sent(new_transfer, users, police)
    officer = users["police-liaison"]
    transfers.receive(transfer, officer, D(2024, 3, 6))
    with pytest.raises(ValidationError) as error:
        transfers.decide(transfer, officer, PoliceDecision.PASSED_ON, D(2024, 3, 7))
    assert "passed_to" in error.value.message_dict
    transfers.decide(transfer, officer, PoliceDecision.PASSED_ON, D(2024, 3, 7), passed_to="泉州市公安局")
    transfer.refresh_from_db()
    assert transfer.state == TransferState.PASSED_ON and transfer.passed_to == "泉州市公安局"
    assert Case.objects.get(pk=transfer.case_id).state == State.TRANSFERRED
    assert events(transfer)[-1] == "transfer.passed_on"


# --- the case coming back -----------------------------------------------------------------------------------------


def test_a_refusal_accepted_brings_the_case_back_without_the_days_away(new_transfer, users, police):
    unit, officer = users["amr-liaison"], users["police-liaison"]
    transfer = new_transfer(filed_on=D(2024, 3, 1), reported_on=D(2024, 3, 15))
    case = Case.objects.get(pk=transfer.case_id)
    # 90 days from filing on 1 March: 30 May 2024.
    assert case_readings(case, D(2024, 3, 15))[1].due == D(2024, 5, 30)
    transfers.approve(transfer, unit, "王局长", at(2024, 3, 19, 16))
    transfers.send(transfer, unit, at(2024, 3, 20, 9), police)
    transfers.receive(transfer, officer, D(2024, 3, 20))
    transfers.decide(transfer, officer, PoliceDecision.REFUSED, D(2024, 4, 7), "不构成犯罪")
    with pytest.raises(PermissionDenied):
        transfers.accept_refusal(transfer, officer, D(2024, 4, 9))  # the unit's step
    transfers.accept_refusal(transfer, unit, D(2024, 4, 9), "依法作出行政处罚")
    transfer.refresh_from_db()
    case.refresh_from_db()
    assert transfer.state == TransferState.RETURNED and transfer.returned_on == D(2024, 4, 9)
    assert case.state == State.INVESTIGATION and case.ended_on is None
    decision = case_readings(case, D(2024, 4, 10))[1]
    # 20 March to 9 April, both days, were with the police: 21 days not counted, so due 30 May + 21 = 20 June.
    assert decision.stopped is None and decision.due == D(2024, 6, 20) and decision.days_left == 71
    assert any("2024-03-20" in line and "2024-04-09" in line for line in decision.lines)
    assert reading(transfer, "reconsideration-request", D(2024, 4, 10)).stopped == D(2024, 4, 9)
    assert events(transfer)[-1] == "transfer.refusal_accepted"
    assert Event.objects.filter(object_id=case.pk, kind="case.taken_back").exists()
    # The case can be reported again and decided now.
    assert transfers.open_transfer(case) is None


def test_a_case_the_police_return_comes_back_a_lead_if_it_went_as_one(new_case, users, police):
    unit, officer = users["amr-liaison"], users["police-liaison"]
    case = new_case(lead_on=D(2024, 3, 1))
    transfer = transfers.report(unit, case=case, reported_on=D(2024, 3, 4), officers=["甲", "乙"])
    transfers.approve(transfer, unit, "王局长", at(2024, 3, 4, 15))
    transfers.send(transfer, unit, at(2024, 3, 5, 9), police)
    transfers.receive(transfer, officer, D(2024, 3, 5))
    transfers.decide(transfer, officer, PoliceDecision.OPENED, D(2024, 3, 6))
    with pytest.raises(ValidationError) as error:
        transfers.take_back(transfer, unit, D(2024, 4, 1), "")
    assert "note" in error.value.message_dict
    transfers.take_back(transfer, unit, D(2024, 4, 1), "不需要追究刑事责任，应予行政处罚")
    case.refresh_from_db()
    assert case.state == State.LEAD
    # The filing clock: 15 working days from 1 March, the days from 5 March to 1 April not counted.
    filing = case_readings(case, D(2024, 4, 2))[0]
    assert filing.rule.key == "penalty-filing" and filing.stopped is None
    assert filing.due > D(2024, 4, 2)
    assert events(transfer)[-1] == "transfer.returned"


# --- who does what, and bad input ---------------------------------------------------------------------------------


def test_each_side_takes_only_its_own_steps(new_transfer, users, police):
    transfer = new_transfer()
    for username in ("police-liaison", "procuratorate-liaison", "court-liaison", "leader"):
        with pytest.raises(PermissionDenied):
            transfers.approve(transfer, users[username], "王局长", at(2024, 3, 5, 10))
    transfers.approve(transfer, users["office"], "王局长", at(2024, 3, 5, 10))  # the office may take any
    transfers.send(transfer, users["amr-liaison"], at(2024, 3, 6, 9), police)
    for username in ("amr-liaison", "procuratorate-liaison", "court-liaison"):
        with pytest.raises(PermissionDenied):
            transfers.receive(transfer, users[username], D(2024, 3, 6))
    transfers.receive(transfer, users["police-liaison"], D(2024, 3, 6))
    with pytest.raises(PermissionDenied):
        transfers.decide(transfer, users["amr-liaison"], PoliceDecision.OPENED, D(2024, 3, 7))
    transfers.decide(transfer, users["office"], PoliceDecision.OPENED, D(2024, 3, 7))
    with pytest.raises(PermissionDenied):
        transfers.hand_over(transfer, users["police-liaison"], D(2024, 3, 8))


def test_dates_out_of_order_are_refused_naming_the_field(new_transfer, users, police, procuratorate):
    unit, officer = users["amr-liaison"], users["police-liaison"]
    transfer = new_transfer(reported_on=D(2024, 3, 4))

    def refused(field, function, *args):
        with pytest.raises(ValidationError) as error:
            function(*args)
        assert field in error.value.message_dict, error.value
        return str(error.value)

    assert "before the report" in refused("at", transfers.approve, transfer, unit, "王局长", at(2024, 3, 3, 10))
    assert "in the future" in refused("at", transfers.approve, transfer, unit, "王局长", at(2099, 1, 1, 10))
    soon = refused("at", transfers.approve, transfer, unit, "王局长", timezone.now() + datetime.timedelta(minutes=5))
    assert "later than now" in soon or "in the future" in soon  # later today, or tomorrow just after midnight
    refused("approver", transfers.approve, transfer, unit, " ", at(2024, 3, 5, 10))
    transfers.approve(transfer, unit, "王局长", at(2024, 3, 5, 10))
    assert "before the approval" in refused("at", transfers.send, transfer, unit, at(2024, 3, 5, 9), police)
    refused("police", transfers.send, transfer, unit, at(2024, 3, 5, 12), None)
    refused("police", transfers.send, transfer, unit, at(2024, 3, 5, 12), transfer.unit)
    refused("copied_on", transfers.send, transfer, unit, at(2024, 3, 5, 12), police, D(2024, 3, 4), procuratorate)
    transfer.refresh_from_db()
    assert transfer.state == TransferState.APPROVED  # nothing half-written
    assert Case.objects.get(pk=transfer.case_id).state == State.FILED
    transfers.send(transfer, unit, at(2024, 3, 5, 12), police)
    refused("day", transfers.receive, transfer, officer, D(2024, 3, 4))
    transfers.receive(transfer, officer, D(2024, 3, 6))
    refused("day", transfers.decide, transfer, officer, PoliceDecision.OPENED, D(2024, 3, 5))
    refused("decision", transfers.decide, transfer, officer, "maybe", D(2024, 3, 7))
    transfers.decide(transfer, officer, PoliceDecision.OPENED, D(2024, 3, 7))
    refused("day", transfers.hand_over, transfer, unit, D(2024, 3, 6))
    with pytest.raises(ValidationError, match="Only a reported transfer"):
        transfers.approve(transfer, unit, "王局长", at(2024, 3, 8, 10))


def test_who_reads_a_transfer(new_transfer, users, police, procuratorate):
    transfer = new_transfer()

    def readers():
        return {
            name for name, user in users.items() if Transfer.objects.visible_to(user).filter(pk=transfer.pk).exists()
        }

    assert readers() == {"office", "leader", "amr-liaison"}  # not the police until it is sent
    transfers.approve(transfer, users["amr-liaison"], "王局长", at(2024, 3, 5, 10))
    transfers.send(transfer, users["amr-liaison"], at(2024, 3, 6, 9), police)
    assert readers() == {"office", "leader", "amr-liaison", "police-liaison"}
    transfers.copy_to_procuratorate(transfer, users["amr-liaison"], D(2024, 3, 6), procuratorate)
    assert readers() == {"office", "leader", "amr-liaison", "police-liaison", "procuratorate-liaison"}
    editors = {name for name, user in users.items() if Transfer.objects.editable_by(user).filter(pk=transfer.pk)}
    assert editors == {"office", "amr-liaison", "police-liaison", "procuratorate-liaison"}
    # The police read the transfer, not the case's own record with its parties.
    assert not Case.objects.visible_to(users["police-liaison"]).filter(pk=transfer.case_id).exists()
