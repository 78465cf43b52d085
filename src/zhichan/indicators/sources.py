"""The names a formula may use: every discovered metric and every data element (its code with underscores)."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric

from .discovery import metrics
from .models import Aggregation, DataElement, DataValue, ValueState


class ElementSource(Metric):
    """A data element read like a metric: the approved values whose period lies within the window, summed; or, for
    an element aggregated `latest` (a total held, a rank), each region's latest approved value at the window's
    end, read like a stock."""

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
        self.additive = element.aggregation == Aggregation.SUM
        self.latest = element.aggregation == Aggregation.LATEST
        self.kind = "stock" if self.latest else "flow"
        self._approved = None

    def _select(self, start, end):
        rows = DataValue.objects.filter(element=self.element, state=ValueState.APPROVED, period_end__lte=end)
        return rows.filter(period_start__gte=start) if start else rows

    def values(self, start, end, options=None) -> dict:
        """Each region's total, from the element's approved values read once (a compute asks for many windows)."""
        if self._approved is None:
            rows = DataValue.objects.filter(element=self.element, state=ValueState.APPROVED).order_by()
            self._approved = list(rows.values_list("region", "period_start", "period_end", "value"))
        totals, latest = {}, {}
        for region, period_start, period_end, value in self._approved:
            if self.latest:
                if period_end <= end and (region not in latest or period_end > latest[region][0]):
                    latest[region] = (period_end, value)
            elif period_end <= end and (start is None or period_start >= start):
                totals[region] = totals.get(region, 0) + value
        return {region: value for region, (_end, value) in latest.items()} if self.latest else totals

    def records(self, start, end, region_ids, options=None):
        if self.latest:
            return latest_values(self.element, end, region_ids).select_related("element", "region", "unit")
        return (
            self._select(start, end)
            .filter(region__in=list(region_ids))
            .select_related("element", "region", "unit")
            .order_by("period_start", "region__path")
        )


def latest_values(element, end, region_ids):
    """Each region's latest approved value of an element whose period ends by `end` (one query)."""
    newer = DataValue.objects.filter(
        element=element,
        state=ValueState.APPROVED,
        region=OuterRef("region"),
        period_end__gt=OuterRef("period_end"),
        period_end__lte=end,
    )
    rows = DataValue.objects.filter(
        element=element, state=ValueState.APPROVED, period_end__lte=end, region__in=list(region_ids)
    )
    return rows.exclude(Exists(newer)).order_by("region__path")


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
