"""Appeals against a published result: a unit files one with its reasons before the round's deadline (refused
after it, saying the date), and the office decides it on a clock (rule `assessment-appeal-decision`, a setting
the office may change). An appeal upheld on an item settles that item anew and the round's ranks and grades."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_unit_liaison
from zhichan.core.inputs import past_day
from zhichan.core.services import clocks

from ..events import APPEAL_DECIDED, APPEAL_FILED
from ..models import Appeal, AppealState, RoundState
from ..points import shown
from . import telling
from .rounds import office
from .scoring import settle

RULE = "assessment-appeal-decision"


def _unit(user, arguments) -> bool:
    return office_or_unit_liaison(user, arguments["participant"], "participant")


@action(APPEAL_FILED, allow=_unit)
def file_appeal(participant, user, *, reason: str, item: str = "", filed_on=None) -> Appeal:
    assessment_round = participant.round
    if assessment_round.state != RoundState.PUBLISHED:
        raise ValidationError(_("Results are appealed once they are published, until the round closes."))
    day = filed_on or timezone.localdate()
    if day > assessment_round.appeal_deadline:
        raise ValidationError(
            _("The time to appeal ended on %(date)s.") % {"date": f"{assessment_round.appeal_deadline:%Y-%m-%d}"}
        )
    if item and not participant.items.filter(key=item).exists():
        raise ValidationError({"item": _("Choose one of the round's items.")})
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reasons for the appeal.")})
    if participant.appeals.filter(state=AppealState.PENDING, item=item).exists():
        raise ValidationError(_("An appeal on this is already waiting for its decision."))
    appeal = Appeal.objects.create(
        participant=participant,
        item=item,
        reason=reason.strip(),
        filed_on=day,
        filed_by=user if getattr(user, "pk", None) else None,
    )
    clocks.start_clock(None, appeal, RULE, day)
    telling.appealed(appeal)
    return appeal


def _office(user, arguments) -> bool:
    return office(user, {"assessment_round": arguments["appeal"].participant.round})


@action(
    APPEAL_DECIDED,
    on="appeal",
    reason="answer",
    allow=_office,
    data=lambda a, r: {"state": r.get_state_display(), "points": "" if r.points is None else str(r.points)},
)
def decide_appeal(appeal, user, *, upheld: bool, answer: str, points=None, decided_on=None) -> Appeal:
    """Decide an appeal with the office's answer; upheld on an item, `points` become that item's points."""
    if appeal.state != AppealState.PENDING:
        raise ValidationError(_("This appeal is already decided."))
    if appeal.participant.round.state != RoundState.PUBLISHED:
        raise ValidationError(_("Appeals are decided while the round is published."))
    if not (answer or "").strip():
        raise ValidationError({"answer": _("Give the decision's reasons.")})
    if upheld and appeal.item:
        item = appeal.participant.items.get(key=appeal.item)
        if points is None or not 0 <= points <= item.max_points:
            raise ValidationError(
                {"points": _("Give the item's new points, between 0 and %(max)s.") % {"max": shown(item.max_points)}}
            )
        item.points, item.reason = points, answer.strip()
        item.reviewed_by, item.reviewed_at = user if getattr(user, "pk", None) else None, timezone.now()
        item.save(update_fields=["points", "reason", "reviewed_by", "reviewed_at"])
        appeal.points = points
    appeal.state = AppealState.UPHELD if upheld else AppealState.REJECTED
    appeal.answer, appeal.decided_on = answer.strip(), past_day(decided_on, "decided_on")
    appeal.decided_by = user if getattr(user, "pk", None) else None
    appeal.save()
    clocks.stop_clock(None, appeal, RULE, appeal.decided_on)
    settle(appeal.participant.round)
    telling.decided(appeal)
    return appeal
