"""Each step of a mediation: who may take it, what guards it, the event it leaves, and the 30-day clock for
applying for judicial confirmation, counted by hand."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import override

from zhichan.core.clocks import State as ClockState
from zhichan.core.models import Event, Unit
from zhichan.protection.models import Mediation, MediationState, Ruling
from zhichan.protection.services import mediation as mediations

from ..files import PDF

D = datetime.date


@pytest.fixture(autouse=True)
def english():
    with override("en"):
        yield


def events(mediation):
    return list(
        Event.objects.filter(object_id=mediation.pk, kind__startswith="mediation.")
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_a_dispute_is_taken_in_with_its_parties_and_logged(new_mediation, users):
    mediation = new_mediation()
    assert mediation.state == MediationState.OPEN and mediation.created_by == users["amr-liaison"]
    assert [party.side for party in mediation.parties.all()] == ["applicant", "respondent"]
    assert events(mediation) == ["mediation.opened"]


def test_only_the_units_liaison_or_the_office_takes_disputes_in(new_mediation):
    with pytest.raises(PermissionDenied):
        new_mediation(user="court-liaison")
    assert new_mediation(user="office").unit.key == "amr"


def test_a_party_is_linked_to_the_registry_by_credit_code(new_mediation):
    from zhichan.core.models import Region
    from zhichan.registry.models import Enterprise

    enterprise = Enterprise.objects.create(
        name="演示卫浴有限公司", uscc="91350583MA00000001", region=Region.objects.get(code="350583")
    )
    assert new_mediation().parties.get(side="applicant").enterprise == enterprise
    with pytest.raises(ValidationError) as error:
        new_mediation(parties=[{"side": "applicant", "name": "错码", "credit_code": "123"}])
    assert "credit_code" in error.value.message_dict


def test_the_number_is_unique_and_the_rights_are_required(new_mediation):
    new_mediation(number="M-1")
    with pytest.raises(ValidationError) as error:
        new_mediation(number="M-1")
    assert "number" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        new_mediation(rights=" ")
    assert "rights" in error.value.message_dict


def test_sessions_are_held_while_mediating_and_not_before_receipt(new_mediation, users):
    user = users["amr-liaison"]
    mediation = new_mediation()
    mediations.hold_session(mediation, user, D(2024, 3, 5), "双方到场")
    with pytest.raises(ValidationError) as error:
        mediations.hold_session(mediation, user, D(2024, 2, 1))
    assert "day" in error.value.message_dict
    mediations.fail(mediation, user, D(2024, 3, 10), "被申请人拒绝赔偿")
    with pytest.raises(ValidationError, match="being mediated"):
        mediations.hold_session(mediation, user, D(2024, 3, 11))
    assert events(mediation) == ["mediation.opened", "mediation.session", "mediation.failed"]


def test_the_agreement_starts_the_30_day_clock_which_the_application_stops(new_mediation, users):
    user = users["amr-liaison"]
    mediation = new_mediation()
    file = SimpleUploadedFile("调解协议.pdf", PDF, content_type="application/pdf")
    mediations.agree(mediation, user, D(2024, 3, 20), "赔偿3万元", file)
    (reading,) = mediations.confirmation_readings(mediation, D(2024, 3, 21))
    # 30 calendar days from 20 March, the day itself not counted: 19 April 2024 (a Friday, a working day).
    assert reading.rule.key == "judicial-confirmation-application" and reading.due == D(2024, 4, 19)
    assert reading.days_left == 29 and reading.state == ClockState.ON_TIME
    assert [f.name for f in mediations.agreement_files(mediation)] == ["调解协议.pdf"]
    court = Unit.objects.get(key="court")
    confirmation = mediations.apply_for_confirmation(mediation, user, D(2024, 4, 19), court)
    (reading,) = mediations.confirmation_readings(mediation, D(2024, 5, 1))
    assert reading.stopped == D(2024, 4, 19) and reading.state == ClockState.MET and confirmation.court == court
    assert events(mediation) == [
        "mediation.opened",
        "mediation.agreed",
        "mediation.confirmation_applied",
    ]


def test_a_due_date_on_a_holiday_moves_to_the_next_working_day_and_a_late_application_shows(new_mediation, users):
    user = users["amr-liaison"]
    mediation = new_mediation(received_on=D(2024, 8, 1))
    mediations.agree(mediation, user, D(2024, 9, 1))
    # 1 September + 30 days = 1 October, National Day; the holiday runs to 7 October: due 8 October 2024.
    (reading,) = mediations.confirmation_readings(mediation, D(2024, 9, 2))
    assert reading.due == D(2024, 10, 8)
    mediations.apply_for_confirmation(mediation, user, D(2024, 10, 9), Unit.objects.get(key="court"))
    (reading,) = mediations.confirmation_readings(mediation, D(2024, 10, 10))
    assert reading.state == ClockState.MISSED


def test_outcomes_are_guarded_by_state(new_mediation, users):
    user = users["amr-liaison"]
    mediation = new_mediation()
    mediations.withdraw(mediation, user, D(2024, 3, 3), "申请人撤回")
    for act in (mediations.agree, mediations.fail):
        with pytest.raises(ValidationError, match="Withdrawn"):
            act(mediation, user, D(2024, 3, 4), "x")
    with pytest.raises(ValidationError, match="arbitration"):
        mediations.refer_to_arbitration(mediation, user, D(2024, 3, 4), "x")
    with pytest.raises(ValidationError) as error:
        mediations.fail(new_mediation(), user, D(2024, 3, 4), "")
    assert "note" in error.value.message_dict


def test_a_failed_mediation_may_go_to_arbitration(new_mediation, users):
    user = users["amr-liaison"]
    mediation = new_mediation()
    mediations.fail(mediation, user, D(2024, 3, 10), "分歧较大")
    mediations.refer_to_arbitration(mediation, user, D(2024, 3, 15), "双方订有仲裁协议，转泉州仲裁委员会")
    mediation.refresh_from_db()
    assert mediation.state == MediationState.REFERRED and mediation.ended_on == D(2024, 3, 15)
    assert events(mediation)[-2:] == ["mediation.failed", "mediation.referred"]


def test_only_an_agreement_is_applied_for_once_and_not_before_it(new_mediation, users):
    user, court = users["amr-liaison"], Unit.objects.get(key="court")
    mediation = new_mediation()
    with pytest.raises(ValidationError, match="Only an agreement"):
        mediations.apply_for_confirmation(mediation, user, D(2024, 3, 20), court)
    mediations.agree(mediation, user, D(2024, 3, 20))
    with pytest.raises(ValidationError) as error:
        mediations.apply_for_confirmation(mediation, user, D(2024, 3, 19), court)
    assert "day" in error.value.message_dict
    mediations.apply_for_confirmation(mediation, user, D(2024, 3, 25), court)
    with pytest.raises(ValidationError, match="already"):
        mediations.apply_for_confirmation(mediation, user, D(2024, 3, 26), court)


def test_other_units_cannot_take_steps(new_mediation, users):
    mediation = new_mediation()
    for username in ("court-liaison", "shuitou-liaison", "leader"):
        with pytest.raises(PermissionDenied):
            mediations.hold_session(mediation, users[username], D(2024, 3, 5))
    mediations.hold_session(mediation, users["office"], D(2024, 3, 5))


def test_the_court_enters_its_ruling_and_no_one_else_but_the_office(new_mediation, users):
    mediation = new_mediation()
    mediations.agree(mediation, users["amr-liaison"], D(2024, 3, 20))
    confirmation = mediations.apply_for_confirmation(
        mediation, users["amr-liaison"], D(2024, 3, 25), Unit.objects.get(key="court")
    )
    for username in ("amr-liaison", "shuitou-liaison", "leader"):
        with pytest.raises(PermissionDenied):
            mediations.rule(confirmation, users[username], Ruling.CONFIRMED, D(2024, 4, 2))
    with pytest.raises(ValidationError) as error:
        mediations.rule(confirmation, users["court-liaison"], Ruling.REJECTED, D(2024, 4, 2))
    assert "note" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        mediations.rule(confirmation, users["court-liaison"], Ruling.CONFIRMED, D(2024, 3, 24))
    assert "day" in error.value.message_dict
    mediations.rule(confirmation, users["court-liaison"], Ruling.CONFIRMED, D(2024, 4, 2), "（2024）闽0583民特1号")
    confirmation.refresh_from_db()
    assert (confirmation.ruling, confirmation.ruled_on) == (Ruling.CONFIRMED, D(2024, 4, 2))
    assert events(mediation)[-1] == "mediation.confirmation_ruled"
    with pytest.raises(ValidationError, match="already"):
        mediations.rule(confirmation, users["office"], Ruling.REJECTED, D(2024, 4, 3), "x")


def test_the_agreement_file_is_attached_only_to_an_agreement(new_mediation, users):
    user = users["amr-liaison"]
    mediation = new_mediation()
    with pytest.raises(ValidationError, match="Only an agreement"):
        mediations.attach_agreement(mediation, user, SimpleUploadedFile("a.pdf", PDF))
    mediations.agree(mediation, user, D(2024, 3, 20))
    with pytest.raises(ValidationError):
        mediations.attach_agreement(mediation, user, SimpleUploadedFile("a.pdf", b"MZ\x90\x00not a pdf"))
    mediations.attach_agreement(mediation, user, SimpleUploadedFile("协议.pdf", PDF))
    assert events(mediation)[-1] == "mediation.agreement_attached"
    with pytest.raises(PermissionDenied):
        mediations.attach_agreement(mediation, users["court-liaison"], SimpleUploadedFile("b.pdf", PDF))


def test_scoping_as_cases(new_mediation, users):
    mediation = new_mediation()
    mediations.agree(mediation, users["amr-liaison"], D(2024, 3, 20))
    from zhichan.protection.models import JudicialConfirmation

    confirmation = mediations.apply_for_confirmation(
        mediation, users["amr-liaison"], D(2024, 3, 25), Unit.objects.get(key="court")
    )
    readers = {name for name in users if Mediation.objects.visible_to(users[name]).filter(pk=mediation.pk).exists()}
    assert {"office", "leader", "amr-liaison"} <= readers
    assert not readers & {"court-liaison", "shuitou-liaison", "enterprise"}
    writers = {name for name in users if Mediation.objects.editable_by(users[name]).filter(pk=mediation.pk).exists()}
    assert writers == {"office", "amr-liaison"}
    court_writers = {
        name for name in users if JudicialConfirmation.objects.editable_by(users[name]).filter(pk=confirmation.pk)
    }
    assert court_writers == {"office", "court-liaison"}
