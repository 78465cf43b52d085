"""The debounced recompute: a burst of changes enqueues one deferred task."""

from datetime import date

from django.core.cache import cache

from zhichan.core.models import Population, Region
from zhichan.indicators.signals import KEY


def test_a_burst_of_changes_enqueues_one_recompute(db, deferred_recomputes, django_capture_on_commit_callbacks):
    region = Region.objects.get(code="350583119")
    with django_capture_on_commit_callbacks(execute=True):
        for year in (2021, 2022, 2023):
            Population.objects.create(region=region, year=year, as_of=date(year, 12, 31), value=1, source="t")
    assert len(deferred_recomputes) == 1


def test_the_inline_backend_does_not_recompute_on_save(db, django_capture_on_commit_callbacks):
    from zhichan.indicators.models import IndicatorValue

    cache.delete(KEY)
    region = Region.objects.get(code="350583119")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Population.objects.create(region=region, year=2021, as_of=date(2021, 12, 31), value=1, source="t")
    assert callbacks == [] and not IndicatorValue.objects.exists()
