"""Deadlines in working days, on the platform's official calendar (core.services.calendar).

Pass one WorkCalendar through a whole computation so each year's days are read once.
"""

from zhichan.core.services.calendar import WorkCalendar, add_workdays, workdays_between


def report_due(programme, period, calendar: WorkCalendar | None = None):
    """When a period's report is due: the programme's number of working days after the period ends."""
    return add_workdays(period.end, programme.report_due_days, calendar)


def within_workdays(today, deadline, days: int, calendar: WorkCalendar | None = None) -> bool:
    """Is the deadline still ahead but no more than `days` working days away?"""
    return today <= deadline and workdays_between(today, deadline, calendar).value <= days
