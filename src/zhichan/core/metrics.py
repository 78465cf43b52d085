"""The metric contract: a figure an app computes from its own records, for every region and any period.

An app declares its metrics in `<app>/metrics.py` as a list `METRICS` of `Metric` instances. The indicators app
finds them there (so the app that owns the records imports nothing of it), checks each against this contract at
start-up (`problems`), reads them in formulas by their `code`, and recomputes its values when a model a metric
`watches` is saved or deleted.

A metric says:
- `code`: its name in formulas (a Python identifier, unique over all apps), `label` and `unit` for people;
- `kind`: "stock" (the records valid on a day) or "flow" (the records dated within a window);
- `additive`: True when a region's figure is its own plus its descendants' (counts), False when every region has
  its own figure (resident population);
- `values(start, end, options)`: every region's OWN figure for the window, {region id: number}, set-based (one or a
  few queries for all regions); `start` is None for stocks and for flows counted from the beginning;
- `monthly(first, last, options)`, optional: {region id: [the figure at the end of each month first … last]}
  (month numbers as `core.monthly` counts them; a flow counted from the beginning), or None — the same figures as
  `values` for month-end windows, read at once for a whole range;
- `details(start, end, options)`, optional: {region id: dict} kept with each computed value (which year's
  population divided it, say);
- the drill-down: `records(start, end, region_ids, options)`, the queryset of exactly the records behind the
  figure of those regions, shown and exported with `columns` (a tuple of `core.columns.Column`), each
  record linked to the page named `detail_url` (a URL name taking its pk) when there is one;
- `watches`: the models (classes, or "app_label.ModelName") whose saves and deletes change its figures;
- `option_values`, optional: the options a programme's reading may pass it, {name: the values allowed (a tuple, or a
  callable giving them)}; loading a reading that gives another value is refused naming the option.

This base class is the protocol: the indicators read nothing of a metric that is not named here. Core itself
declares no metric (this module has no `METRICS`): the population figure is read as a metric by the indicators.
"""

import keyword
from abc import ABC, abstractmethod
from collections.abc import Callable

from django.apps import apps
from django.db.models import Model

from .columns import Column

KINDS = ("stock", "flow")


class Metric(ABC):
    code: str
    label: str
    unit: str
    kind: str
    additive: bool = True
    columns: tuple = ()
    detail_url: str = ""
    # The record's attribute the page of `detail_url` takes (a record shown on its parent's page: "plan_id").
    detail_field: str = "pk"
    watches: tuple = ()
    # Optional: a method (first, last, options=None) -> {region id: [figure at each month end]} | None.
    monthly: Callable | None = None
    # Optional: {option name: values allowed, as a tuple or a callable giving them}.
    option_values: dict = {}

    @abstractmethod
    def values(self, start, end, options=None) -> dict:
        """{region id: the region's own figure} for the window from `start` (or the beginning) to `end`."""

    @abstractmethod
    def records(self, start, end, region_ids, options=None):
        """The queryset of the records behind the figures of those regions."""

    def details(self, start, end, options=None) -> dict:
        """{region id: dict} kept with each computed value; none by default."""
        return {}

    def watched_models(self) -> list:
        return [_model(model) for model in self.watches]

    def __repr__(self):
        return f"<{type(self).__name__} {getattr(self, 'code', '?')}>"


def _model(model):
    return apps.get_model(model) if isinstance(model, str) else model


def problems(metric) -> list[str]:
    """What the metric lacks or gets wrong of the contract (empty when it keeps it)."""
    if not isinstance(metric, Metric):
        return [f"{metric!r} is not a zhichan.core.metrics.Metric"]
    found = []
    code = getattr(metric, "code", None)
    if not isinstance(code, str) or not code.isidentifier() or keyword.iskeyword(code):
        found.append(f"its code {code!r} is not a name a formula can use")
    if not getattr(metric, "label", None):
        found.append("it has no label")
    if not isinstance(getattr(metric, "unit", None), str):
        found.append("it has no unit (a text, which may be empty)")
    if getattr(metric, "kind", None) not in KINDS:
        found.append(f"its kind {getattr(metric, 'kind', None)!r} is not one of {KINDS}")
    if not isinstance(metric.additive, bool):
        found.append("additive is not True or False")
    if not metric.columns or not all(isinstance(c, Column) for c in metric.columns):
        found.append("its columns are not a tuple of core.columns.Column")
    if metric.monthly is not None and not callable(metric.monthly):
        found.append("monthly is neither None nor a method")
    if not isinstance(metric.option_values, dict) or not all(
        isinstance(values, tuple) or callable(values) for values in metric.option_values.values()
    ):
        found.append("option_values is not a mapping of option names to a tuple of values or a callable")
    if not metric.watches:
        found.append("it watches no model (its values would never be recomputed when its records change)")
    for model in metric.watches:
        try:
            installed = isinstance(_model(model), type) and issubclass(_model(model), Model)
        except (LookupError, ValueError):
            installed = False
        if not installed:
            found.append(f"it watches {model!r}, which is not an installed model")
    return found
