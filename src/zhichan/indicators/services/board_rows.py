"""A row of the indicator list and how its target's status is read: what the list (`board.py`) and the
programme's targets (`targets.py`) both build on."""

from dataclasses import dataclass, field
from datetime import date

from ..models import Indicator, IndicatorValue
from .status import Forecast, TargetStatus, forecast, target_status

MONTH_KEY = r"^[0-9]{4}-[0-9]{2}$"


@dataclass
class Row:
    indicator: Indicator
    target: object | None
    value: IndicatorValue | None
    status: TargetStatus | None
    forecast: Forecast | None
    as_of: date
    reading: object = None  # the programme's reading of the indicator
    series: list = field(default_factory=list)  # the region's monthly value rows, oldest first
    # When the target is another region's (a township read against the county's target): that region's value
    # on the same day, so the township sees where the county stands beside its own figure.
    target_value: IndicatorValue | None = None
    parts: list = field(default_factory=list)  # a target about named sub-regions: services/targets.py Part
    rank: object | None = None  # a rank target: services/targets.py Rank

    @property
    def parts_met(self) -> int:
        return sum(1 for part in self.parts if part.met)


def as_of_for(target, today: date) -> date:
    return min(today, target.deadline) if target else today


def status_of(target, value_row, series_rows, day: date):
    """The status and forecast of a target from its region's monthly values up to `day`."""
    programme = target.programme
    if target.kind == "flow":
        start = date(target.deadline.year, 1, 1)
    else:
        start = programme.start
    baseline = target.baseline
    if baseline is None and target.kind == "stock":
        before = [r for r in series_rows if r.period_end < start]
        baseline = before[-1].value if before else 0
    value = value_row.value if value_row else None
    status = target_status(
        value,
        target.value,
        comparator=target.comparator,
        baseline=baseline or 0,
        start=start,
        deadline=target.deadline,
        day=day,
        rate=target.kind in ("rate", "rank"),  # neither has a path from a baseline
    )
    points = [(r.period_end, r.value) for r in series_rows if r.value is not None and r.period_end >= start]
    return status, forecast(points, target.deadline)
