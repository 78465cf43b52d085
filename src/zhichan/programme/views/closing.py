"""The closing review of a programme: targets met or not, tasks done or not, what is still open; printable and
exported to Excel."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.roles import STAFF
from zhichan.core.services.exports import respond
from zhichan.documents import xlsx

from ..models import Programme
from ..services.closing import closing


def _programme(request, pk):
    return get_object_or_404(Programme.objects.visible_to(request.user).select_related("region"), pk=pk)


@allow(STAFF, scope=Programme)
def closing_review(request, pk):
    programme = _programme(request, pk)
    review = closing(programme)
    context = {"programme": programme, "review": review, "ended": timezone.localdate() > programme.end}
    return render(request, "programme/closing.html", context)


def _yes_no(met):
    return "" if met is None else (_("met") if met else _("not met"))


@allow(STAFF, scope=Programme)
def closing_export(request, pk):
    return respond(request, closing_workbook, pk=pk)


def closing_workbook(request, pk) -> xlsx.Workbook:
    programme = _programme(request, pk)
    review = closing(programme)
    note = _("%(programme)s · closing review · exported %(time)s") % {
        "programme": programme.name,
        "time": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    }
    targets = xlsx.Sheet(
        _("Targets"),
        [
            _("code"),
            _("target"),
            _("target value"),
            _("unit of measure"),
            _("deadline"),
            _("final value"),
            _("period"),
            _("met"),
            _("difference"),
            _("share of the target"),
        ],
        [
            [
                t.target.code,
                t.target.title,
                f"{t.target.symbol} {t.target.display_value}",
                t.target.unit,
                t.target.deadline,
                None if t.value is None else round(t.value, t.decimals),
                t.row.value.period if t.row and t.row.value else "",
                _yes_no(t.met),
                t.gap,
                None if t.share is None else f"{t.share * 100:.0f}%",
            ]
            for t in review.targets
        ],
        note,
    )
    tasks = xlsx.Sheet(
        _("Tasks"),
        [_("key"), _("task"), _("status"), _("percent complete"), _("last report"), _("unit"), _("progress")],
        [
            [
                t.task.key,
                "　" * t.depth + f"{t.task.number}{t.task.title}",
                str(t.state.status.label),
                t.state.percent,
                t.last_report.period_start if t.last_report else None,
                t.last_report.unit.name if t.last_report else "",
                t.last_report.narrative if t.last_report else "",
            ]
            for t in review.tasks
        ],
        note,
    )
    open_items = xlsx.Sheet(
        _("Open items"),
        [_("item"), _("task"), _("unit"), _("period"), _("state")],
        [[_("report"), r.task.title, r.unit.name, r.period_start, r.get_state_display()] for r in review.open_reports]
        + [[_("milestone"), m.task.title, "", m.due, m.title] for m in review.open_milestones]
        + [[_("missing report"), task.title, unit.name, period.start, ""] for task, unit, period in review.missing],
        note,
    )
    sheets = [targets, tasks, open_items]
    rows = sum(len(sheet.rows) for sheet in sheets)
    return xlsx.Workbook(f"{_('closing review')}-{programme.name}.xlsx", sheets, rows=rows)
