"""The task ledger and a period's progress reports as official documents (GB/T 9704-2012), in Word or PDF, through
the same export path as their Excel versions (core/services/exports.py): at once when small, else in the background.
"""

from collections import Counter

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.asof import as_of
from zhichan.core.roles import STAFF
from zhichan.core.services.exports import respond
from zhichan.documents.docx import Word
from zhichan.documents.official import Heading, OfficialDocument, Paragraph, Table, chinese_number, written_date
from zhichan.documents.pdf import Pdf

from ..forms import shown_number
from ..models import Programme
from ..services.ledger import asked_period, ledger, period_reports

KINDS = {"docx": Word, "pdf": Pdf}
NUMBER_LENGTH = 60  # a document number such as 南知强办〔2026〕12号; longer input is cut


@allow(STAFF, scope=Programme)
def ledger_document(request, pk, kind):
    return respond(request, ledger_official, pk=pk, kind=kind)


@allow(STAFF, scope=Programme)
def reports_document(request, pk, kind):
    return respond(request, reports_official, pk=pk, kind=kind)


def _frame(request, programme, title: str, body: list) -> OfficialDocument:
    """The parts every document of the programme shares: the number the user gave, sent to the member units,
    signed by the user's unit (else the programme's issuer), dated today."""
    unit = getattr(request.user, "unit", None)
    return OfficialDocument(
        title=title,
        body=body,
        number=request.GET.get("number", "").strip()[:NUMBER_LENGTH],
        addressee=_("All member units"),
        authority=unit.name if unit else programme.issuer,
        date=timezone.localdate(),
    )


def ledger_official(request, pk, kind):
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    day = as_of(request, end=programme.end)
    lines = ledger(programme, day)
    counts = Counter(str(line.state.status.label) for line in lines)
    summary = _("%(programme)s has %(count)d tasks; as of %(day)s: %(counts)s.") % {
        "programme": programme.name,
        "count": len(lines),
        "day": written_date(day),
        "counts": "，".join(_("%(status)s %(count)d") % {"status": s, "count": n} for s, n in counts.items()),
    }
    table = Table(
        [_("key"), _("task"), _("lead unit"), _("deadline"), _("status"), _("percent complete")],
        [
            [
                line.task.key,
                "　" * line.depth + f"{line.task.number}{line.task.title}",
                line.leads,
                line.task.effective_deadline,
                str(line.state.status.label),
                "" if line.state.percent is None else f"{line.state.percent}%",
            ]
            for line in lines
        ],
        widths=[1.2, 5.2, 3, 3, 1.5, 1.7],
    )
    title = _("Task ledger of %(programme)s") % {"programme": programme.name}
    document = _frame(request, programme, title, [Paragraph(summary), table])
    return KINDS[kind](document, f"{programme.name}-{_('task ledger')}.{kind}", rows=len(lines))


def reports_official(request, pk, kind):
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    period = asked_period(programme, request.GET.get("period"))
    reports = list(period_reports(request.user, programme, period))
    body = []
    by_task = {}
    for report in reports:
        by_task.setdefault(report.task, []).append(report)
    for task_number, (task, task_reports) in enumerate(by_task.items(), start=1):
        body.append(Heading(f"{chinese_number(task_number)}、{task.full_title}", 1))
        for unit_number, report in enumerate(task_reports, start=1):
            body.append(Heading(f"（{chinese_number(unit_number)}）{report.unit.name}", 2))
            body.extend(Paragraph(text) for text in _report_texts(report))
    if not reports:
        body.append(Paragraph(_("No progress reports for this period.")))
    title = _("Progress reports of %(programme)s for %(period)s") % {
        "programme": programme.name,
        "period": period.shown,
    }
    filename = f"{programme.name}-{_('progress reports')}-{period.label}.{kind}"
    return KINDS[kind](_frame(request, programme, title, body), filename, rows=len(reports))


def _report_texts(report) -> list[str]:
    texts = [
        _("State: %(state)s; percent complete: %(percent)s.")
        % {"state": report.get_state_display(), "percent": "" if report.percent is None else f"{report.percent}%"}
    ]
    if report.narrative:
        texts.append(report.narrative)
    if report.figures:
        figures = "；".join(
            f"{f['name']}：{shown_number(f['value'])}{f.get('unit', '')}".strip() for f in report.figures
        )
        texts.append(_("Figures: %(figures)s.") % {"figures": figures})
    evidence = "、".join(e.name for e in report.evidence.all())
    if evidence:
        texts.append(_("Evidence: %(names)s.") % {"names": evidence})
    if report.synthetic:
        texts.append(_("synthetic demo record"))
    return texts
