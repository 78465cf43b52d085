"""督办: the office urges a unit — about one task, or about everything it owes — with a note; the unit is told
in the platform (and by e-mail where configured), sees it on its workbench and the task page until it answers;
the office is told the answer. Each urging is a record of its own (who urged whom, when, why, and the answer),
audited like every business row."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as _noop

from zhichan.core.actions import action, office_only
from zhichan.core.clocks import Reading, State
from zhichan.core.roles import LIAISONS, role_of
from zhichan.core.services.calendar import WorkCalendar
from zhichan.core.services.notify import Message, notify

from ..events import URGED, URGING_ANSWERED
from ..models import Urging
from .deadlines import answer_clock
from .reminders import liaisons_of, office_users


@action(URGED, reason="note", allow=office_only)
def urge(user, unit, note: str, *, programme, task=None) -> Urging:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Say what the unit is urged to do.")})
    if task is not None and not task.assignments.filter(unit=unit).exists():
        raise ValidationError(_("%(unit)s has no part in this task.") % {"unit": unit})
    urging = Urging.objects.create(programme=programme, task=task, unit=unit, note=note, urged_by=user)
    with translation.override(settings.LANGUAGE_CODE):
        about = task.title if task else programme.name
        notify(
            liaisons_of(unit),
            Message(_noop("Urged by the programme office: %(about)s"), {"about": about}),
            note,
            urging.get_absolute_url(),
            f"urging:{urging.pk}",
        )
    return urging


@action(URGING_ANSWERED, reason="text")
def answer(urging, user, text: str) -> Urging:
    """The urged unit's liaison answers; the office (and whoever urged) is told."""
    if role_of(user) not in LIAISONS or user.unit_id != urging.unit_id:
        raise PermissionDenied
    text = (text or "").strip()
    if not text:
        raise ValidationError({"answer": _("Write the answer.")})
    urging = Urging.objects.select_for_update().get(pk=urging.pk)
    if urging.answered:
        raise ValidationError(_("This urging has already been answered."))
    urging.answer, urging.answered_by, urging.answered_at = text, user, timezone.now()
    urging.save()
    with translation.override(settings.LANGUAGE_CODE):
        about = urging.task.title if urging.task_id else urging.programme.name
        notify(
            [*office_users(), urging.urged_by],
            Message(_noop("%(unit)s answered the urging: %(about)s"), {"unit": urging.unit, "about": about}),
            text,
            urging.get_absolute_url(),
            f"urging-answered:{urging.pk}",
        )
    return urging


def answer_due(urging, calendar=None):
    """By when the office expects an answer: the programme's reminder window in working days after the urging."""
    return answer_clock(urging, timezone.localdate(), calendar).due


def answer_clocks(urgings, today=None) -> dict[int, Reading]:
    """{urging id: its answer's clock on the day} (one calendar for all)."""
    today = today or timezone.localdate()
    calendar = WorkCalendar()
    return {u.pk: answer_clock(u, today, calendar) for u in urgings}


def overdue_answers(urgings, today=None) -> list[Urging]:
    """Of these urgings, those not answered whose answer is past due."""
    clocks = answer_clocks(urgings, today)
    return [u for u in urgings if clocks[u.pk].state == State.OVERDUE]
