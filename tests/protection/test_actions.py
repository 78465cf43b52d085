"""Each step of a case: who may take it, what guards it, the event it leaves and the clocks it keeps."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from zhichan.core.clocks import State as ClockState
from zhichan.core.models import Event
from zhichan.protection.models import Case, State
from zhichan.protection.services import cases
from zhichan.protection.services.clocks import case_readings, running_readings

D = datetime.date


@pytest.fixture(autouse=True)
def english():
    """Refusals are matched by their English words here (the pages' tests read them in Chinese)."""
    with override("en"):
        yield


def kinds_of_events(case):
    return list(
        Event.objects.filter(object_id=case.pk, content_type__model="case", kind__startswith="case.")
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_a_lead_starts_the_filing_clock_and_is_logged(new_case, users):
    case = new_case(lead_on=D(2024, 2, 20))
    assert case.state == State.LEAD and case.ip_type == "trademark" and case.created_by == users["amr-liaison"]
    (reading,) = case_readings(case, D(2024, 2, 21))
    assert reading.rule.key == "penalty-filing" and reading.start == D(2024, 2, 20)
    assert kinds_of_events(case) == ["case.opened"]
    assert case.parties.get().name == "张三"


def test_only_the_units_own_liaison_or_the_office_enters_its_cases(new_case, users):
    with pytest.raises(PermissionDenied):
        new_case(user="court-liaison")
    assert new_case(user="office").unit.key == "amr"


def test_a_case_number_is_unique_in_its_unit(new_case):
    new_case(number="南市监处〔2024〕1号")
    with pytest.raises(ValidationError) as error:
        new_case(number="南市监处〔2024〕1号")
    assert "number" in error.value.message_dict


def test_a_party_is_linked_to_the_registry_by_credit_code(new_case):
    from zhichan.core.models import Region
    from zhichan.registry.models import Enterprise

    enterprise = Enterprise.objects.create(
        name="演示卫浴有限公司", uscc="91350583MA00000001", region=Region.objects.get(code="350583")
    )
    case = new_case(parties=[{"kind": "organisation", "name": "演示卫浴", "credit_code": "91350583ma00000001"}])
    assert case.parties.get().enterprise == enterprise
    with pytest.raises(ValidationError) as error:
        new_case(parties=[{"kind": "organisation", "name": "错码", "credit_code": "123"}])
    assert "credit_code" in error.value.message_dict


def test_the_whole_path_from_lead_to_closing(new_case, users):
    user = users["amr-liaison"]
    case = new_case(lead_on=D(2024, 2, 20))
    cases.file_case(case, user, D(2024, 3, 1))
    filing, decision = case_readings(case, D(2024, 3, 2))
    assert filing.stopped == D(2024, 3, 1) and filing.state == ClockState.MET
    assert decision.rule.key == "penalty-decision" and decision.start == D(2024, 3, 1)
    cases.investigate(case, user)
    cases.decide(case, user, D(2024, 5, 10), "南市监处罚〔2024〕1号", {"fine": "5000", "illegal_turnover": 2500})
    case.refresh_from_db()
    assert (case.state, str(case.fine), str(case.illegal_turnover)) == (State.DECIDED, "5000.00", "2500.00")
    assert case_readings(case, D(2024, 6, 1))[1].state == ClockState.MET
    cases.enforce(case, user)
    cases.close_case(case, user, D(2024, 5, 20), "罚款已缴")
    case.refresh_from_db()
    assert case.state == State.CLOSED and case.ended_on == D(2024, 5, 20)
    assert kinds_of_events(case) == [
        "case.opened",
        "case.filed",
        "case.investigating",
        "case.decided",
        "case.enforcing",
        "case.closed",
    ]
    assert running_readings([case]) == {}


def test_no_decision_without_filing_and_no_closing_without_a_decision(new_case, users):
    user = users["amr-liaison"]
    case = new_case()
    with pytest.raises(ValidationError, match="decision needs a filed case"):
        cases.decide(case, user, D(2024, 3, 1), "X号")
    with pytest.raises(ValidationError, match="closed only after its decision"):
        cases.close_case(case, user, D(2024, 3, 1))
    cases.file_case(case, user, D(2024, 3, 1))
    with pytest.raises(ValidationError, match="Only a lead can be filed"):
        cases.file_case(case, user, D(2024, 3, 2))
    with pytest.raises(ValidationError) as error:
        cases.decide(case, user, D(2024, 2, 1), "X号")
    assert "day" in error.value.message_dict  # before the filing
    assert Case.objects.get(pk=case.pk).state == State.FILED
    assert kinds_of_events(case) == ["case.opened", "case.filed"]


def test_another_unit_may_take_no_step(new_case, users):
    case = new_case()
    for step in (
        lambda user: cases.file_case(case, user, D(2024, 3, 1)),
        lambda user: cases.withdraw(case, user, D(2024, 3, 1), "x"),
        lambda user: cases.suspend(case, user, "appraisal", D(2024, 3, 1)),
    ):
        for username in ("court-liaison", "shuitou-liaison", "leader"):
            with pytest.raises(PermissionDenied):
                step(users[username])
    assert Case.objects.get(pk=case.pk).state == State.LEAD
    cases.file_case(case, users["office"], D(2024, 3, 1))  # the office may


def test_not_filed_transferred_and_withdrawn_stop_the_running_clock(new_case, users):
    user = users["amr-liaison"]
    declined = new_case()
    with pytest.raises(ValidationError):
        cases.decline_case(declined, user, D(2024, 2, 25), "")  # a reason is needed
    cases.decline_case(declined, user, D(2024, 2, 25), "证据不足")
    assert case_readings(declined, D(2024, 3, 1))[0].stopped == D(2024, 2, 25)
    transferred = new_case()
    cases.file_case(transferred, user, D(2024, 3, 1))
    cases.transfer(transferred, user, D(2024, 3, 10), "涉嫌犯罪")
    transferred.refresh_from_db()
    assert transferred.state == State.TRANSFERRED and case_readings(transferred)[1].stopped == D(2024, 3, 10)
    withdrawn = new_case()
    cases.withdraw(withdrawn, user, D(2024, 2, 22), "投诉人撤回")
    assert kinds_of_events(withdrawn)[-1] == "case.withdrawn"
    with pytest.raises(ValidationError, match="Only a case not yet decided can be transferred"):
        cases.transfer(withdrawn, user, D(2024, 3, 1), "x")


def test_suspend_resume_and_extend_act_on_the_running_clock_and_are_logged(new_case, users):
    user = users["amr-liaison"]
    case = new_case()
    cases.file_case(case, user, D(2024, 3, 1))
    period = cases.suspend(case, user, "appraisal", D(2024, 3, 10), "送检")
    assert period.clock.rule.key == "penalty-decision" and "送检" in period.reason
    assert running_readings([case], D(2024, 3, 12))[case.pk].suspended
    cases.resume(case, user, period, D(2024, 3, 19))
    with pytest.raises(ValidationError):
        cases.resume(case, user, period, D(2024, 3, 20))  # already ended
    with pytest.raises(ValidationError):
        cases.extend(case, user, 30, "", D(2024, 4, 1), "复杂")  # the approver is named
    cases.extend(case, user, 30, "王局长", D(2024, 4, 1), "案情复杂")
    assert kinds_of_events(case)[-3:] == ["case.suspended", "case.resumed", "case.extended"]
    with pytest.raises(ValidationError):
        cases.suspend(case, user, "holiday", D(2024, 4, 2))  # not a reason the rule knows


def test_an_implausible_date_or_text_is_refused_naming_the_field(new_case, users):
    with pytest.raises(ValidationError) as error:
        new_case(lead_on=D(9999, 12, 31))
    assert "lead_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        new_case(title="a\x00b")
    assert "title" in error.value.message_dict
    case = new_case()
    with pytest.raises(ValidationError) as error:
        cases.file_case(case, users["amr-liaison"], D(9999, 1, 1))
    assert "day" in error.value.message_dict and Case.objects.get(pk=case.pk).state == State.LEAD


def test_the_log_words_why_a_period_does_not_count_and_the_extensions_unit(new_case, users):
    from django.utils import translation

    from zhichan.core.events import events_of

    user = users["amr-liaison"]
    case = new_case(lead_on=D(2024, 2, 20))
    cases.file_case(case, user, D(2024, 2, 22))
    cases.suspend(case, user, "appraisal", D(2024, 3, 1))
    cases.extend(case, user, 30, "王局长", D(2024, 4, 1), "案情复杂")
    with translation.override("zh-hans"):
        shown = {event.kind: event.details for event in events_of(case)}
    assert shown["case.suspended"] == "鉴定"
    assert shown["case.extended"] == "30 · 自然日 · 王局长"
