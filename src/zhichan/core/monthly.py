"""Counts at the end of each month of a range, built from intervals of days.

A figure read for many month ends at once (validity of patents, trademarks, designations; records dated on or
before a day) is a set of intervals [from, until) of days during which a record counts. A record counts at a
month end E when from ≤ E < until, so the months it counts in are [month of from, month of until). Months are
numbered `year * 12 + month - 1`, so consecutive months are consecutive numbers.
"""

import calendar
from collections import defaultdict
from datetime import date


def month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_end(number: int) -> date:
    year, month = divmod(number, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def month_start(number: int) -> date:
    year, month = divmod(number, 12)
    return date(year, month + 1, 1)


def is_month_end(day: date) -> bool:
    return day == month_end(month_number(day))


class MonthlyCounts:
    """Per region, how many records count at the end of each month from `first` to `last` (month numbers)."""

    def __init__(self, first: int, last: int):
        self.first, self.last = first, last
        self._changes = defaultdict(lambda: [0] * (last - first + 2))

    def add_months(self, region, start: int, stop: int | None, n: int = 1):
        """n records counting at the end of months start … stop - 1 (stop None: to the end of the range)."""
        start = max(start, self.first)
        stop = self.last + 1 if stop is None else min(stop, self.last + 1)
        if start < stop:
            changes = self._changes[region]
            changes[start - self.first] += n
            changes[stop - self.first] -= n

    def add_days(self, region, since: date, until: date | None, n: int = 1):
        """n records counting on the days since … until - 1 (until None: for ever)."""
        self.add_months(region, month_number(since), None if until is None else month_number(until), n)

    def series(self) -> dict:
        """{region: [count at the end of month first, …, count at the end of month last]}."""
        result = {}
        for region, changes in self._changes.items():
            running, values = 0, []
            for change in changes[:-1]:
                running += change
                values.append(running)
            result[region] = values
        return result


def intervals(points, valid_on) -> list[tuple[date, date | None]]:
    """The intervals of days on which `valid_on(day)` holds, for a state that changes only on `points`.

    Each point is the first day of a possibly new state, so the state on a point holds until the next point.
    """
    result, since = [], None
    for point in sorted(set(points)):
        valid = valid_on(point)
        if valid and since is None:
            since = point
        elif not valid and since is not None:
            result.append((since, point))
            since = None
    if since is not None:
        result.append((since, None))
    return result
