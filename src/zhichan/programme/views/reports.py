import datetime

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.asof import as_of, chosen
from zhichan.core.models import Attachment, Unit
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, SEE_ALL, STAFF, Role, role_of
from zhichan.core.scoping import can_edit, works_for
from zhichan.core.services.calendar import WorkCalendar
from zhichan.core.views.actions import run_action

from ..forms import EvidenceForm, ReportForm, ReviewForm
from ..models import Assignment, Programme, ProgressReport, Task
from ..periods import period_starting, periods
from ..services import reporting
from ..services.choice import runs_programme
from ..services.deadlines import report_due, report_reading, submissions
from ..services.history import as_it_stood
from ..services.report_history import report_history
from ..services.reporting import figure_names
from ..services.status import states_on

OWNERS = {Role.OFFICE, *LIAISONS}
OFFICE = {Role.OFFICE}


def _report(request, pk):
    return get_object_or_404(
        ProgressReport.objects.visible_to(request.user).select_related("task__programme", "unit", "reviewed_by"), pk=pk
    )


@form_post("task-page", "pk")
@allow(STAFF, write=OWNERS, scope=Task)
def report_open(request, pk):
    """Start (or reopen) the user's unit's report on a task for a period."""
    task = get_object_or_404(Task.objects.visible_to(request.user).select_related("programme"), pk=pk)
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=request.POST.get("unit") or 0)
    period = period_starting(task.programme, _date(request.POST.get("period")))
    if period is None:
        messages.error(request, _("Choose a reporting period of the programme."))
        return redirect(task)
    outcome = run_action(request, reporting.open_report, task, unit, period, request.user)
    return redirect(outcome.result if outcome.ok else task)


def _date(value):
    try:
        return datetime.date.fromisoformat(value or "")
    except ValueError:
        return None


@allow(STAFF, write=OWNERS, scope=ProgressReport)
def report_detail(request, pk):
    """The report page. Its one form keeps what is typed whichever button is pressed: save, submit or attach a
    file all save the text first; htmx posts here too, as the user types, to keep the draft."""
    report = _report(request, pk)
    owner = can_edit(request.user, report) and works_for(request.user, report.unit)
    form = ReportForm(report=report)
    if request.method == "POST":
        if not owner:
            return render(request, "403.html", status=403)
        form = ReportForm(request.POST, request.FILES, report=report)
        if request.htmx:
            return _autosave(request, report, form)
        if _save(request, report, form):
            return redirect(report)
    return render(request, "programme/report.html", _page(request, report, form, owner))


def _save(request, report, form) -> bool:
    """Save (and attach, and submit when asked); on any refusal the page is shown again with what was typed."""
    if not form.is_valid():
        if request.FILES:
            form.add_error(None, _("The file was not attached: correct the report and choose the file again."))
        return False
    data = form.cleaned_data
    submitting = request.POST.get("action") == "submit"
    save = reporting.save_and_submit if submitting else reporting.save_report
    outcome = run_action(
        request,
        save,
        report,
        request.user,
        narrative=data["narrative"],
        percent=data["percent"],
        figures=data["figures"],
        uploads=[data["file"]] if data["file"] else [],
        form=form,
        done=_("Submitted to the office.") if submitting else _("Saved."),
    )
    if not outcome.ok:
        report.refresh_from_db()
    return outcome.ok


def _autosave(request, report, form):
    """The draft kept as the user types: a line saying it is saved, or why not. Files wait for a button."""
    saved, problems = False, []
    if not report.editable:
        problems = [_("A submitted or accepted report can no longer be changed.")]
    elif form.is_valid():
        data = form.cleaned_data
        try:
            reporting.save_report(
                report, request.user, narrative=data["narrative"], percent=data["percent"], figures=data["figures"]
            )
            saved = True
        except ValidationError as error:
            problems = error.messages
    else:
        problems = [message for messages_ in form.errors.values() for message in messages_]
    response = render(
        request, "programme/_autosave.html", {"saved": saved, "problems": problems, "at": timezone.localtime()}
    )
    if saved:
        response["HX-Trigger"] = "zhichan:saved"  # the unsaved-changes warning stands down
    return response


def _page(request, report, form, owner) -> dict:
    return {
        "report": report,
        "form": form,
        "owner": owner and report.editable,
        "reviewer": report.state == ProgressReport.State.SUBMITTED
        and runs_programme(request.user, report.task.programme),
        "review_form": ReviewForm(),
        "evidence": report.evidence.all(),
        "figure_names": figure_names(report.unit),
        "due": report_reading(report, timezone.localdate(), times=(times := submissions(report))),
        # A returned report sent again: shown beside the clock, which the first submission stopped.
        "resubmitted": times[-1] if len(times) > 1 and report.state != ProgressReport.State.RETURNED else None,
        "history": report_history(report),
    }


