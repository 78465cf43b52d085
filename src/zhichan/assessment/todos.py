"""The workbench's to-do list: a liaison's self-assessment to submit, an item its unit assesses for others, the
office's appeals to decide, and a round awaiting the leadership's approval."""

from django.utils.translation import gettext as _

from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, Role, role_of

from .models import Appeal, AppealState, ItemScore, Participant, ParticipantState, Round, RoundState


def assessment_todos(user) -> list:
    role = role_of(user)
    found = []
    if role in LIAISONS and user.unit_id:
        for participant in Participant.objects.filter(
            unit_id=user.unit_id, state=ParticipantState.DRAFT, round__state=RoundState.OPEN
        ).select_related("round"):
            found.append(
                Todo(
                    _("Self-assessment to submit: %(round)s") % {"round": participant.round.title},
                    participant.get_absolute_url(),
                )
            )
        review = (
            ItemScore.objects.filter(
                assessor_id=user.unit_id, participant__round__state=RoundState.REVIEW, points__isnull=True
            )
            .select_related("participant__round")
            .first()
        )
        if review is not None:
            found.append(
                Todo(
                    _("Items your unit assesses: %(round)s") % {"round": review.participant.round.title},
                    review.participant.round.get_absolute_url(),
                )
            )
    if role == Role.OFFICE:
        pending = (
            Appeal.objects.visible_to(user)
            .filter(state=AppealState.PENDING)
            .select_related("participant__unit", "participant__round")
        )
        for appeal in pending:
            found.append(
                Todo(
                    _("Appeal to decide: %(unit)s") % {"unit": appeal.participant.unit.name}, appeal.get_absolute_url()
                )
            )
    if role == Role.LEADER:
        for waiting in Round.objects.visible_to(user).filter(state=RoundState.APPROVAL):
            found.append(
                Todo(_("Results to approve: %(round)s") % {"round": waiting.title}, waiting.get_absolute_url())
            )
    return found
