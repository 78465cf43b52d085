"""Who is told what: reminders before deadlines and report due dates, and news of each review step.

Messages are written in the platform's default language (Chinese); keys make every reminder go out once.
"""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_noop as _noop

from zhichan.core.clocks import State
from zhichan.core.messages import Message
from zhichan.core.models import User
from zhichan.core.roles import LIAISONS, Role
from zhichan.core.services.calendar import WorkCalendar
from zhichan.core.services.notify import notify

from ..models import Assignment, Programme, ProgressReport
from ..periods import period_message, periods
from .deadlines import report_clock, within_workdays
from .status import Status, programme_states

# Kept in the catalogue for notifications stored before the period was named as people say it.
_STORED_EARLIER = (_noop("Period from %(period)s; waiting for review."),)


def liaisons_of(unit):
    return User.objects.filter(unit=unit, role__in=LIAISONS, is_active=True)


def office_users():
    return User.objects.filter(role=Role.OFFICE, is_active=True)


def send_reminders(programme, today: datetime.date | None = None) -> int:
    """Remind units of task deadlines and report due dates within the programme's reminder window,
    and of reports now past due. Run daily (`manage.py send_reminders`); returns notifications sent."""
    today = today or timezone.localdate()
    calendar = WorkCalendar()
    window = programme.reminder_days
    states = programme_states(programme, today, calendar)
    assignments = list(Assignment.objects.filter(task__programme=programme).select_related("task", "unit"))
    made = set(
        ProgressReport.objects.filter(task__programme=programme)
        .exclude(state=ProgressReport.State.DRAFT)
        .values_list("task_id", "unit_id", "period_start")
    )
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for assignment in assignments:
            task, unit = assignment.task, assignment.unit
            deadline = task.effective_deadline
            if states[task.pk].status != Status.DONE and within_workdays(today, deadline, window, calendar):
                sent += len(
                    notify(
                        liaisons_of(unit),
                        Message(_noop("Deadline on %(date)s: %(task)s"), {"date": deadline, "task": task.full_title}),
                        Message(
                            _noop("%(unit)s has a part in this task; it is due on %(date)s."),
                            {"unit": unit, "date": deadline},
                        ),
                        task.get_absolute_url(),
                        f"task-deadline:{task.pk}:{deadline}",
                    )
                )
            for period in periods(programme):
                if period.end < task.effective_start or period.start > deadline or not assignment.reports_for(period):
                    continue
                if (task.pk, unit.pk, period.start) in made or period.end >= today:
                    continue
                reading = report_clock(programme, period, today, calendar)
                if reading.state not in (State.OVERDUE, State.AT_RISK):  # warned within the reminder window
                    continue
                due, late = reading.due, reading.state == State.OVERDUE
                title = (
                    _noop("Report past due: %(task)s, %(period)s")
                    if late
                    else _noop("Report due on %(date)s: %(task)s, %(period)s")
                )
                sent += len(
                    notify(
                        liaisons_of(unit),
                        Message(title, {"task": task.full_title, "period": period.shown_message, "date": due}),
                        Message(
                            _noop("%(unit)s reports its progress on this task for %(period)s by %(date)s."),
                            {"unit": unit, "period": period.shown_message, "date": due},
                        ),
                        task.get_absolute_url(),
                        f"report-{'late' if late else 'due'}:{task.pk}:{unit.pk}:{period.key}",
                    )
                )
    return sent


def report_changed(report):
    """Tell the other side of the review: the office when a report comes in, the unit when it is reviewed."""
    with translation.override(settings.LANGUAGE_CODE):
        period = period_message(report.period_start, report.period_end)
        names = {"unit": report.unit, "task": report.task.full_title, "period": period}
        if report.state == ProgressReport.State.SUBMITTED:
            notify(
                office_users(),
                Message(_noop("Report submitted: %(unit)s, %(task)s"), names),
                Message(_noop("Reporting period %(period)s; waiting for review."), names),
                report.get_absolute_url(),
                f"report-submitted:{report.pk}:{report.submitted_at:%Y%m%d%H%M%S%f}",
            )
        elif report.state == ProgressReport.State.RETURNED:
            notify(
                liaisons_of(report.unit),
                Message(_noop("Report returned: %(task)s"), names),
                report.review_note,
                report.get_absolute_url(),
                f"report-returned:{report.pk}:{report.reviewed_at:%Y%m%d%H%M%S%f}",
            )
        elif report.state == ProgressReport.State.ACCEPTED:
            notify(
                liaisons_of(report.unit),
                Message(_noop("Report accepted: %(task)s"), names),
                report.review_note,
                report.get_absolute_url(),
                f"report-accepted:{report.pk}",
            )


def daily_reminders(stdout, today: datetime.date):
    """The programme's part of `manage.py send_reminders`: each programme's deadlines and report due dates."""
    for programme in Programme.objects.all():
        sent = send_reminders(programme, today)
        stdout.write(f"{programme.name}: {sent} notifications")
