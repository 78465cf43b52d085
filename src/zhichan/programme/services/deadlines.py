"""Deadlines in working days, on the platform's official calendar (core.services.calendar)."""


def report_due(programme, period):
    """When a period's report is due: the programme's number of working days after the period ends."""
    from zhichan.core.services.calendar import add_workdays

    return add_workdays(period.end, programme.report_due_days)


def within_workdays(today, deadline, days: int) -> bool:
    """Is the deadline still ahead but no more than `days` working days away?"""
    from zhichan.core.services.calendar import workdays_between

    return today <= deadline and workdays_between(today, deadline).value <= days
