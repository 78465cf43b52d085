"""Metrics: figures computed from an app's records, declared in `<app>/metrics.py` as a list `METRICS`.

Discovered over INSTALLED_APPS the way the admin discovers admin.py, so the app that owns the records needs
not import this one. A metric is any object with:

- `code` (a formula name, e.g. `valid_invention_patents`), `label`, `unit`;
- `kind`: "stock" (read as of a day) or "flow" (records dated within a window);
- `additive`: True when a region's figure is its own plus its descendants' (counts), False when each region
  has its own figure (resident population);
- `values(start, end, options) -> {region id: number}`: every region's OWN figure for the window, set-based
  (one or a few queries for all regions); `start` is None for stocks and for flows counted from the beginning;
- `records(start, end, region_ids, options)`: the queryset of records behind the figure of those regions;
- `columns`: a tuple of `core.columns.Column` (label, how to read the cell) for lists, exports and the API's
  records (keyed by the column's key); optional `detail_url` (a URL name taking
  the record's pk) and `details(start, end, options) -> {region id: dict}` kept with the computed value.
"""

from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


@cache
def metrics() -> dict:
    found = {}
    for config in apps.get_app_configs():
        name = f"{config.name}.metrics"
        if find_spec(config.name) is None or find_spec(name) is None:
            continue
        for metric in getattr(import_module(name), "METRICS", []):
            if metric.code in found:
                raise ValueError(f"metric {metric.code} is declared twice")
            found[metric.code] = metric
    return found
