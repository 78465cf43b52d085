"""Sources read from the programme: reports on time, tasks done on time, urgings answered, reports returned."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zhichan.core.clocks import State
from zhichan.core.models import Event
from zhichan.core.services.calendar import WorkCalendar
from zhichan.programme.events import REPORT_RETURNED
from zhichan.programme.models import Assignment, ProgressReport, Urging
from zhichan.programme.periods import periods
from zhichan.programme.services.deadlines import answer_clock, report_due

from .base import COUNT, Evidence, Measure, Source


def _day(moment):
    return timezone.localdate(moment) if moment else None


def _url_of(name: str) -> str:
    """A page's address with `{}` for the record's id: reversed once, not once for each of thousands of records."""
    return reverse(name, args=[987654321]).replace("987654321", "{}")


class ReportsOnTime(Source):
    key = "reports_on_time"
    label = gettext_lazy("Progress reports submitted on time")
    wording = gettext_lazy("%(done)s of %(due)s reports due submitted on time")

    def measure(self, units, start, end, params):
        ids = [unit.pk for unit in units]
        # a task is shared by many units: read once, with its programme and group, not once per assignment
        assignments = list(
            Assignment.objects.filter(unit_id__in=ids).prefetch_related("task__programme", "task__parent")
        )
        calendar, owed, dues = WorkCalendar(), [], {}
        for assignment in assignments:
            task = assignment.task
            programme = task.programme
            if programme.pk not in dues:
                dues[programme.pk] = [(p, report_due(programme, p, calendar)) for p in periods(programme)]
            for period, due in dues[programme.pk]:
                if (
                    start <= due <= end
                    and period.end >= task.effective_start
                    and period.start <= task.effective_deadline
                ):
                    if assignment.reports_for(period):
                        owed.append((assignment, period, due))
        # only the periods owed: not the reports of earlier years
        periods_owed = {
            "period_start__gte": min((p.start for _a, p, _d in owed), default=end),
            "period_start__lte": end,
        }
        reports = {
            (row["task_id"], row["unit_id"], row["period_start"]): row
            for row in ProgressReport.objects.filter(unit_id__in=ids, **periods_owed).values(
                "pk", "task_id", "unit_id", "period_start", "submitted_at"
            )
        }
        first = dict(
            ProgressReport.history.filter(
                unit_id__in=ids, state=ProgressReport.State.SUBMITTED, submitted_at__isnull=False, **periods_owed
            )
            .values("id")
            .annotate(first=Min("submitted_at"))
            .values_list("id", "first")
        )
        found = defaultdict(lambda: Measure(due=Decimal(0)))
        report_url = _url_of("report-detail")
        for assignment, period, due in owed:
            measure = found[assignment.unit_id]
            measure.due += 1
            report = reports.get((assignment.task_id, assignment.unit_id, period.start))
            sent = _day(first.get(report["pk"]) or report["submitted_at"]) if report else None
            in_time = sent is not None and sent <= due and sent <= end
            measure.done += in_time
            url = report_url.format(report["pk"]) if report else assignment.task.get_absolute_url()
            if sent is None or sent > end:
                note = _("not submitted (due %(due)s)") % {"due": due}
            else:
                note = _("submitted %(sent)s, due %(due)s") % {"sent": sent, "due": due}
            measure.records.append(Evidence(f"{assignment.task.full_title} · {period.shown}", url, in_time, note))
        return dict(found)


class TasksOnTime(Source):
    key = "tasks_on_time"
    label = gettext_lazy("Tasks led and completed by their deadline")
    wording = gettext_lazy("%(done)s of %(due)s tasks due completed by their deadline")

    def measure(self, units, start, end, params):
        leads = Assignment.objects.filter(
            unit_id__in=[unit.pk for unit in units], role=Assignment.Role.LEAD
        ).prefetch_related("task__programme", "task__parent")
        found = defaultdict(lambda: Measure(due=Decimal(0)))
        for assignment in leads:
            task = assignment.task
            deadline = task.effective_deadline
            if not start <= deadline <= end:
                continue
            done = task.completed_on
            in_time = done is not None and done <= deadline and done <= end
            measure = found[assignment.unit_id]
            measure.due += 1
            measure.done += in_time
            if done is None or done > end:
                note = _("not completed (deadline %(due)s)") % {"due": deadline}
            else:
                note = _("completed %(done)s, deadline %(due)s") % {"done": done, "due": deadline}
            measure.records.append(Evidence(task.full_title, task.get_absolute_url(), in_time, note))
        return dict(found)


class UrgingsAnswered(Source):
    key = "urgings_answered"
    label = gettext_lazy("Urgings (督办) answered on time")
    wording = gettext_lazy("%(done)s of %(due)s urgings answered on time")

    def measure(self, units, start, end, params):
        calendar = WorkCalendar()
        urgings = Urging.objects.filter(unit_id__in=[unit.pk for unit in units]).prefetch_related(
            "programme", "task__parent"
        )
        found = defaultdict(lambda: Measure(due=Decimal(0)))
        for urging in urgings:
            if not start <= _day(urging.urged_at) <= end:
                continue
            answered = _day(urging.answered_at)
            reading = answer_clock(urging, end, calendar)
            if reading.due > end and (answered is None or answered > end):
                continue  # still running on the as-of date: not yet due
            in_time = answered is not None and answered <= end and reading.state == State.MET
            measure = found[urging.unit_id]
            measure.due += 1
            measure.done += in_time
            note = reading.summary if answered is None or answered <= end else _("not answered by the as-of date")
            measure.records.append(
                Evidence(str(urging.task or urging.programme), urging.get_absolute_url(), in_time, note)
            )
        return dict(found)


class ReportsReturned(Source):
    key = "reports_returned"
    label = gettext_lazy("Progress reports returned by the office")
    kind = COUNT
    wording = gettext_lazy("%(done)s reports returned")

    def measure(self, units, start, end, params):
        events = Event.objects.filter(
            kind=REPORT_RETURNED.key,
            unit_id__in=[unit.pk for unit in units],
            at__date__gte=start,
            at__date__lte=end,
        ).order_by("at")
        found = defaultdict(Measure)
        for event in events:
            measure = found[event.unit_id]
            measure.done += 1
            note = _("returned %(day)s: %(reason)s") % {"day": _day(event.at), "reason": event.reason}
            url = reverse("report-detail", args=[event.object_id])
            measure.records.append(Evidence(event.label, url, False, note))
        return dict(found)
