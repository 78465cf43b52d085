"""A debounced recompute when records behind the indicators change.

Saving or deleting a row of a model that a metric watches (`core.metrics.Metric.watches`: registry records,
population figures, whatever an app's metrics declare) or a reported data value asks for a recompute; the request
is enqueued at most once per INDICATOR_RECOMPUTE_SECONDS (a cache key with that timeout), and the task runs
after the delay so that a burst of changes (an import) is computed once. The nightly
`manage.py compute_indicators` catches anything the debounce misses (docs/deployment.md), and is the only
recompute where the task backend cannot defer (the inline backend of the tests).
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

KEY = "indicators:recompute-pending"


def request_recompute(**kwargs):
    from .tasks import recompute_after_change

    delay = getattr(settings, "INDICATOR_RECOMPUTE_SECONDS", 60)
    # Only a backend that can defer a task (the database worker) gets one: the inline backend used by tests and
    # by a server without a worker would recompute on every save. Those rely on the nightly run.
    if delay <= 0 or not recompute_after_change.get_backend().supports_defer:
        return
    if not cache.add(KEY, True, timeout=delay):
        return  # one is already pending

    def enqueue():
        recompute_after_change.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue()

    transaction.on_commit(enqueue)


def connect() -> list:
    """Watch every model the metrics and the reported values depend on (discovering the metrics, so a metric that
    breaks the contract stops the start-up); returns the models watched."""
    from .sources import watched_models

    models = watched_models()
    for model in models:
        uid = f"indicators-recompute-{model._meta.label}"
        post_save.connect(request_recompute, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(request_recompute, sender=model, dispatch_uid=uid + "-delete")
    return models
