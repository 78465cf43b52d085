"""From a value (indicator × region × period) to the records or reported values behind it."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.columns import headers, row, sheet
from zhichan.core.roles import STAFF
from zhichan.core.services.exports import respond
from zhichan.documents.xlsx import Workbook

from ..models import IndicatorValue
from ..services.drilldown import behind, inputs_of, record_url
from ..services.wording import formula_of, labels, window_text

PAGE_SIZE = 50


def _value_and_input(request, pk):
    value = get_object_or_404(
        IndicatorValue.objects.visible_to(request.user).select_related("indicator", "region", "reading"), pk=pk
    )
    names = inputs_of(value)
    name = request.GET.get("input") or (names[0] if names else "")
    found = behind(value, name, request.user)
    if found is None:
        raise Http404
    return value, names, found


@allow(STAFF, scope=IndicatorValue)
def value_detail(request, pk):
    value, names, found = _value_and_input(request, pk)
    page = Paginator(found.records, PAGE_SIZE).get_page(request.GET.get("page"))
    columns = found.source.columns
    shown = headers(columns)
    # Each cell with its column's name: on a phone the table stacks, each cell labelled (`table-stack`).
    rows = [(record_url(found.source, record), list(zip(shown, row(columns, record), strict=True))) for record in page]
    return render(
        request,
        "indicators/value_detail.html",
        {
            "value": value,
            "indicator": value.indicator,
            "names": names,
            "input": found.name,
            "source": found.source,
            "headers": shown,
            "rows": rows,
            "page": page,
            "figure": value.inputs.get("values", {}).get(found.name),
            "formula": formula_of(value.indicator, names_shown := labels()),
            "input_labels": [(name, names_shown.get(name, name)) for name in names],
            "window": window_text(value.inputs.get("window")),
        },
    )


@allow(STAFF, scope=IndicatorValue)
def value_export(request, pk):
    return respond(request, value_workbook, pk=pk)


def value_workbook(request, pk) -> Workbook:
    value, names, found = _value_and_input(request, pk)
    records = found.records
    note = _("%(indicator)s · %(region)s · %(period)s · %(input)s · computed %(at)s") % {
        "indicator": value.indicator.name,
        "region": value.region.name,
        "period": value.period,
        "input": found.source.label,
        "at": value.computed_at.strftime("%Y-%m-%d %H:%M"),
    }
    table = sheet(found.source.label, found.source.columns, records, note)
    filename = f"{value.indicator.name}-{value.region.name}-{value.period}-{found.source.label}.xlsx"
    count = records.count() if hasattr(records, "count") and not isinstance(records, list) else len(records)
    return Workbook(filename, [table], rows=count)
