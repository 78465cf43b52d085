"""The metric contract (`core/metrics.py`): an app that declares a metric in its `metrics.py` gets it discovered,
checked, computed, drilled into and recomputed when what it watches changes, without an edit in the indicators."""

from datetime import date

import pytest
from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_delete, post_save

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric, problems
from zhichan.core.models import Region, Unit
from zhichan.indicators import discovery, signals
from zhichan.indicators.models import Indicator, IndicatorValue, Reading
from zhichan.indicators.rollup import subtree, tree
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.drilldown import behind
from zhichan.indicators.sources import watched_models

from .tiny_metrics import metrics as tiny


@pytest.fixture
def tiny_app():
    """The throwaway app installed beside the others for one test (no models, so no migration)."""
    config = AppConfig.create("tests.indicators.tiny_metrics")
    config.apps = apps
    config.import_models()
    apps.app_configs[config.label] = config
    apps.clear_cache()
    discovery.metrics.cache_clear()
    yield config
    del apps.app_configs[config.label]
    apps.clear_cache()
    discovery.metrics.cache_clear()
    for kind, signal in (("save", post_save), ("delete", post_delete)):
        signal.disconnect(sender=Unit, dispatch_uid=f"indicators-recompute-core.Unit-{kind}")


def test_a_new_apps_metric_is_discovered_checked_and_watched(tiny_app):
    found = discovery.metrics()
    assert isinstance(found["member_units"], tiny.MemberUnits)
    assert problems(found["member_units"]) == []
    assert Unit in watched_models()
    assert "valid_invention_patents" in found  # beside the others


def test_the_registrys_and_the_indicators_metrics_keep_the_contract():
    for metric in discovery.metrics().values():
        assert isinstance(metric, Metric) and problems(metric) == [], metric.code


def test_the_recompute_watches_every_metrics_models_and_the_reported_values():
    from zhichan.indicators.models import DataValue
    from zhichan.registry.models import Patent, PatentEvent

    watched = watched_models()
    assert {Patent, PatentEvent, DataValue} <= set(watched)
    assert {model._meta.label for model in watched} >= {"core.Population", "registry.TrademarkEvent"}


def test_a_new_apps_metric_is_computed_and_drilled_into(tiny_app, db, users):
    county = Region.objects.get(code="350583")
    town = Region.objects.get(code="350583119")
    Unit.objects.create(organisation=county, key="tiny-a", name="测试单位甲", region=town)
    Unit.objects.create(organisation=county, key="tiny-b", name="测试单位乙", region=town)
    indicator = Indicator.objects.create(
        code="member-units", name="member units", unit_of_measure="家", numerator="member_units"
    )
    Reading.objects.create(programme="nanan-2022", indicator=indicator)  # its programme is not loaded: every county
    compute(codes=[indicator.code], periods=["2023-06"])
    in_county = Unit.objects.filter(region__in=subtree(county, tree())).count()
    value = IndicatorValue.objects.get(indicator=indicator, region=county, period="2023-06")
    assert value.value == in_county >= 2  # its own units and its townships', added up the tree
    in_town = Unit.objects.filter(region=town).count()
    assert IndicatorValue.objects.get(indicator=indicator, region=town, period="2023-06").value == in_town >= 2
    shown = behind(value, "member_units", users["office"])
    assert shown.source.columns == tiny.MemberUnits.columns
    assert {unit.name for unit in shown.records} >= {"测试单位甲", "测试单位乙"}


def test_saving_a_watched_model_asks_for_a_recompute(
    tiny_app, db, deferred_recomputes, django_capture_on_commit_callbacks
):
    assert Unit in signals.connect()
    with django_capture_on_commit_callbacks(execute=True):
        county, town = Region.objects.get(code="350583"), Region.objects.get(code="350583119")
        Unit.objects.create(organisation=county, key="tiny-c", name="测试单位丙", region=town)
    assert len(deferred_recomputes) == 1


class Broken(Metric):
    code = "broken"
    label = "broken"
    unit = ""
    kind = "stock"
    columns = (Column("name", "name"),)

    def values(self, start, end, options=None):
        return {}

    def records(self, start, end, region_ids, options=None):
        return Unit.objects.none()


def test_a_metric_that_breaks_the_contract_stops_the_discovery(tiny_app, monkeypatch):
    monkeypatch.setattr(tiny, "METRICS", [Broken()])
    with pytest.raises(ImproperlyConfigured, match="broken.*watches no model"):
        discovery.metrics()
    discovery.metrics.cache_clear()
    monkeypatch.setattr(tiny, "METRICS", [object()])
    with pytest.raises(ImproperlyConfigured, match="is not a zhichan.core.metrics.Metric"):
        discovery.metrics()


def test_what_the_contract_checks():
    class Wrong(Broken):
        code = "not a name"
        kind = "sometimes"
        columns = ("name",)
        watches = ("core.NoSuchModel", Metric)

    found = problems(Wrong())
    assert len(found) == 5, found
    assert problems(tiny.MemberUnits()) == []
    with pytest.raises(TypeError):  # a metric without values() or records() cannot even be made

        class Half(Metric):
            code, label, unit, kind = "half", "half", "", "flow"

        Half()
    assert tiny.MemberUnits().details(None, date(2023, 6, 30)) == {}
