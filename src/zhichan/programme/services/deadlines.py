"""The programme's deadlines that run from an event, read as clocks (core/clocks.py).

A period's report is due `report_due_days` working days after the period ends and warned about
`reminder_days` working days before; an urging is to be answered `reminder_days` working days after it was
made. Both lengths are the programme's own data (its file, `Programme`), so the rules are built from the
programme rather than stored as `DeadlineRule` rows. A task's deadline and a milestone's due date are dates the
plan states, not periods from an event: they are compared with the day directly (`within_workdays`).

Pass one WorkCalendar through a whole computation so each year's days are read once.
"""

import datetime
from functools import cache

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhichan.core.clocks import Reading, read
from zhichan.core.models import DeadlineRule, PeriodUnit
from zhichan.core.services.calendar import WorkCalendar, workdays_between


def report_rule(programme) -> DeadlineRule:
    return _report_rule(programme.report_due_days, programme.reminder_days)


def answer_rule(programme) -> DeadlineRule:
    return _answer_rule(programme.reminder_days)


# Built once per length (names are lazy, worded in the reader's language), not once per period read.
@cache
def _report_rule(due_days: int, reminder_days: int) -> DeadlineRule:
    return DeadlineRule(
        key="programme-report",
        name=_("Progress report"),
        length=due_days,
        unit=PeriodUnit.WORKING_DAYS,
        start_event=_("the end of the reporting period"),
        warn_days=[reminder_days],
    )


@cache
def _answer_rule(reminder_days: int) -> DeadlineRule:
    return DeadlineRule(
        key="programme-urging-answer",
        name=_("Answer to an urging"),
        length=reminder_days,
        unit=PeriodUnit.WORKING_DAYS,
        start_event=_("the urging"),
    )


def report_clock(programme, period, day, calendar=None, submitted: datetime.date | None = None) -> Reading:
    """A period's report as a clock on `day`: stopped by the day it was submitted, if it was."""
    return read(report_rule(programme), period.end, day, stopped=submitted, calendar=calendar)


def report_due(programme, period, calendar: WorkCalendar | None = None) -> datetime.date:
    """When a period's report is due."""
    return report_clock(programme, period, period.end, calendar).due


def answer_clock(urging, day, calendar=None) -> Reading:
    """An urging's answer as a clock on `day`, stopped by the answer."""
    answered = timezone.localdate(urging.answered_at) if urging.answered_at else None
    urged = timezone.localdate(urging.urged_at)
    return read(answer_rule(urging.programme), urged, day, stopped=answered, calendar=calendar)


def within_workdays(today, deadline, days: int, calendar: WorkCalendar | None = None) -> bool:
    """Is the deadline still ahead but no more than `days` working days away?"""
    return today <= deadline and workdays_between(today, deadline, calendar).value <= days
