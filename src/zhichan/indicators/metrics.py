"""Resident population as a metric, from core's population table (each figure with its source).

Which year's population divides a per-10,000-residents indicator is the indicator's option `population_year`:
- "latest" (default): the latest year up to the period's year that has a figure — the figure published by
  then, since a year's resident population appears in the next year's yearbook;
- "same": exactly the period's year (no figure → no value);
- "previous": exactly the year before the period's year.
The year used is kept with each computed value. Population is not added up the tree: a county's population
is its own published figure, not the sum of whatever townships have figures. A region without a figure of its
own for a year has the sum of its sub-regions' figures for that year when every sub-region with a statistical
code has one (a city whose counties all have that year's figure); a figure entered for the region itself wins.
Sub-regions without a code (management zones) overlap the others' territory and are left out of the sum.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric
from zhichan.core.models import Population, Region

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

    def _chosen(self, end, options) -> dict[int, "Figure"]:
        rule = (options or {}).get("population_year", "latest")
        if rule not in RULES:
            raise ValueError(f"population_year must be one of {RULES}, not {rule!r}")
        rows = Population.objects.order_by("region", "year")
        if rule == "latest":
            rows = rows.filter(year__lte=end.year)
        else:
            rows = rows.filter(year=end.year if rule == "same" else end.year - 1)
        by_year = defaultdict(dict)
        for row in rows.only("pk", "region_id", "year", "value", "source"):
            by_year[row.year][row.region_id] = Figure(row.year, row.value, row.source, [row.pk])
        children = _coded_children()
        chosen = {}
        for year in sorted(by_year):  # the latest year wins
            chosen.update(summed(by_year[year], children))
        return chosen

    def values(self, start, end, options=None) -> dict[int, int]:
        return {region: figure.value for region, figure in self._chosen(end, options).items()}

    def details(self, start, end, options=None) -> dict[int, dict]:
        return {region: figure.details() for region, figure in self._chosen(end, options).items()}

    def records(self, start, end, region_ids, options=None):
        wanted = set(region_ids)
        ids = [pk for region, figure in self._chosen(end, options).items() if region in wanted for pk in figure.rows]
        return Population.objects.filter(pk__in=ids).select_related("region")


@dataclass
class Figure:
    """A region's population for a year: entered for it (with its source), or the sum of its sub-regions'."""

    year: int
    value: int
    source: str = ""
    rows: list = field(default_factory=list)  # the entered figures behind it
    parts: int = 0  # how many sub-regions' figures were added (0: entered for the region itself)

    def details(self) -> dict:
        found = {"population_year": self.year, "population_source": self.source}
        if self.parts:
            found["population_parts"] = self.parts
        return found


def _coded_children() -> dict[int, list[int]]:
    """{region id: its sub-regions with a statistical code}, deepest regions first (one query)."""
    regions = list(Region.objects.order_by("-depth", "path").values_list("pk", "path", "code"))
    by_path = {path: pk for pk, path, _code in regions}
    children = {pk: [] for pk, _path, _code in regions}
    for pk, path, code in regions:
        parent = by_path.get(path[: -Region.steplen])
        if parent is not None and code:
            children[parent].append(pk)
    return {pk: found for pk, found in children.items() if found}


def summed(entered: dict[int, Figure], children: dict[int, list[int]]) -> dict[int, Figure]:
    """One year's figures: those entered, and for each region without one the sum of its sub-regions' figures
    when every one of them has a figure (entered or itself summed), from the deepest regions up."""
    found = dict(entered)
    for region, parts in children.items():  # deepest first
        if region in found or not all(part in found for part in parts):
            continue
        figures = [found[part] for part in parts]
        year = figures[0].year
        rows = [pk for figure in figures for pk in figure.rows]
        found[region] = Figure(year, sum(f.value for f in figures), "", rows, len(parts))
    return found


METRICS = [PopulationMetric()]
