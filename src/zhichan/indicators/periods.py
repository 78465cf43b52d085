"""Periods: plain value objects written "2024" (year), "2024Q3" (quarter), "2024-07" (month) or "2024-07-15" (a day).

A stock is read as of a period's last day; a flow counts what is dated within a window. Which window an
indicator uses (the period itself, the year to date, or everything since a date) is a setting of the indicator.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class PeriodError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    key: str
    kind: str  # year, quarter, month, day

    def __str__(self):
        return self.key

    @property
    def label(self) -> str:
        if self.kind == "year":
            return _("%(year)d") % {"year": self.start.year}
        if self.kind == "quarter":
            return _("%(year)d Q%(quarter)d") % {"year": self.start.year, "quarter": (self.start.month + 2) // 3}
        if self.kind == "month":
            return _("%(year)d-%(month)02d") % {"year": self.start.year, "month": self.start.month}
        return self.key


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text) -> Period:
    """The one parser of period keys; raises PeriodError for anything else."""
    key = str(text or "").strip().upper()
    try:
        if m := _YEAR.match(key):
            year = int(m[1])
            return Period(date(year, 1, 1), date(year, 12, 31), key, "year")
        if m := _QUARTER.match(key):
            year, quarter = int(m[1]), int(m[2])
            first = 3 * quarter - 2
            return Period(date(year, first, 1), _month_end(year, first + 2), key, "quarter")
        if m := _MONTH.match(key):
            year, month = int(m[1]), int(m[2])
            return Period(date(year, month, 1), _month_end(year, month), key, "month")
        if m := _DAY.match(key):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return Period(day, day, key, "day")
    except ValueError:
        pass
    raise PeriodError(_("“%(text)s” is not a period: write 2024, 2024Q3, 2024-07 or 2024-07-15.") % {"text": text})


def year(y: int) -> Period:
    return parse_period(f"{y:04d}")


def month(y: int, m: int) -> Period:
    return parse_period(f"{y:04d}-{m:02d}")


def months_of(y: int) -> list[Period]:
    return [month(y, m) for m in range(1, 13)]


def quarters_of(y: int) -> list[Period]:
    return [parse_period(f"{y:04d}Q{q}") for q in range(1, 5)]


def periods_of(kind: str, first_year: int, last_year: int) -> list[Period]:
    """Every period of a kind (month, quarter, year) from first_year to last_year."""
    result = []
    for y in range(first_year, last_year + 1):
        if kind == "year":
            result.append(year(y))
        elif kind == "quarter":
            result += quarters_of(y)
        else:
            result += months_of(y)
    return result


def months_between(a: date, b: date) -> int:
    """Whole calendar months from a's month to b's month (2024-03-31 → 2024-12-31 is 9)."""
    return (b.year - a.year) * 12 + b.month - a.month


@dataclass(frozen=True)
class Window:
    """What a value counts: a stock as of `end`, or a flow dated from `start` (None: from the beginning) to `end`."""

    start: date | None
    end: date


class WindowKind:
    STOCK = "stock"  # as of the period's last day
    PERIOD = "period"  # dated within the period
    YEAR_TO_DATE = "year-to-date"  # from 1 January of the period's year to its last day
    CUMULATIVE = "cumulative"  # from the indicator's `since` date to the period's last day
    CHOICES = [STOCK, PERIOD, YEAR_TO_DATE, CUMULATIVE]


def window_for(kind: str, period: Period, since: date | None = None) -> Window | None:
    """The window an indicator of this kind reads for a period; None when the period ends before `since`."""
    if kind == WindowKind.STOCK:
        return Window(None, period.end)
    if kind == WindowKind.PERIOD:
        return Window(period.start, period.end)
    if kind == WindowKind.YEAR_TO_DATE:
        return Window(date(period.end.year, 1, 1), period.end)
    if kind == WindowKind.CUMULATIVE:
        if since is not None and period.end < since:
            return None
        return Window(since, period.end)
    raise PeriodError(f"unknown window kind {kind!r}")


def day_before(day: date) -> date:
    return day - timedelta(days=1)
