from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhichan.core.models import Unit
from zhichan.projects.models import ReviewStage
from zhichan.projects.services import reviews
from zhichan.services.services import experts as pool

from .factories import make_project, under_way

pytestmark = pytest.mark.django_db


def _experts(count, **extra):
    organisation = Unit.objects.get(key="amr").organisation
    return [
        pool.add_expert(
            None,
            organisation=organisation,
            name=f"评审专家{n}",
            id_number=f"35058319800101{n:04d}",
            fields=["F"],
            employer=extra.get("employer", f"评审单位{n}") if n == 1 else f"评审单位{n}",
        )
        for n in range(1, count + 1)
    ]


def test_the_office_draws_the_experts_and_they_score_the_acceptance(users, client_for):
    project = make_project(users["enterprise"].enterprises.first())
    project.partners = "华侨大学"
    project.save()
    tied, *others = _experts(5, employer="华侨大学")  # the partner's own expert is left out of the draw
    under_way(project)
    with pytest.raises(PermissionDenied):
        reviews.draw_reviewers(project, users["amr-liaison"], stage=ReviewStage.FINAL, wanted=3)
    review = reviews.draw_reviewers(project, users["office"], stage=ReviewStage.FINAL, wanted=3)
    drawn = reviews.serving(review)
    assert len(drawn) == 3 and tied not in drawn
    assert review.draw.purpose == "project-review" and tied.number in review.draw.excluded
    with pytest.raises(ValidationError):
        reviews.draw_reviewers(project, users["office"], stage=ReviewStage.FINAL, wanted=3)  # drawn already

    liaison = users["amr-liaison"]  # the unit in charge records the scores
    for expert, score in zip(drawn, ("80", "90", "85"), strict=True):
        reviews.record_score(project, liaison, review=review, expert=expert, score=Decimal(score), opinion="同意")
    assert reviews.mean_score(review) == Decimal("85.0")
    reviews.record_score(project, liaison, review=review, expert=drawn[0], score=Decimal("83"))  # replaces the 80
    assert reviews.mean_score(review) == Decimal("86.0")
    with pytest.raises(ValidationError):
        reviews.record_score(project, liaison, review=review, expert=drawn[0], score=Decimal("101"))
    with pytest.raises(ValidationError):
        reviews.record_score(project, liaison, review=review, expert=tied, score=Decimal("70"))

    pick = review.draw.picks.get(expert=drawn[1])
    pool.step_aside(pick, users["office"], reason="与申报单位存在合作关系")
    with pytest.raises(ValidationError):
        reviews.record_score(project, liaison, review=review, expert=drawn[1], score=Decimal("70"))
    assert drawn[1] not in reviews.serving(review) and len(reviews.serving(review)) == 3  # a replacement serves
    assert reviews.mean_score(review) == Decimal("84.0")  # (83 + 85) / 2: who stepped aside no longer counts

    page = client_for("amr-liaison").get(reverse("project-detail", args=[project.pk])).content.decode()
    assert 'data-testid="mean-score"' in page and "评审专家" in page
