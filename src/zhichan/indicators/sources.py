"""The names a formula may use: every discovered metric and every data element (its code with underscores)."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric

from .discovery import metrics
from .models import DataElement, DataValue, ValueState


class ElementSource(Metric):
    """A data element read like a metric: the approved values whose period lies within the window."""

    kind = "flow"
    watches = (DataValue,)
    columns = (
        Column("element", _("data element")),
        Column("region", _("region")),
        Column("period", _("period")),
        Column("figure", _("value")),
        Column("unit", _("reporting unit")),
        Column("comment", _("comment")),
        Column("approved_at", _("approved at")),
    )

    def __init__(self, element: DataElement):
        self.element = element
        self.code = element.variable
        self.label = element.name
        self.unit = element.unit_of_measure
        self.additive = element.aggregation == "sum"
        self._approved = None

    def _select(self, start, end):
        rows = DataValue.objects.filter(element=self.element, state=ValueState.APPROVED, period_end__lte=end)
        return rows.filter(period_start__gte=start) if start else rows

    def values(self, start, end, options=None) -> dict:
        """Each region's total, from the element's approved values read once (a compute asks for many windows)."""
        if self._approved is None:
            rows = DataValue.objects.filter(element=self.element, state=ValueState.APPROVED).order_by()
            self._approved = list(rows.values_list("region", "period_start", "period_end", "value"))
        totals = {}
        for region, period_start, period_end, value in self._approved:
            if period_end <= end and (start is None or period_start >= start):
                totals[region] = totals.get(region, 0) + value
        return totals

    def records(self, start, end, region_ids, options=None):
        return (
            self._select(start, end)
            .filter(region__in=list(region_ids))
            .select_related("element", "region", "unit")
            .order_by("period_start", "region__path")
        )


def watched_models() -> list:
    """Every model whose saves and deletes change a figure the indicators read: what each metric watches, and the
    reported values (one list, in a stable order)."""
    found = [model for metric in metrics().values() for model in metric.watched_models()]
    return list(dict.fromkeys([*found, *ElementSource.watches]))


def sources() -> dict:
    """name → metric or data-element source (one query for the data elements)."""
    found = dict(metrics())
    for element in DataElement.objects.all():
        found[element.variable] = ElementSource(element)
    return found
