"""The report cycle: a unit drafts its report on a task for a period, submits it, the office returns or accepts.

Every function checks who may do it, so views and the API share one rule.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from zhichan.core.roles import Role, role_of
from zhichan.core.scoping import can_edit, works_for

from ..models import Assignment, Evidence, ProgressReport
from .evidence import check_evidence
from .periods import Period
from .reminders import report_changed


def assigned_units(task):
    return [a.unit for a in task.assignments.select_related("unit")]


@transaction.atomic
def open_report(task, unit, period: Period, user) -> ProgressReport:
    """The unit's report on the task for the period, started as a draft if there is none yet."""
    if not works_for(user, unit):
        raise PermissionDenied
    if not Assignment.objects.filter(task=task, unit=unit).exists():
        raise ValidationError(_("%(unit)s has no part in this task.") % {"unit": unit})
    report, _created = ProgressReport.objects.get_or_create(
        task=task, unit=unit, period_start=period.start, defaults={"period_end": period.end}
    )
    return report


def _check_owner(report, user):
    if not can_edit(user, report) or not works_for(user, report.unit):
        raise PermissionDenied


@transaction.atomic
def save_report(report, user, *, narrative: str, percent: int, figures: list) -> ProgressReport:
    _check_owner(report, user)
    if not report.editable:
        raise ValidationError(_("A submitted or accepted report can no longer be changed."))
    if not 0 <= percent <= 100:
        raise ValidationError({"percent": _("Percent complete is between 0 and 100.")})
    _check_figures(figures)
    report.narrative, report.percent, report.figures = narrative, percent, figures
    report.save()
    return report


def _check_figures(figures):
    """Figures are a list of {"name": text, "value": number, "unit": text}."""
    if not isinstance(figures, list):
        raise ValidationError({"figures": _("Figures are a list of name, value and unit.")})
    for number, figure in enumerate(figures, start=1):
        valid = (
            isinstance(figure, dict)
            and set(figure) <= {"name", "value", "unit"}
            and isinstance(figure.get("name"), str)
            and figure["name"].strip()
            and isinstance(figure.get("value"), int | float)
            and not isinstance(figure.get("value"), bool)
            and isinstance(figure.get("unit", ""), str)
        )
        if not valid:
            raise ValidationError(
                {"figures": _("Figure %(number)d: give a name, a numeric value and a unit.") % {"number": number}}
            )


@transaction.atomic
def attach(report, user, uploaded) -> Evidence:
    _check_owner(report, user)
    if not report.editable:
        raise ValidationError(_("Evidence can only be added while the report is a draft or returned."))
    content_type = check_evidence(uploaded)
    return Evidence.objects.create(
        report=report,
        file=uploaded,
        name=uploaded.name[:200],
        content_type=content_type,
        size=uploaded.size,
        uploaded_by=user,
    )


@transaction.atomic
def remove_evidence(evidence, user):
    _check_owner(evidence.report, user)
    if not evidence.report.editable:
        raise ValidationError(_("Evidence can only be removed while the report is a draft or returned."))
    evidence.file.delete(save=False)
    evidence.delete()


def _transition(report, method, *args):
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


@transaction.atomic
def submit(report, user) -> ProgressReport:
    _check_owner(report, user)
    if not report.narrative.strip():
        raise ValidationError({"narrative": _("Describe the progress before submitting.")})
    return _transition(report, report.submit)


def _check_reviewer(user):
    if role_of(user) != Role.OFFICE:
        raise PermissionDenied


@transaction.atomic
def send_back(report, user, note: str) -> ProgressReport:
    _check_reviewer(user)
    if not note.strip():
        raise ValidationError({"note": _("Say why the report is returned.")})
    return _transition(report, report.send_back, user, note.strip())


@transaction.atomic
def accept(report, user, note: str = "") -> ProgressReport:
    _check_reviewer(user)
    return _transition(report, report.accept, user, note.strip())
