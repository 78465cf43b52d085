"""The table in which an assessor unit (or the office) scores the items it assesses: all rows or none saved, each
refusal on its row with the typed values kept, a liaison only its own unit's items."""

from decimal import Decimal

import pytest
from django.urls import reverse

from zhichan.assessment.models import ItemScore
from zhichan.assessment.services import rounds
from zhichan.core.events import events_of
from zhichan.core.models import Unit, User

from .factories import item, make_round, self_assess_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def claims():
    """A round in review in which 市市场监管局 and 市法院 claimed the innovation bonus that 市政府办公室 scores."""
    assessment_round = make_round()
    self_assess_all(assessment_round, submit=False)
    for unit, points in (("amr", 3), ("court", 2)):
        rounds.self_assess(item(assessment_round, unit, "innovation"), None, points=Decimal(points), note="经验推广")
    for participant in assessment_round.participants.all():
        rounds.submit_self(participant, None)
    rounds.start_review(assessment_round, None)
    return assessment_round


def _post(client, assessment_round, rows: dict):
    data = {}
    for unit, (points, reason) in rows.items():
        pk = item(assessment_round, unit, "innovation").pk
        data[f"item-{pk}-points"], data[f"item-{pk}-reason"] = points, reason
    return client.post(reverse("assessment-round-scores", args=[assessment_round.pk]), data)


def test_the_rows_are_saved_together_or_not_at_all(claims, client_for):
    client = client_for("office")
    page = client.get(reverse("assessment-round-scores", args=[claims.pk])).content.decode()
    assert page.count('data-testid="assessment-score-row"') == 2  # only the claimed bonuses wait
    refused = _post(client, claims, {"amr": ("3", ""), "court": ("1", "")})  # court's lower score gives no reason
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "请说明由2分调整的理由" in html and 'value="1"' in html  # the refusal on its row, the typed value kept
    assert not ItemScore.objects.filter(participant__round=claims, points__isnull=False).exists()
    both = _post(client, claims, {"amr": ("4", ""), "court": ("-1", "")}).content.decode()
    assert both.count("请填写0至3分。") == 2 and "未保存：有2行需要修改。" in both  # every mistake at once
    saved = _post(client, claims, {"amr": ("3", ""), "court": ("1", "仅在本单位推广")})
    assert saved.status_code == 302
    court = item(claims, "court", "innovation")
    assert (court.points, court.reason) == (Decimal(1), "仅在本单位推广")
    assert [e.reason for e in events_of(court).filter(kind="assessment.reviewed")] == ["仅在本单位推广"]
    assert not rounds.awaiting_assessors(claims).exists()
    unit_reads = client_for("court-liaison").get(court.get_absolute_url()).content.decode()
    assert "仅在本单位推广" not in unit_reads  # the review's points and reason reach the unit once published


def test_an_assessor_liaison_scores_its_own_units_items_only(claims, client_for):
    gov = Unit.objects.get(key="gov-office")
    client = client_for(User.objects.create(username="gov-office-liaison", role="unit-liaison", unit=gov))
    page = client.get(reverse("assessment-round-scores", args=[claims.pk])).content.decode()
    assert page.count('data-testid="assessment-score-row"') == 2
    assert _post(client, claims, {"amr": ("2", "推广范围有限")}).status_code == 302
    assert item(claims, "amr", "innovation").points == Decimal(2)
    other = client_for("amr-liaison").get(reverse("assessment-round-scores", args=[claims.pk])).content.decode()
    assert 'data-testid="assessment-scores-none"' in other
