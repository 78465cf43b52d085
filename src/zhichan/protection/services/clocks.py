"""Reading a case's clocks (core/clocks.py does the counting): the clocks of one case, and the running clock of
many at once for a list, the dashboard and the on-time rate."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from zhichan.core.clocks import State as ClockState
from zhichan.core.clocks import clock
from zhichan.core.models import Clock
from zhichan.core.services.calendar import WorkCalendar

from ..models import Case
from .clock_lists import read_many


def _clocks(case_ids):
    return (
        Clock.objects.filter(content_type=ContentType.objects.get_for_model(Case), object_id__in=list(case_ids))
        .select_related("rule")
        .prefetch_related("extensions", "excluded")
    )


def case_readings(case, day: datetime.date | None = None) -> list:
    """Every clock of the case read on the day, in the order they started."""
    calendar = WorkCalendar()
    return [clock(row, day, calendar=calendar) for row in _clocks([case.pk])]


def running_readings(cases, day: datetime.date | None = None) -> dict:
    """{case id: reading of the clock running now} for the cases (those with one)."""
    wanted = {case.pk: case.running_rule for case in cases if case.running_rule}
    return read_many(wanted, day or timezone.localdate())


def decision_readings(rules: dict, day: datetime.date) -> dict:
    """{case id: reading of its decision clock on the day}, from {case id: its kind's decision rule key}: the clock
    the on-time rate asks about."""
    return read_many(rules, day)


def decision_reading(case, day: datetime.date | None = None):
    """The case's decision clock read on the day, or None when it has none (a lead not filed)."""
    return decision_readings({case.pk: case.kind.decision_rule}, day or timezone.localdate()).get(case.pk)


def overdue_cases(user, day: datetime.date | None = None) -> list:
    """The cases the user reads whose running clock is past its due date, most overdue first."""
    from ..models import State

    cases = list(
        Case.objects.visible_to(user)
        .filter(state__in=[State.LEAD, State.FILED, State.INVESTIGATION])
        .select_related("kind", "unit")
    )
    readings = running_readings(cases, day)
    late = [
        (case, readings[case.pk])
        for case in cases
        if case.pk in readings and readings[case.pk].state == ClockState.OVERDUE
    ]
    return sorted(late, key=lambda pair: pair[1].days_left)
