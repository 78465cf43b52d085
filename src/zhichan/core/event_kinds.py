"""The kinds of events apps declare: a registry that imports no models, so the event model can name its kinds."""

from dataclasses import dataclass

_kinds: dict[str, "EventKind"] = {}


@dataclass(frozen=True)
class EventKind:
    """A kind of event: a dotted key ("report.returned", the record first) and a translatable label."""

    key: str
    label: str

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
