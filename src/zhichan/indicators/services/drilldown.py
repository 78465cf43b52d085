"""From a computed value to the records or reported values behind it."""

from dataclasses import dataclass
from datetime import date

from django.urls import NoReverseMatch, reverse

from ..periods import Window, parse_period, window_for
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
    window, options = computed_under(value)
    window = _window_of(source, window)
    regions = subtree(value.region, tree()) if source.additive else [value.region_id]
    records = source.records(window.start, window.end, regions, options)
    if hasattr(records, "visible_to"):
        records = records.visible_to(user)
    return Behind(name, source, records)


def computed_under(value) -> tuple[Window, dict]:
    """The window and options the value was computed under, as kept with it: the records behind a stale value are
    those it counted, not those its reading counts now. A value kept without them is read by its reading."""
    span = value.inputs.get("window")
    basis = value.inputs.get("reading")
    if span and basis is not None:
        start = date.fromisoformat(span[0]) if span[0] else None
        return Window(start, date.fromisoformat(span[1])), basis.get("options") or {}
    reading = value.reading
    return window_for(reading.window, parse_period(value.period), reading.since), reading.options


def record_url(source, record) -> str:
    if not source.detail_url:
        return ""
    try:
        return reverse(source.detail_url, args=[getattr(record, getattr(source, "detail_field", "pk"))])
    except NoReverseMatch:  # the page does not exist (yet)
        return ""
