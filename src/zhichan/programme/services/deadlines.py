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

from ..periods import period_starting


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


def submissions(report) -> list[datetime.datetime]:
    """When the report was submitted, each time, oldest first (its history keeps every submission)."""
    if report.state == report.State.DRAFT and not report.submitted_at:
        return []
    times = (
        report.history.filter(state=report.State.SUBMITTED, submitted_at__isnull=False)
        .order_by("submitted_at")
        .values_list("submitted_at", flat=True)
        .distinct()
    )
    found = list(times)
    if report.submitted_at and report.submitted_at not in found:
        found.append(report.submitted_at)  # a row saved without history (older data)
    return found


def report_reading(report, day, calendar=None, times=None) -> Reading:
    """A report's deadline on `day`, stopped by its first submission: a return asks for more, not for a new
    report, and the programme sets no time limit for sending a returned report again, so a resubmission neither
    stops nor reopens the clock (the page shows it beside the clock). `times`: `submissions(report)`, if read."""
    programme = report.task.programme
    times = submissions(report) if times is None else times
    first = timezone.localdate(times[0]) if times else None
    return report_clock(programme, period_starting(programme, report.period_start), day, calendar, submitted=first)


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
