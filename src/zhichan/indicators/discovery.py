"""Metrics declared in `<app>/metrics.py` as a list `METRICS`, found over INSTALLED_APPS the way the admin finds
admin.py, so the app that owns the records needs not import this one. The contract they keep is
`zhichan.core.metrics.Metric`; a metric that breaks it stops the start-up with what it lacks."""

from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from zhichan.core.metrics import problems


@cache
def metrics() -> dict:
    """code → metric, over every installed app (read once per process)."""
    found = {}
    for config in apps.get_app_configs():
        name = f"{config.name}.metrics"
        if find_spec(config.name) is None or find_spec(name) is None:
            continue
        for metric in getattr(import_module(name), "METRICS", []):
            wrong = problems(metric)
            if wrong:
                code = getattr(metric, "code", metric)
                raise ImproperlyConfigured(f"{name}: the metric {code!r} breaks the contract: {'; '.join(wrong)}")
            if metric.code in found:
                raise ImproperlyConfigured(f"{name}: the metric {metric.code} is declared twice")
            found[metric.code] = metric
    return found
