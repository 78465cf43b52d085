"""Who is told what as a round moves on: the leadership when results await approval, the office when they are
sent back or appealed, each unit's liaisons when the results are published and when their appeal is decided.
Each reader sees the message in their own language (core Message); a key makes each go out once."""

from django.utils.translation import gettext_noop as _noop

from zhichan.core.messages import Message
from zhichan.core.models import User
from zhichan.core.roles import LIAISONS, Role
from zhichan.core.services.notify import notify


def _staff(assessment_round, *roles):
    users = User.objects.filter(role__in=roles, is_active=True)
    return users.filter(unit__organisation=assessment_round.organisation) | users.filter(unit__isnull=True)


def awaiting_approval(assessment_round) -> None:
    notify(
        _staff(assessment_round, Role.LEADER),
        Message(_noop("Results to approve: %(round)s"), {"round": assessment_round.title}),
        Message(_noop("The office has reviewed the round and sends its results for your approval.")),
        assessment_round.get_absolute_url(),
        f"assessment-approval:{assessment_round.pk}:{assessment_round.history.count()}",
    )


def sent_back(assessment_round, reason: str) -> None:
    notify(
        _staff(assessment_round, Role.OFFICE),
        Message(_noop("Sent back by the leadership: %(round)s"), {"round": assessment_round.title}),
        reason,
        assessment_round.get_absolute_url(),
        f"assessment-sent-back:{assessment_round.pk}:{assessment_round.history.count()}",
    )


def published(assessment_round) -> None:
    for participant in assessment_round.participants.select_related("unit"):
        notify(
            User.objects.filter(unit_id=participant.unit_id, role__in=LIAISONS, is_active=True),
            Message(_noop("Assessment results published: %(round)s"), {"round": assessment_round.title}),
            Message(
                _noop("Your unit's result is published; you may appeal until %(date)s."),
                {"date": f"{assessment_round.appeal_deadline:%Y-%m-%d}"},
            ),
            participant.get_absolute_url(),
            f"assessment-published:{participant.pk}",
        )


def appealed(appeal) -> None:
    notify(
        _staff(appeal.participant.round, Role.OFFICE),
        Message(_noop("Appeal to decide: %(unit)s"), {"unit": appeal.participant.unit.name}),
        appeal.reason,
        appeal.get_absolute_url(),
        f"assessment-appeal:{appeal.pk}",
    )


def decided(appeal) -> None:
    upheld = appeal.state == "upheld"
    title = _noop("Your appeal is upheld: %(round)s") if upheld else _noop("Your appeal is rejected: %(round)s")
    notify(
        User.objects.filter(unit_id=appeal.participant.unit_id, role__in=LIAISONS, is_active=True),
        Message(title, {"round": appeal.participant.round.title}),
        appeal.answer,
        appeal.get_absolute_url(),
        f"assessment-appeal-decided:{appeal.pk}",
    )
