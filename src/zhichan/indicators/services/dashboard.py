"""What the dashboards show, read from the materialized values only (a fixed handful of queries per page).

- `ranking(key, indicator, period, places)`: the places ordered by their value for one period;
- `grid(key, indicators, period, places)`: places × indicators with a shade per cell;

each read under the readings of one programme (`key`), the one the reader chose, over the places it compares
(services/places.py: a county's townships, a city's counties);
- `trends(rows, region)`: each indicator's monthly values with its target, for the line charts.

A place's value is the indicator's own value for that township or county: per 10,000 residents where the
indicator divides by population, a count where it counts, a rate summed as Σ numerator / Σ denominator over the
place. Nothing is recomputed here; a place without a value keeps the reason it has none (no population, say).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache

from zhichan.core.models import Region
from zhichan.core.versions import audited, latest
from zhichan.programme.models import Programme, Target

from ..models import Indicator, IndicatorValue, Reading
from ..periods import month
from .board import MONTH_KEY
from .readings import values_of

SHADES = 5  # grid cells are shaded heat-0 … heat-4 by their share of the column's highest value


def latest_computation():
    """When a value was last computed (an index read), or None."""
    return IndicatorValue.objects.order_by("-computed_at").values_list("computed_at", flat=True).first()


@cache
def _version_columns() -> list[tuple]:
    return [(IndicatorValue, "computed_at"), *audited(Indicator, Reading, Target, Programme, Region)]


def values_version() -> str:
    """Changes whenever a value is computed or an indicator, a reading, a target, a programme or a region is saved
    (one query of six index reads)."""
    return latest(*_version_columns())


def current_period(rows, today) -> str:
    """The month the dashboard shows by default: the month the headline rows are read at."""
    day = rows[0].as_of if rows else today
    return month(day.year, day.month).key


def month_periods(key, region=None, until: date | None = None) -> list[str]:
    """Every month with values of the programme `key` (for the region, when given), newest first (one query); with
    `until`, only the months up to the one containing that day (a dashboard shown as of a day offers no later
    month)."""
    values = values_of(key)
    values = values.filter(region=region) if region is not None else values
    if until is not None:
        values = values.filter(period__lte=month(until.year, until.month).key)  # "YYYY-MM" keys sort by time
    keys = values.filter(period__regex=MONTH_KEY).order_by("-period").values_list("period", flat=True).distinct()
    return list(dict.fromkeys(keys))


@dataclass
class Ranked:
    region: object
    value: IndicatorValue | None
    rank: int | None = None
    share: float = 0.0  # of the highest value, for the bar


def lower_is_better(rows, indicator) -> bool:
    """Whether the indicator's target is met from below (a rank: 1st is best), so the lowest value ranks first."""
    target = next((row.target for row in rows if row.indicator == indicator and row.target is not None), None)
    return target is not None and target.comparator in ("lte", "lt")


def ranking(key, indicator, period: str, places, lowest_first=False) -> list[Ranked]:
    """The places ordered by their value under the programme `key`'s reading, highest first (`lowest_first`: where
    lower is better, as a rank); places without a value last, with their reason (one query)."""
    found = {
        v.region_id: v
        for v in values_of(key)
        .filter(indicator=indicator, period=period, region__in=[p.pk for p in places])
        .defer("inputs")
    }
    rows = [Ranked(place, found.get(place.pk)) for place in places]
    with_value = [r for r in rows if r.value is not None and r.value.value is not None]
    without = [r for r in rows if r not in with_value]
    with_value.sort(key=lambda r: (r.value.value if lowest_first else -r.value.value, r.region.path))
    top = max(r.value.value for r in with_value) if with_value else None
    previous, rank = None, 0
    for position, row in enumerate(with_value, start=1):
        if row.value.value != previous:
            rank, previous = position, row.value.value
        row.rank = rank
        row.share = float(row.value.value / top) if top else 0.0
    return with_value + without


@dataclass
class GridRow:
    region: object
    cells: list = field(default_factory=list)  # (IndicatorValue | None, shade) per indicator


def shade(value: Decimal | None, top: Decimal | None) -> int | None:
    """0 … SHADES-1 by the value's share of the column's highest value; None without a value."""
    if value is None:
        return None
    if not top or top <= 0 or value <= 0:
        return 0
    return min(SHADES - 1, int(value / top * SHADES))


def grid(key, indicators, period: str, places) -> list[GridRow]:
    """Places × indicators for one period under the programme `key`'s readings, each cell shaded within its column
    (one query)."""
    by_id = {indicator.pk: indicator for indicator in indicators}
    values = {}
    found = values_of(key).filter(indicator__in=indicators, period=period, region__in=[p.pk for p in places])
    for v in found.defer("inputs"):
        v.indicator = by_id[v.indicator_id]  # the cells format by their indicator's decimals: no query each
        values[v.region_id, v.indicator_id] = v
    tops = {}
    for indicator in indicators:
        column = [values.get((p.pk, indicator.pk)) for p in places]
        numbers = [v.value for v in column if v is not None and v.value is not None]
        tops[indicator.pk] = max(numbers) if numbers else None
    result = []
    for place in places:
        row = GridRow(place)
        for indicator in indicators:
            value = values.get((place.pk, indicator.pk))
            number = value.value if value is not None else None
            row.cells.append((value, shade(number, tops[indicator.pk])))
        result.append(row)
    return result


def first_ranked(rows, grid_rows):
    """The indicator the ranking shows first: the first target's whose places have values at all."""
    targeted = [(i, row.indicator) for i, row in enumerate(rows) if row.target is not None]
    for column, indicator in targeted:
        if any(g.cells[column][0] is not None and g.cells[column][0].value for g in grid_rows):
            return indicator
    if targeted:
        return targeted[0][1]
    return rows[0].indicator if rows else None


def _float(value):
    return None if value is None else float(value)


def trends(rows, region) -> list[dict]:
    """For each headline row: its monthly values up to the row's day and its target line (no query: the rows
    carry their series)."""
    if region is None or not rows:
        return []
    result = []
    for row in rows:
        own = [r for r in row.series if r.period_end <= row.as_of]
        target = row.target if row.target is not None and row.target.region_id == region.pk else None
        result.append(
            {
                "id": f"trend-{row.indicator.pk}",
                "name": f"{row.target.code} {row.indicator.name}" if row.target else row.indicator.name,
                "unit": row.indicator.unit_of_measure,
                "labels": [r.period for r in own],
                "values": [_float(r.value) for r in own],
                "target": _float(target.value) if target else None,
            }
        )
    return result


def ranking_chart(indicator, rows: list[Ranked]) -> dict:
    """The bar chart of a ranking: places with a value, highest at the top."""
    shown = [r for r in rows if r.rank is not None]
    return {
        "id": "ranking-chart",
        "name": indicator.name if indicator else "",
        "unit": indicator.unit_of_measure if indicator else "",
        "labels": [r.region.name for r in shown],
        "values": [float(r.value.value) for r in shown],
    }
