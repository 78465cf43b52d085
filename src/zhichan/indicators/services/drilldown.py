"""From a computed value to the records or reported values behind it."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from ..periods import parse_period, window_for
from ..rollup import subtree, tree
from ..sources import sources
from .compute import _window_of, names_of


@dataclass
class Behind:
    name: str
    source: object
    records: object  # a queryset, scoped to the user


def inputs_of(value) -> list[str]:
    return names_of(value.indicator)


def behind(value, name: str, user) -> Behind | None:
    """The records behind one input of a value, as the user may see them; None for an unknown input."""
    found = sources()
    if name not in found or name not in inputs_of(value):
        return None
    source = found[name]
    window = window_for(value.indicator.window, parse_period(value.period), value.indicator.since)
    window = _window_of(source, window)
    regions = subtree(value.region, tree()) if source.additive else [value.region_id]
    records = source.records(window.start, window.end, regions, value.indicator.options)
    if hasattr(records, "visible_to"):
        records = records.visible_to(user)
    return Behind(name, source, records)


def record_url(source, record) -> str:
    if not source.detail_url:
        return ""
    try:
        return reverse(source.detail_url, args=[record.pk])
    except NoReverseMatch:  # the page does not exist (yet)
        return ""
