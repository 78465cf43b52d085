"""Rows the generators yield and the random helpers they share.

A row is plain data (field values, the holders' USCCs, events as (date, kind, text)), so a benchmark can
write it to a file or the loader can turn it into model instances.
"""

import bisect
import itertools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

# The synthetic register is a snapshot: filings from 2010 to 2024, events up to this day.
FIRST_YEAR, LAST_YEAR = 2010, 2024
SNAPSHOT = date(2025, 6, 30)


@dataclass
class Row:
    key: str  # the natural key: application, registration number or USCC
    fields: dict
    region_code: str = ""
    parties: tuple[str, ...] = ()  # USCCs of holders or owners
    events: list = field(default_factory=list)  # (date, kind, text)
    extra: dict = field(default_factory=dict)


def rng_for(seed: int, part: str) -> random.Random:
    """One independent stream per part, so more trademarks do not change the patents."""
    return random.Random(f"zhichan-demo:{seed}:{part}")


class Weighted:
    """Repeated weighted choices from a fixed population, by bisection on cumulative weights."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.totals = list(itertools.accumulate(weights))
        if not self.items or self.totals[-1] <= 0:
            raise ValueError("nothing to choose from")

    def pick(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.totals, rng.random() * self.totals[-1])]


def day_in(rng: random.Random, year: int) -> date:
    start = date(year, 1, 1)
    return start + timedelta(days=rng.randrange((date(year + 1, 1, 1) - start).days))


def later(day: date, rng: random.Random, low: int, high: int) -> date:
    return day + timedelta(days=rng.randint(low, high))


def year_weights(first: int, last: int) -> Weighted:
    """Filings grow until 2020 and stay level after (a synthetic shape)."""
    years = range(first, last + 1)
    return Weighted(years, [1 + 0.35 * min(year, 2020) - 0.35 * first for year in years])
