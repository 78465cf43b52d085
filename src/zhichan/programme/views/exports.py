from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.asof import as_of
from zhichan.core.roles import STAFF
from zhichan.core.services.exports import respond
from zhichan.documents import xlsx

from ..forms import shown_number
from ..models import Programme
from ..services.ledger import asked_period, ledger, period_reports


def _made(programme):
    return _("%(programme)s · exported %(time)s") % {
        "programme": programme.name,
        "time": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    }


@allow(STAFF, scope=Programme)
def ledger_export(request, pk):
    return respond(request, ledger_workbook, pk=pk)


def ledger_workbook(request, pk) -> xlsx.Workbook:
    """The task ledger (任务台账): every task with its units, dates, status and progress."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    rows = [
        [
            line.task.key,
            "　" * line.depth + f"{line.task.number}{line.task.title}",
            line.task.get_kind_display(),
            line.leads,
            line.co_operating,
            line.task.effective_start,
            line.task.effective_deadline,
            line.task.completed_on,
            str(line.state.status.label),
            line.state.percent,
            line.why,
        ]
        for line in ledger(programme, as_of(request, end=programme.end))
    ]
    sheet = xlsx.Sheet(
        _("Task ledger"),
        [
            _("key"),
            _("task"),
            _("kind"),
            _("lead unit"),
            _("co-operating units"),
            _("start date"),
            _("deadline"),
            _("completed on"),
            _("status"),
            _("percent complete"),
            _("why"),
        ],
        rows,
        note=_made(programme),
    )
    return xlsx.Workbook(f"{programme.name}-{_('task ledger')}.xlsx", [sheet], rows=len(rows))


@allow(STAFF, scope=Programme)
def reports_export(request, pk):
    return respond(request, reports_workbook, pk=pk)


def reports_workbook(request, pk) -> xlsx.Workbook:
    """One period's reports (the user sees the reports their scope allows)."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    period = asked_period(programme, request.GET.get("period"))
    reports = period_reports(request.user, programme, period)
    rows = [
        [
            r.task.key,
            r.task.full_title,
            r.unit.name,
            r.get_state_display(),
            r.percent,
            r.narrative,
            "；".join(f"{f['name']}: {shown_number(f['value'])} {f.get('unit', '')}".strip() for f in r.figures),
            "、".join(e.name for e in r.evidence.all()),
            timezone.localtime(r.submitted_at).strftime("%Y-%m-%d %H:%M") if r.submitted_at else "",
            r.review_note,
            _("synthetic demo record") if r.synthetic else "",
        ]
        for r in reports
    ]
    sheet = xlsx.Sheet(
        period.label,
        [
            _("key"),
            _("task"),
            _("unit"),
            _("state"),
            _("percent complete"),
            _("progress"),
            _("figures"),
            _("evidence"),
            _("submitted at"),
            _("review note"),
            _("note"),
        ],
        rows,
        note=_made(programme),
    )
    # The figures again one to a row, their values as numbers, so they can be summed and filtered.
    figures = xlsx.Sheet(
        _("figures"),
        [_("key"), _("task"), _("unit"), _("state"), _("figure"), _("value"), _("unit of measure")],
        [
            [r.task.key, f"{r.task.number}{r.task.title}", r.unit.name, r.get_state_display(), *_figure(f)]
            for r in reports
            for f in r.figures
        ],
        note=_made(programme),
    )
    return xlsx.Workbook(
        f"{programme.name}-{_('progress reports')}-{period.label}.xlsx", [sheet, figures], rows=len(rows)
    )


def _figure(figure) -> list:
    return [figure.get("name", ""), figure.get("value"), figure.get("unit", "")]
