"""The report cycle: a unit drafts its report on a task for a period, submits it, the office returns or accepts.

Every function checks who may do it, so views and the API share one rule.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from zhichan.core.actions import action, office_only
from zhichan.core.events import record
from zhichan.core.models import Attachment
from zhichan.core.scoping import can_edit, works_for
from zhichan.core.services import attachments
from zhichan.core.services.filetypes import DOCUMENTS

from ..events import (
    EVIDENCE_ATTACHED,
    EVIDENCE_REMOVED,
    REPORT_ACCEPTED,
    REPORT_OPENED,
    REPORT_RETURNED,
    REPORT_SUBMITTED,
)
from ..models import Assignment, ProgressReport
from ..periods import Period
from .reminders import report_changed


def assigned_units(task):
    return [a.unit for a in task.assignments.select_related("unit")]


@action()
def open_report(task, unit, period: Period, user) -> ProgressReport:
    """The unit's report on the task for the period, started as a draft if there is none yet."""
    if not works_for(user, unit):
        raise PermissionDenied
    if not Assignment.objects.filter(task=task, unit=unit).exists():
        raise ValidationError(_("%(unit)s has no part in this task.") % {"unit": unit})
    report = ProgressReport.objects.filter(task=task, unit=unit, period_start=period.start).first()
    if report is None:
        report = ProgressReport.objects.create(task=task, unit=unit, period_start=period.start, period_end=period.end)
        record(user, REPORT_OPENED, report)
    return report


def figure_names(unit) -> list:
    """The data elements the unit reports, offered as figure names so that a report's figures and the
    indicators' reported figures use the same names and units."""
    DataElement = apps.get_model("indicators", "DataElement")
    return list(DataElement.objects.filter(units=unit).values_list("name", "unit_of_measure"))


def _owns(user, report) -> bool:
    """The unit's liaison or the office: who writes the report, and adds or removes its evidence."""
    return can_edit(user, report) and works_for(user, report.unit)


def _check_owner(report, user):
    if not _owns(user, report):
        raise PermissionDenied


@action()  # drafting is in the field history only: the text is saved as it is typed
def save_report(report, user, *, narrative: str, percent: int, figures: list, uploads=()) -> ProgressReport:
    """Keep what the unit typed (and attach any files sent with it). Saving unchanged text writes nothing, so
    the draft saved as the user types does not fill the report's history with empty steps."""
    _check_owner(report, user)
    if not report.editable:
        raise ValidationError(_("A submitted or accepted report can no longer be changed."))
    if not 0 <= percent <= 100:
        raise ValidationError({"percent": _("Percent complete is between 0 and 100.")})
    _check_figures(figures)
    figures = [{**figure, "value": _plain(figure["value"])} for figure in figures]
    if (narrative, percent, figures) != (report.narrative, report.percent, report.figures):
        report.narrative, report.percent, report.figures = narrative, percent, figures
        report.save()
    for uploaded in uploads:
        attach(report, user, uploaded)
    return report


def save_and_submit(report, user, *, narrative: str, percent: int, figures: list, uploads=()) -> ProgressReport:
    """Submitting from the form: what is typed is saved first and stays saved even if the submission is refused
    (an empty narrative, a report someone else has just changed), so nothing typed is lost."""
    save_report(report, user, narrative=narrative, percent=percent, figures=figures, uploads=uploads)
    return submit(report, user)


def _plain(value):
    """3, not 3.0: a whole number is kept as one, whichever way it was sent."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _check_figures(figures):
    """Figures are a list of {"name": text, "value": number, "unit": text}; a message names the row and field."""
    if not isinstance(figures, list):
        raise ValidationError({"figures": _("Figures are a list of name, value and unit.")})
    problems = []
    for row, figure in enumerate(figures, start=1):
        if not isinstance(figure, dict) or not set(figure) <= {"name", "value", "unit"}:
            problems.append(_("Figure %(row)d: give a name, a numeric value and a unit.") % {"row": row})
            continue
        name, value, unit = figure.get("name"), figure.get("value"), figure.get("unit", "")
        if not isinstance(name, str) or not name.strip():
            problems.append(_("Figure %(row)d, name: give the figure a name.") % {"row": row})
        if not isinstance(value, int | float) or isinstance(value, bool) or value != value:
            problems.append(_("Figure %(row)d, value: enter a number.") % {"row": row})
        if not isinstance(unit, str):
            problems.append(_("Figure %(row)d, unit: write the unit as text, e.g. 件.") % {"row": row})
    if problems:
        raise ValidationError({"figures": problems})


@action(EVIDENCE_ATTACHED, on="report", data=lambda arguments, evidence: {"name": evidence.name, "size": evidence.size})
def attach(report, user, uploaded) -> Attachment:
    """Add an evidence file: documents and photos only (`DOCUMENTS`), while the report is a draft or returned."""
    _check_owner(report, user)
    if not report.editable:
        raise ValidationError(_("Evidence can only be added while the report is a draft or returned."))
    return attachments.attach(user, report, uploaded, kind="evidence", accept=DOCUMENTS, may_write=_owns)


@action(
    EVIDENCE_REMOVED,
    on=lambda arguments, result: arguments["evidence"].record,
    data=lambda arguments, result: {"name": arguments["evidence"].name},
)
def remove_evidence(evidence, user):
    report = evidence.record
    if not isinstance(report, ProgressReport):
        raise PermissionDenied
    _check_owner(report, user)
    if not report.editable:
        raise ValidationError(_("Evidence can only be removed while the report is a draft or returned."))
    attachments.remove(user, evidence, may_write=_owns)


def _transition(report, user, method, *args):
    try:
        method(*args)
        report.save()
    except TransitionNotAllowed:
        raise ValidationError(
            _("The report is %(state)s; that step is not possible now.") % {"state": report.get_state_display()}
        ) from None
    except ConcurrentTransition:
        raise ValidationError(_("Someone else has just changed this report; reload the page and look again.")) from None
    report_changed(report)
    return report


@action(REPORT_SUBMITTED, data=lambda arguments, report: {"percent": report.percent})
def submit(report, user) -> ProgressReport:
    _check_owner(report, user)
    if not report.narrative.strip():
        raise ValidationError({"narrative": _("Describe the progress before submitting.")})
    return _transition(report, user, report.submit)


@action(REPORT_RETURNED, reason="note", allow=office_only)
def send_back(report, user, note: str) -> ProgressReport:
    if not note.strip():
        raise ValidationError({"note": _("Say why the report is returned.")})
    return _transition(report, user, report.send_back, user, note.strip())


@action(REPORT_ACCEPTED, reason="note", allow=office_only)
def accept(report, user, note: str = "") -> ProgressReport:
    return _transition(report, user, report.accept, user, note.strip())
