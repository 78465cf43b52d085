"""Reminders to enforcing units: a case's time limit near (within its rule's warning days) or past.

Run daily through `manage.py send_reminders` (the module's `daily` hook). The liaisons of the case's unit get one
notification per case, clock due date and state (near, past), in the platform's default language; a clock
extended to a new due date warns again. The running clocks of every case are read at once (clock_lists)."""

import datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_noop as _noop

from zhichan.core.clocks import State as ClockState
from zhichan.core.messages import Message
from zhichan.core.models import User
from zhichan.core.roles import LIAISONS
from zhichan.core.services.notify import notify

from ..models import Case
from .clock_lists import RUNNING, read_many, running_rules

PRESSING = (ClockState.AT_RISK, ClockState.OVERDUE)


def clock_reminders(today: datetime.date) -> int:
    """Notify each enforcing unit's liaisons of its cases whose running clock is near or past its due date."""
    cases = Case.objects.filter(state__in=RUNNING)
    readings = read_many(running_rules(cases), today, among=cases.values("pk"))
    pressing = {pk: reading for pk, reading in readings.items() if reading.state in PRESSING}
    if not pressing:
        return 0
    liaisons = {}
    for user in User.objects.filter(role__in=LIAISONS, is_active=True, unit__isnull=False):
        liaisons.setdefault(user.unit_id, []).append(user)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for case in Case.objects.filter(pk__in=list(pressing)).order_by("pk"):
            reading = pressing[case.pk]
            late = reading.state == ClockState.OVERDUE
            names = {"number": case.number, "title": case.title, "date": reading.due, "rule": reading.rule.name}
            title = (
                _noop("Time limit passed: %(number)s %(title)s")
                if late
                else _noop("Time limit on %(date)s: %(number)s %(title)s")
            )
            body = _noop("%(rule)s ended on %(date)s.") if late else _noop("%(rule)s ends on %(date)s.")
            sent += len(
                notify(
                    liaisons.get(case.unit_id, []),
                    Message(title, names),
                    Message(body, names),
                    case.get_absolute_url(),
                    f"case-clock-{'late' if late else 'near'}:{case.pk}:{reading.rule.key}:{reading.due}",
                )
            )
    return sent


def daily_reminders(stdout, today: datetime.date) -> None:
    sent = clock_reminders(today)
    stdout.write(f"protection: {sent} reminders of cases' time limits")
