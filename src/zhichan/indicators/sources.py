"""The names a formula may use: every discovered metric and every data element (its code with underscores)."""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from .discovery import metrics
from .models import DataElement, DataValue, ValueState


class ElementSource:
    """A data element read like a metric: the approved values whose period lies within the window."""

    kind = "flow"
    detail_url = ""
    columns = (
        (_("data element"), "element"),
        (_("region"), "region"),
        (_("period"), "period"),
        (_("value"), "value"),
        (_("reporting unit"), "unit"),
        (_("comment"), "comment"),
        (_("approved at"), "approved_at"),
    )

    def __init__(self, element: DataElement):
        self.element = element
        self.code = element.variable
        self.label = element.name
        self.unit = element.unit_of_measure
        self.additive = element.aggregation == "sum"

    def _select(self, start, end):
        rows = DataValue.objects.filter(element=self.element, state=ValueState.APPROVED, period_end__lte=end)
        return rows.filter(period_start__gte=start) if start else rows

    def values(self, start, end, options=None) -> dict:
        rows = self._select(start, end).order_by().values("region").annotate(total=Sum("value"))
        return {row["region"]: row["total"] for row in rows}

    def records(self, start, end, region_ids, options=None):
        return (
            self._select(start, end)
            .filter(region__in=list(region_ids))
            .select_related("element", "region", "unit")
            .order_by("period_start", "region__path")
        )


def sources() -> dict:
    """name → metric or data-element source (one query for the data elements)."""
    found = dict(metrics())
    for element in DataElement.objects.all():
        found[element.variable] = ElementSource(element)
    return found
