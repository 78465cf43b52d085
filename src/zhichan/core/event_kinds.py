"""The kinds of events apps declare: a registry that imports no models, so the event model can name its kinds."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .changes import when

_kinds: dict[str, "EventKind"] = {}


@dataclass(frozen=True)
class EventKind:
    """A kind of event: a dotted key ("report.returned", the record first) and a translatable label.

    `shown` says how to word a piece of its data a reader would not follow as stored ({"period": a period key
    as people read it}); the data everyone records the same way (a file's size, a percent, a time, an id beside
    its name) are worded by `details` for every kind. `order` names the data a reader takes in that order:
    PostgreSQL keeps a JSON object's keys in its own order, not the order they were recorded in."""

    key: str
    label: str
    shown: dict[str, Callable[[object], str]] = field(default_factory=dict, compare=False, hash=False)
    order: tuple = field(default=(), compare=False, hash=False)

    def __post_init__(self):
        known = _kinds.get(self.key)
        if known is not None and known.label != self.label:
            raise ValueError(f"event kind {self.key!r} is declared twice")
        _kinds[self.key] = self

    def __str__(self):
        return str(self.label)


def kinds() -> list[EventKind]:
    """Every declared kind, by key."""
    return sorted(_kinds.values(), key=lambda kind: kind.key)


def kind_label(key: str) -> str:
    """The kind's label in the active language; the key itself for a kind no installed app declares any more."""
    kind = _kinds.get(key)
    return str(kind.label) if kind else key


def details(key: str, data: dict) -> str:
    """An event's data in a line, in the order given: plain values only, each worded for a reader (a size as
    KB or MB, a percent with %, a time as the site writes it); a value named by another ("unit" beside
    "unit_name") is left out."""
    kind = _kinds.get(key)
    own = kind.shown if kind else {}
    first = [name for name in (kind.order if kind else ()) if name in data]
    parts = []
    for name in [*first, *(name for name in data if name not in first)]:
        value = data[name]
        if f"{name}_name" in data:
            continue
        text = own[name](value) if name in own else _worded(name, value)
        if text not in (None, ""):
            parts.append(str(text))
    return " · ".join(parts)


def _worded(name: str, value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if not isinstance(value, str | int | float) or value == "":
        return ""
    if name == "size" and isinstance(value, int):
        return filesizeformat(value)
    if name == "percent":
        return f"{value}%"
    if isinstance(value, str):
        return when(value)
    return str(value)
