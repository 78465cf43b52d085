"""Resident population as a metric, from core's population table (each figure with its source).

Which year's population divides a per-10,000-residents indicator is the indicator's option `population_year`:
- "latest" (default): the latest year up to the period's year that has a figure — the figure published by
  then, since a year's resident population appears in the next year's yearbook;
- "same": exactly the period's year (no figure → no value);
- "previous": exactly the year before the period's year.
The year used is kept with each computed value. Population is not added up the tree: a county's population
is its own published figure, not the sum of whatever townships have figures.
"""

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric
from zhichan.core.models import Population

RULES = ("latest", "same", "previous")


class PopulationMetric(Metric):
    code = "population"
    label = _("resident population")
    unit = "人"
    kind = "stock"
    additive = False
    watches = (Population,)
    columns = (
        Column("region", _("region")),
        Column("year", _("year")),
        Column("as_of", _("as of")),
        Column("value", _("resident population")),
        Column("source", _("source")),
    )

    def _chosen(self, end, options) -> dict[int, Population]:
        rule = (options or {}).get("population_year", "latest")
        if rule not in RULES:
            raise ValueError(f"population_year must be one of {RULES}, not {rule!r}")
        rows = Population.objects.order_by("region", "year")
        if rule == "latest":
            rows = rows.filter(year__lte=end.year)
        else:
            rows = rows.filter(year=end.year if rule == "same" else end.year - 1)
        chosen = {}
        for row in rows.only("pk", "region_id", "year", "value", "source"):
            chosen[row.region_id] = row  # ordered by year: the latest wins
        return chosen

    def values(self, start, end, options=None) -> dict[int, int]:
        return {region: row.value for region, row in self._chosen(end, options).items()}

    def details(self, start, end, options=None) -> dict[int, dict]:
        return {
            region: {"population_year": row.year, "population_source": row.source}
            for region, row in self._chosen(end, options).items()
        }

    def records(self, start, end, region_ids, options=None):
        ids = [row.pk for region, row in self._chosen(end, options).items() if region in set(region_ids)]
        return Population.objects.filter(pk__in=ids).select_related("region")


METRICS = [PopulationMetric()]
