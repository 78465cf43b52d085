"""A round from opening to closing through its actions: automatic items measured as of the round's date, the
self-assessment, the review with reasons, a veto, the leadership's approval, publication, appeals on a deadline,
and a closed round frozen against later edits."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from zhichan.assessment.models import Participant, ParticipantState, RoundState
from zhichan.assessment.services import appeals, rounds
from zhichan.programme.models import ProgressReport, Task
from zhichan.programme.periods import periods
from zhichan.programme.services.deadlines import report_due
from zhichan.programme.services.loading import load_programme

from .factories import SCHEME, item, make_round, make_scheme, published_round, self_assess_all

pytestmark = pytest.mark.django_db
MINI = Path(__file__).parent.parent / "programme" / "mini.yaml"


@pytest.fixture
def programme():
    return load_programme(MINI)["programme"]


def _sent(programme, unit_key, quarter, late=0):
    task, period = Task.objects.get(programme=programme, key="4.1.2"), periods(programme)[quarter]
    day = report_due(programme, period) + datetime.timedelta(days=late)
    return ProgressReport.objects.create(
        task=task,
        unit_id=_unit(unit_key),
        period_start=period.start,
        period_end=period.end,
        state=ProgressReport.State.SUBMITTED,
        submitted_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(9))),
    )


def _unit(key):
    from zhichan.core.models import Unit

    return Unit.objects.get(key=key).pk


def test_a_round_measures_its_automatic_items_as_of_its_date(programme):
    _sent(programme, "amr", 0)
    _sent(programme, "amr", 1)
    _sent(programme, "amr", 2, late=3)
    assessment_round = make_round()
    reports = item(assessment_round, "amr", "reports")
    assert (reports.value, reports.auto_points) == (Decimal("0.6667"), Decimal("20.00"))  # 30 × 2/3
    assert reports.basis["done"] == "2" and reports.basis["due"] == "3"
    assert len(reports.basis["records"]) == 3
    # 市工信局 leads task 4.2, due at the programme's end (2024): nothing due in 2022 gives full marks, said so
    tasks = item(assessment_round, "industry", "tasks")
    assert tasks.auto_points == Decimal("20.00") and tasks.basis["nothing_due"]
    assert item(assessment_round, "amr", "plan").auto_points is None  # manual: the unit scores it


def test_self_assessment_review_veto_and_grades(programme, english):
    assessment_round = make_round()
    plan = item(assessment_round, "amr", "plan")
    with pytest.raises(ValidationError, match="between 0 and 40 points"):
        rounds.self_assess(plan, None, points=Decimal(41))
    with pytest.raises(ValidationError, match="from its records"):
        rounds.self_assess(item(assessment_round, "amr", "reports"), None, points=Decimal(1))
    amr = assessment_round.participants.get(unit__key="amr")
    with pytest.raises(ValidationError, match="工作方案|plan"):
        rounds.submit_self(amr, None)  # the manual item has no score yet
    rounds.self_assess(plan, None, points=Decimal("37.5"), note="方案已印发")
    assert (plan.self_points, plan.self_note) == (Decimal("37.5"), "方案已印发")


def test_a_submitted_self_assessment_no_longer_changes(english):
    assessment_round = make_round()
    self_assess_all(assessment_round, points="40")
    with pytest.raises(ValidationError, match="submitted"):
        rounds.self_assess(item(assessment_round, "amr", "award"), None, points=Decimal(1))


def test_the_review_needs_a_reason_to_change_points_and_a_veto_forces_the_last_grade(english):
    assessment_round = make_round()
    self_assess_all(assessment_round, points="40")
    rounds.start_review(assessment_round, None)
    plan = item(assessment_round, "court", "plan")
    with pytest.raises(ValidationError, match="Say why|说明"):
        rounds.review_item(plan, None, points=Decimal(35))
    rounds.review_item(plan, None, points=Decimal(35), reason="方案未分解到人")
    rounds.review_item(item(assessment_round, "industry", "incident"), None, points=Decimal(1), reason="重大事件")
    rounds.review_item(item(assessment_round, "amr", "award"), None, points=Decimal(3), reason="省级表彰")
    rounds.review_item(item(assessment_round, "amr", "innovation"), None, points=Decimal(3), reason="经验推广")
    units = {p.unit.key: p for p in assessment_round.participants.select_related("unit")}
    # nothing was due in 2022 from any of them on the test programme: every automatic item at full marks (60)
    assert units["amr"].total == Decimal(104)  # 60 + 40 + bonuses 3 + 3 capped at the group's 4
    assert (units["amr"].rank, units["amr"].grade) == (1, "excellent")
    assert (units["court"].total, units["court"].rank, units["court"].grade) == (Decimal(95), 2, "pass")
    # 市工信局 scored 100 but a veto applies: last rank, last grade
    assert (units["industry"].total, units["industry"].rank, units["industry"].grade) == (Decimal(100), 3, "fail")


def test_a_unit_that_never_submitted_is_reviewed_on_the_platforms_figures():
    assessment_round = make_round()
    self_assess_all(assessment_round, points="40", submit=False)
    rounds.start_review(assessment_round, None)
    amr = assessment_round.participants.get(unit__key="amr")
    assert amr.state == ParticipantState.MISSED
    assert amr.total == Decimal(60)  # its unsubmitted claim of 40 does not count


def test_only_the_leadership_approves_and_a_send_back_needs_a_reason(users):
    assessment_round = make_round()
    rounds.start_review(assessment_round, None)
    rounds.send_for_approval(assessment_round, None)
    with pytest.raises(PermissionDenied):
        rounds.approve(assessment_round, users["office"])
    with pytest.raises(ValidationError):
        rounds.send_back(assessment_round, users["leader"], reason=" ")
    rounds.send_back(assessment_round, users["leader"], reason="请复核加分")
    assert assessment_round.state == RoundState.REVIEW
    rounds.send_for_approval(assessment_round, users["office"])
    rounds.approve(assessment_round, users["leader"], note="同意")
    assert assessment_round.state == RoundState.APPROVED and assessment_round.approved_by == users["leader"]


def test_a_claim_an_assessor_scores_waits_for_its_score_before_approval(client_for):
    assessment_round = make_round()
    self_assess_all(assessment_round, submit=False)
    claim = item(assessment_round, "amr", "innovation")
    rounds.self_assess(claim, None, points=Decimal(2), note="创新做法被省局推广")
    for participant in assessment_round.participants.all():
        rounds.submit_self(participant, None)
    rounds.start_review(assessment_round, None)
    with pytest.raises(ValidationError) as refused:
        rounds.send_for_approval(assessment_round, None)
    assert "有1项应由评分单位评分的事项尚未评分（如市市场监管局的“创新”" in str(refused.value)
    page = client_for("office").get(reverse("assessment-round", args=[assessment_round.pk])).content.decode()
    assert 'data-testid="assessment-waiting"' in page and claim.get_absolute_url() in page
    rounds.review_item(claim, None, points=Decimal(1), reason="推广范围限于本市")
    rounds.send_for_approval(assessment_round, None)  # unclaimed bonuses wait for nothing
    assert assessment_round.state == RoundState.APPROVAL


def test_a_review_saved_again_unchanged_leaves_one_event():
    from zhichan.core.events import events_of

    assessment_round = make_round()
    self_assess_all(assessment_round)
    rounds.start_review(assessment_round, None)
    plan = item(assessment_round, "amr", "plan")
    rounds.review_item(plan, None, points=Decimal(20), reason="方案缺项")
    rounds.review_item(plan, None, points=Decimal("20.00"))  # the reason given before is kept
    reviews = events_of(plan).filter(kind="assessment.reviewed").order_by("-at", "-pk")
    assert [e.reason for e in reviews] == ["方案缺项"]
    rounds.review_item(plan, None, points=Decimal(25), reason="补充材料后")
    assert [e.reason for e in reviews.all()] == ["补充材料后", "方案缺项"]


def test_an_item_is_reviewed_by_its_assessor_unit_and_by_no_other(users):
    from zhichan.core.models import User

    assessment_round = make_round()
    rounds.start_review(assessment_round, None)
    innovation = item(assessment_round, "amr", "innovation")
    assessor = User.objects.filter(unit__key="gov-office").first()
    if assessor is None:
        assessor = User.objects.create(username="gov-office-liaison", role="unit-liaison", unit_id=_unit("gov-office"))
    rounds.review_item(innovation, assessor, points=Decimal(2), reason="有创新")
    with pytest.raises(PermissionDenied):
        rounds.review_item(item(assessment_round, "amr", "plan"), assessor, points=Decimal(1), reason="x")
    with pytest.raises(PermissionDenied):
        rounds.review_item(
            item(assessment_round, "court", "innovation"), users["amr-liaison"], points=Decimal(1), reason="x"
        )


def test_a_unit_appeals_until_the_deadline_and_is_refused_after_it_with_the_date(english):
    assessment_round = published_round()
    amr = assessment_round.participants.get(unit__key="amr")
    deadline = assessment_round.appeal_deadline
    with pytest.raises(ValidationError, match=f"{deadline:%Y-%m-%d}"):
        appeals.file_appeal(amr, None, item="plan", reason="方案已印发", filed_on=deadline + datetime.timedelta(days=1))
    appeal = appeals.file_appeal(amr, None, item="plan", reason="方案已印发")
    with pytest.raises(ValidationError, match=f"{deadline:%Y-%m-%d}"):
        rounds.close(assessment_round, None)  # units may still appeal
    appeals.decide_appeal(appeal, None, upheld=True, answer="经核实予以更正", points=Decimal(40))
    assert item(assessment_round, "amr", "plan").points == Decimal(40)
    assert Participant.objects.get(pk=amr.pk).total == Decimal(100)


def test_a_closed_round_is_frozen(programme):
    assessment_round = published_round()
    amr = item(assessment_round, "amr", "reports")
    before = (amr.value, amr.auto_points, amr.basis)
    totals = list(assessment_round.participants.order_by("pk").values_list("total", "rank", "grade"))
    assessment_round.appeal_deadline = datetime.date(2023, 1, 10)
    assessment_round.save(update_fields=["appeal_deadline"])
    rounds.close(assessment_round, None)
    # later records and a new version of the scheme change nothing in it
    _sent(programme, "amr", 0)
    make_scheme(SCHEME.replace("name: 测试考核办法", "name: 新版考核办法"))
    with pytest.raises(ValidationError):
        rounds.recompute(assessment_round, None)
    with pytest.raises(ValidationError):
        rounds.review_item(item(assessment_round, "amr", "plan"), None, points=Decimal(1), reason="x")
    assessment_round.refresh_from_db()
    assert assessment_round.data["name"] == "测试考核办法"
    again = item(assessment_round, "amr", "reports")
    assert (again.value, again.auto_points, again.basis) == before
    assert list(assessment_round.participants.order_by("pk").values_list("total", "rank", "grade")) == totals
