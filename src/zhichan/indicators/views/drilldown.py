"""From a value (indicator × region × period) to the records or reported values behind it."""

import re

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.roles import STAFF
from zhichan.core.services.exports import respond
from zhichan.documents.xlsx import Sheet, Workbook

from ..models import IndicatorValue
from ..services.drilldown import behind, cell, inputs_of, record_url
from ..sources import sources

PAGE_SIZE = 50
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _in_words(expression: str, labels: dict) -> str:
    """A formula with each input named as people call it: 有效发明专利 ÷ 常住人口 / 10000."""
    return NAME.sub(lambda match: labels.get(match[0], match[0]), expression or "")


def _value_and_input(request, pk):
    value = get_object_or_404(
        IndicatorValue.objects.visible_to(request.user).select_related("indicator", "region"), pk=pk
    )
    names = inputs_of(value)
    name = request.GET.get("input") or (names[0] if names else "")
    found = behind(value, name, request.user)
    if found is None:
        raise Http404
    return value, names, found


@allow(STAFF)
def value_detail(request, pk):
    value, names, found = _value_and_input(request, pk)
    page = Paginator(found.records, PAGE_SIZE).get_page(request.GET.get("page"))
    columns = found.source.columns
    rows = [
        (record_url(found.source, record), [cell(record, accessor) for _header, accessor in columns]) for record in page
    ]
    known = sources()
    labels = {name: str(known[name].label) for name in names if name in known}
    values = value.inputs.get("values", {})
    indicator = value.indicator
    return render(
        request,
        "indicators/value_detail.html",
        {
            "value": value,
            "indicator": value.indicator,
            "names": names,
            "inputs": [(name, labels.get(name, name), values.get(name)) for name in names],
            "numerator_words": _in_words(indicator.numerator, labels),
            "denominator_words": _in_words(indicator.denominator, labels),
            "input": found.name,
            "source": found.source,
            "headers": [header for header, _accessor in columns],
            "rows": rows,
            "page": page,
            "figure": value.inputs.get("values", {}).get(found.name),
        },
    )


value_detail.scoped_model = IndicatorValue


@allow(STAFF)
def value_export(request, pk):
    return respond(request, value_workbook, pk=pk)


def value_workbook(request, pk) -> Workbook:
    value, names, found = _value_and_input(request, pk)
    columns = found.source.columns
    records = found.records
    rows = ([_plain(cell(record, accessor)) for _header, accessor in columns] for record in records)
    note = _("%(indicator)s · %(region)s · %(period)s · %(input)s · computed %(at)s") % {
        "indicator": value.indicator.name,
        "region": value.region.name,
        "period": value.period,
        "input": found.source.label,
        "at": value.computed_at.strftime("%Y-%m-%d %H:%M"),
    }
    sheet = Sheet(str(found.source.label), [str(h) for h, _a in columns], rows, note)
    filename = f"{value.indicator.name}-{value.region.name}-{value.period}-{found.source.label}.xlsx"
    count = records.count() if hasattr(records, "count") and not isinstance(records, list) else len(records)
    return Workbook(filename, [sheet], rows=count)


value_export.scoped_model = IndicatorValue


def _plain(value):
    if hasattr(value, "_meta"):  # a related row (a region, a unit)
        return str(value)
    return value
