"""The source contract: what an automatic item of a scheme measures for every unit of a round at once.

A source is asked once per round for all its units (`measure(units, start, end, params)`, a handful of queries
whatever the number of units) and answers {unit id: Measure}: the figure, the counts it comes from and each
record behind it, so a unit's score is explained down to its records and the round keeps that explanation when
it is frozen. `end` is the round's as-of date: nothing after it counts.

- a "ratio" source gives the share of what was due that was done (on time): a scored item earns its weight times
  the share; a unit with nothing due earns full marks and is told so;
- a "count" source counts occurrences (reports returned): a deduction takes `per` points each up to its cap, a
  bonus gives them, a veto item is triggered by one.
"""

from dataclasses import dataclass, field
from decimal import Decimal

RATIO, COUNT = "ratio", "count"


@dataclass(frozen=True)
class Evidence:
    """One record behind a figure: what it is, its page, whether it counted for the unit, and a short note."""

    label: str
    url: str = ""
    ok: bool = True
    note: str = ""

    def kept(self) -> list:
        return [self.label, self.url, self.ok, self.note]


@dataclass
class Measure:
    done: Decimal = Decimal(0)  # what counted: reports on time, or the count
    due: Decimal | None = None  # what was due (a ratio's denominator, or a target); None for a count
    records: list = field(default_factory=list)  # [Evidence]

    @property
    def value(self) -> Decimal | None:
        """The share (0–1, capped at 1) for a ratio, the count for a count; None when nothing was due."""
        if self.due is None:
            return self.done
        if not self.due:
            return None
        return min(Decimal(1), self.done / self.due)


class Source:
    key: str
    label: str  # what it measures, in words
    kind: str = RATIO
    params: dict = {}  # {name: required}
    # The words of a figure: "%(done)s of %(due)s reports submitted on time", worded by `explain`.
    wording: str = ""

    def measure(self, units: list, start, end, params: dict) -> dict:
        raise NotImplementedError

    def check(self, params: dict) -> str:
        """What is wrong with an item's parameters (a scheme's load names the item), or ''."""
        return ""