def _step(request, pk, action, done, *args):
    """One review step on a report; the page it returns to says what was done, or why not."""
    report = _report(request, pk)
    run_action(request, action, report, request.user, *args, done=done)
    return redirect(report)


@form_post("report-detail", "pk")
@allow(STAFF, write=OWNERS, scope=ProgressReport)
def report_submit(request, pk):
    return _step(request, pk, reporting.submit, _("Submitted to the office."))


@form_post("report-detail", "pk")
@allow(STAFF, write=OFFICE, scope=ProgressReport)
def report_return(request, pk):
    return _step(request, pk, reporting.send_back, _("Returned to the unit."), request.POST.get("note", ""))


@form_post("report-detail", "pk")
@allow(STAFF, write=OFFICE, scope=ProgressReport)
def report_accept(request, pk):
    return _step(request, pk, reporting.accept, _("Report accepted."), request.POST.get("note", ""))


@form_post("report-detail", "pk")
@allow(STAFF, write=OWNERS, scope=ProgressReport)
def evidence_upload(request, pk):
    report = _report(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
    else:
        run_action(request, reporting.attach, report, request.user, form.cleaned_data["file"])
    return redirect(report)


@form_post()
@allow(STAFF, write=OWNERS, scope=Attachment)
def evidence_delete(request, pk):
    on_reports = ContentType.objects.get_for_model(ProgressReport)
    evidence = get_object_or_404(Attachment.objects.visible_to(request.user).filter(record_type=on_reports), pk=pk)
    run_action(request, reporting.remove_evidence, evidence, request.user)
    report = _report(request, evidence.record_id)
    if request.htmx:  # removed in place, so what is being typed in the report form stays on the page
        context = {"report": report, "evidence": report.evidence.all(), "owner": report.editable}
        return render(request, "programme/_evidence.html", context)
    return redirect(report)


@allow(Role.OFFICE, Role.LEADER, scope=Programme)
def review_queue(request, pk):
    """Submitted reports waiting for the office, oldest first."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    waiting = (
        ProgressReport.objects.visible_to(request.user)
        .filter(task__programme=programme, state=ProgressReport.State.SUBMITTED)
        .select_related("task__parent", "unit")
        .order_by("submitted_at")
    )
    return render(request, "programme/review_queue.html", {"programme": programme, "reports": waiting})


@allow(STAFF, scope=Programme)
def unit_tasks(request, pk):
    """A unit's tasks in the programme and its reports for each period: what was due, late or missing on the day
    shown (`as_of`, as on the programme's other pages)."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    if role_of(request.user) in SEE_ALL:
        first_assigned = Unit.objects.filter(assignments__task__programme=programme).order_by("order").first()
        unit = get_object_or_404(
            Unit.objects.visible_to(request.user), pk=request.GET.get("unit") or getattr(first_assigned, "pk", 0)
        )
    else:
        unit = request.user.unit
    tasks = list(Task.objects.filter(programme=programme, assignments__unit=unit).order_by("order"))
    parts = {a.task_id: a for a in Assignment.objects.filter(task__programme=programme, unit=unit)}
    day = as_of(request, end=programme.end)
    states = states_on(programme, day)
    reports = {(r.task_id, r.period_start): r for r in _unit_reports(request, programme, unit, day)}
    calendar = WorkCalendar()
    grid = []
    for period in periods(programme):
        due = report_due(programme, period, calendar)
        cells = []
        for task in tasks:
            report = reports.get((task.pk, period.start))
            deadline = getattr(states.get(task.pk), "deadline", None) or task.effective_deadline  # that day's
            in_window = (
                period.end >= task.effective_start
                and period.start <= deadline
                and parts[task.pk].reports_for(period)  # nothing is owed before the unit joined the task
            )
            late = in_window and due < day and (report is None or report.state == ProgressReport.State.DRAFT)
            cells.append({"task": task, "report": report, "late": late, "in_window": in_window})
        grid.append({"period": period, "due": due, "cells": cells})
    return render(
        request,
        "programme/unit_tasks.html",
        {
            "programme": programme,
            "unit": unit,
            "tasks": tasks,
            "states": states,
            "grid": grid,
            "shown_day": day,
            "units": Unit.objects.visible_to(request.user) if role_of(request.user) in SEE_ALL else [],
        },
    )


def _unit_reports(request, programme, unit, day) -> list:
    """The unit's reports the reader may see; on a chosen past day, in the state they had at its end (as the task
    page lists them)."""
    visible = ProgressReport.objects.visible_to(request.user).filter(task__programme=programme, unit=unit)
    if not (chosen(request) and day < timezone.localdate()):
        return list(visible)
    ids = set(visible.values_list("pk", flat=True))
    stood = as_it_stood(ProgressReport, day, task__programme_id=programme.pk, unit_id=unit.pk)
    return [report for report in stood if report.pk in ids]
