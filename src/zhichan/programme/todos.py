"""The programme's lines of the workbench to-do lists: what the office has waiting, what a unit owes."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.clocks import State
from zhichan.core.extensions import Todo
from zhichan.core.roles import LIAISONS, Role, role_of
from zhichan.core.services.calendar import WorkCalendar

from .models import Assignment, ProgressReport, Task, Urging
from .periods import periods
from .services.choice import own_programmes
from .services.deadlines import answer_clock, report_due
from .services.supervision import overdue_answers

MADE = (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED)


def office_todos(user) -> list[Todo]:
    """Reports awaiting review, proposed units to confirm, tasks without a lead unit, urgings not answered in
    time: counted per programme, each linking to where it is done."""
    if role_of(user) != Role.OFFICE:
        return []
    items = []
    for programme in own_programmes(user):  # the office's own organisation's, not another's
        waiting = ProgressReport.objects.filter(task__programme=programme, state=ProgressReport.State.SUBMITTED)
        proposed = Assignment.objects.filter(task__programme=programme, proposed=True)
        leaderless = (
            Task.objects.filter(programme=programme, children__isnull=True)
            .exclude(kind="group")
            .exclude(Exists(Assignment.objects.filter(task=OuterRef("pk"), role=Assignment.Role.LEAD)))
        )
        unanswered = Urging.objects.filter(programme=programme, answered_at=None).select_related("programme")
        overview = programme.get_absolute_url()
        items += [
            Todo(
                _("Reports awaiting review"),
                reverse("programme-review", args=[programme.pk]),
                waiting.count(),
                kind="review",
            ),
            Todo(_("Proposed units to confirm"), f"{overview}#tasks", proposed.count(), kind="proposals"),
            Todo(_("Tasks without a lead unit"), f"{overview}#tasks", leaderless.count(), kind="leaderless"),
            Todo(
                _("Urgings not answered in time"),
                reverse("programme-supervision", args=[programme.pk]) + "#urgings",
                len(overdue_answers(unanswered)),
                kind="urgings",
            ),
        ]
    return items


def unit_todos(user) -> list[Todo]:
    """What the liaison's unit owes: reports for periods that have ended (and reports returned to it), and
    urgings to answer, each with its due date."""
    if role_of(user) not in LIAISONS or not user.unit_id:
        return []
    today = timezone.localdate()
    calendar = WorkCalendar()
    parts = list(
        Assignment.objects.filter(unit_id=user.unit_id, task__completed_on=None).select_related("task__programme")
    )
    reports = {
        (r.task_id, r.period_start): r
        for r in ProgressReport.objects.filter(unit_id=user.unit_id).only("id", "task_id", "period_start", "state")
    }
    items, due_dates = [], {}
    for part in parts:
        task, programme = part.task, part.task.programme
        if programme.pk not in due_dates:
            due_dates[programme.pk] = [(p, report_due(programme, p, calendar)) for p in periods(programme)]
        owed = []  # (period, due, report or None), oldest first
        for period, due in due_dates[programme.pk]:
            report = reports.get((task.pk, period.start))
            if (
                period.end < today
                and period.end >= task.effective_start
                and period.start <= task.effective_deadline
                and part.reports_for(period)
                and not (report and report.state in MADE)
            ):
                owed.append((period, due, report))
        if not owed:
            continue
        # One line per task: its reports owed, listed by period, due from the oldest one's date.
        period, due, report = owed[0]
        items.append(
            Todo(
                _("Reports due: %(task)s (%(count)d, from %(first)s)")
                % {"task": f"{task.number}{task.title}", "count": len(owed), "first": period.shown},
                report.get_absolute_url() if report else task.get_absolute_url(),
                count=len(owed),
                due=due,
                overdue=due < today,
                kind="report",
            )
        )
    urgings = Urging.objects.filter(unit_id=user.unit_id, answered_at=None).select_related("programme", "task")
    for urging in urgings:
        reading = answer_clock(urging, today, calendar)
        about = f"{urging.task.number}{urging.task.title}" if urging.task_id else urging.programme.name
        items.append(
            Todo(
                _("Answer the urging: %(about)s") % {"about": about},
                urging.get_absolute_url(),
                due=reading.due,
                overdue=reading.state == State.OVERDUE,
                kind="urging",
                detail=urging.note,
            )
        )
    return items
