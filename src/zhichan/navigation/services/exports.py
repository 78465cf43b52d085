"""A set's analysis table and the patents behind a figure, as Excel workbooks (documents' writer)."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext

from zhichan.core.columns import sheet
from zhichan.documents import xlsx

from ..columns import SET_PATENT_COLUMNS
from ..models import PatentSet
from .drilling import patents_behind


def _made() -> str:
    return timezone.localtime().strftime("%Y-%m-%d %H:%M")


def analysis_workbook(patent_set, analysis) -> xlsx.Workbook:
    note = gettext("%(set)s · %(title)s · made %(time)s") % {
        "set": patent_set.name,
        "title": analysis.title,
        "time": _made(),
    }
    if analysis.note or analysis.cannot:
        note = f"{note} · {analysis.cannot or analysis.note}"
    rows = [[cell.value for cell in row] for row in analysis.rows]
    title = analysis.title[:31]
    return xlsx.Workbook(
        filename=f"{patent_set.name}-{analysis.title}.xlsx",
        sheets=[xlsx.Sheet(title, [str(h) for h in analysis.headers], rows, note)],
        rows=len(rows),
    )


def patents_workbook(request, pk) -> xlsx.Workbook:
    patent_set = get_object_or_404(PatentSet.objects.visible_to(request.user), pk=pk)
    rows, described = patents_behind(patent_set, request.GET)
    chosen = "; ".join(f"{label}: {value}" for label, value in described)
    note = gettext("%(set)s · made %(time)s") % {"set": patent_set.name, "time": _made()}
    if chosen:
        note = f"{note} · {chosen}"
    title = gettext("Patents")
    return xlsx.Workbook(
        filename=f"{patent_set.name}-{title}.xlsx",
        sheets=[sheet(title, SET_PATENT_COLUMNS, rows, note)],
        rows=rows.count(),
    )
