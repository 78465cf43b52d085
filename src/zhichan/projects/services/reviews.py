"""A project's expert review: the office draws the experts for the mid-term check or the acceptance from the expert
pool (services' `draw_experts`: at random, with its seed and pool kept for anyone to check; the applicant and the
partners named as parties, so an expert tied to one is left out), then records each expert's score and opinion. The
mean of the scores is shown beside the check or the acceptance, which the office records as the project's step."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system
from zhichan.services.models import DrawPurpose
from zhichan.services.services.experts import active_picks, draw_experts

from ..events import REVIEWERS_DRAWN, SCORE_RECORDED
from ..models import Review, ReviewStage, Score, State
from .projects import manages

# The states in which each review is drawn: the mid-term one while under way; the acceptance's until accepted.
DRAWN_IN = {ReviewStage.MIDTERM: (State.STARTED,), ReviewStage.FINAL: (State.STARTED, State.CHECKED)}


def _office_managing(user, arguments) -> bool:
    return office_or_system(user) and manages(user, arguments["project"])


def parties_of(project) -> str:
    """The applicant (name and credit code) and the partners, one a line: the parties an expert may be tied to."""
    named = [project.applicant_name, project.applicant.uscc if project.applicant_id else ""]
    named += project.partners.splitlines()
    return "\n".join(line.strip() for line in named if line.strip())


@action(
    REVIEWERS_DRAWN,
    on="project",
    allow=_office_managing,
    data=lambda arguments, result: {"stage": arguments["stage"], "wanted": arguments["wanted"]},
)
def draw_reviewers(project, user, *, stage, wanted: int, field="", day=None) -> Review:
    if project.state not in DRAWN_IN.get(stage, ()):
        raise ValidationError({"stage": _("The experts for this review are drawn while the project is under way.")})
    if project.reviews.filter(stage=stage).exists():
        message = _(
            "The experts for this review are drawn already; one who cannot serve steps aside on the draw's page."
        )
        raise ValidationError({"stage": message})
    draw = draw_experts(
        user,
        organisation=project.organisation,
        purpose=DrawPurpose.PROJECT_REVIEW,
        subject=f"{project.title}（{ReviewStage(stage).label}）",
        wanted=wanted,
        parties=parties_of(project),
        field=field,
        day=day,
        synthetic=project.synthetic,
    )
    return Review.objects.create(project=project, stage=stage, draw=draw)


def serving(review) -> list:
    """The experts of the review's draw who serve (not stepped aside)."""
    return [pick.expert for pick in active_picks(review.draw)]


@action(
    SCORE_RECORDED,
    on="project",
    allow=lambda user, arguments: manages(user, arguments["project"]),
    data=lambda arguments, result: {
        "expert": result.expert.number,
        "expert_name": result.expert.name,
        "score": str(result.score),
    },
)
def record_score(project, user, *, review, expert, score: Decimal, opinion="") -> Score:
    """An expert's score (0–100) and opinion; entered again, it replaces the earlier one."""
    if review.project_id != project.pk:
        raise ValidationError({"review": _("The review is another project's.")})
    if expert not in serving(review):
        raise ValidationError({"expert": _("Choose an expert drawn for this review who has not stepped aside.")})
    if score is None or not Decimal(0) <= score <= Decimal(100):
        raise ValidationError({"score": _("A score lies between 0 and 100.")})
    found, _created = Score.objects.update_or_create(
        review=review, expert=expert, defaults={"score": score, "opinion": (opinion or "").strip()}
    )
    return found


def mean_score(review) -> Decimal | None:
    """The mean of the scores the serving experts gave so far (not of one who stepped aside), to one decimal; None
    before any."""
    serving_ids = {expert.pk for expert in serving(review)}
    scores = [score.score for score in review.scores.all() if score.expert_id in serving_ids]
    if not scores:
        return None
    return (sum(scores) / len(scores)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def review_rows(project) -> list[dict]:
    """Each review with its experts (serving or stepped aside), their scores and the mean."""
    rows = []
    for review in project.reviews.select_related("draw").prefetch_related("scores__expert", "draw__picks__expert"):
        scores = {score.expert_id: score for score in review.scores.all()}
        picks = sorted(review.draw.picks.all(), key=lambda pick: pick.order)
        experts = [{"pick": pick, "score": scores.get(pick.expert_id)} for pick in picks]
        scored = sum(1 for pick in picks if not pick.stepped_aside and pick.expert_id in scores)
        rows.append({"review": review, "experts": experts, "mean": mean_score(review), "scored": scored})
    return rows
