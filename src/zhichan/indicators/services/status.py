"""Where a target stands: progress against time elapsed, a traffic light, the pace still needed, a forecast.

Plain functions over numbers and dates, so each rule can be checked by hand.

- The linear path runs from the baseline at the start to the target at the deadline; the value expected on a
  day is baseline + (target − baseline) × elapsed, elapsed = days since start / days from start to deadline.
- Progress is (value − baseline) / (expected − baseline): the share of the progress due by now that is made.
- Light: "done" once the value meets the target (for a rate: only at the deadline — before it, a rate that
  meets the target is green); "green" at ≥ 100 % of the path; "amber" at ≥ 90 %; "red" below.
  For a rate (T8) there is no path: green when it meets the target, amber when it reaches 90 % of the
  target, red below.
- Pace still needed per month: (target − value) / whole months left to the deadline.
- Forecast: an ordinary least-squares line through the last 12 monthly values (x = month number, y = value),
  read at the deadline's month.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..periods import months_between

GREEN = Decimal("1")  # at or above the linear path
AMBER = Decimal("0.9")  # at least 90 % of it
FORECAST_MONTHS = 12


@dataclass
class TargetStatus:
    light: str  # done, green, amber, red, unknown
    elapsed: Decimal | None
    expected: Decimal | None
    progress: Decimal | None
    pace: Decimal | None  # per month, still needed
    months_left: int

    rate: bool = False

    def pace_note(self) -> str:
        """Why no pace is given: no value, the target met, a rate (which has no path), its deadline reached, or
        less than a whole month left before it."""
        if self.light == "unknown":
            return "no-value"
        if self.light == "done" or (self.rate and self.light == "green"):
            return "met"
        if self.rate:
            return "rate"
        if self.months_left:
            return "met"
        return "ended" if self.elapsed is not None and self.elapsed >= 1 else "last-month"


def meets(value, target, comparator: str) -> bool:
    return {
        "gte": value >= target,
        "gt": value > target,
        "lte": value <= target,
        "lt": value < target,
    }[comparator]


def elapsed_share(start: date, deadline: date, day: date) -> Decimal:
    if day <= start:
        return Decimal(0)
    if day >= deadline:
        return Decimal(1)
    return Decimal((day - start).days) / Decimal((deadline - start).days)


def target_status(
    value, target, *, comparator="gte", baseline=0, start: date, deadline: date, day: date, rate=False
) -> TargetStatus:
    target, baseline = Decimal(str(target)), Decimal(str(baseline or 0))
    months_left = max(months_between(day, deadline), 0)
    if value is None:
        return TargetStatus("unknown", None, None, None, None, months_left)
    value = Decimal(str(value))
    elapsed = elapsed_share(start, deadline, day)
    gap = target - value
    pace = gap / months_left if months_left and not meets(value, target, comparator) else None
    if rate:
        if meets(value, target, comparator):
            light = "done" if day >= deadline else "green"
        elif comparator in ("gte", "gt") and value >= AMBER * target:
            light = "amber"
        else:
            light = "red"
        return TargetStatus(light, elapsed, target, None, None, months_left, rate=True)
    expected = baseline + (target - baseline) * elapsed
    if meets(value, target, comparator):
        return TargetStatus("done", elapsed, expected, None, None, months_left)
    due = expected - baseline
    progress = (value - baseline) / due if due else None
    if progress is None or progress >= GREEN:
        light = "green"
    elif progress >= AMBER:
        light = "amber"
    else:
        light = "red"
    return TargetStatus(light, elapsed, expected, progress, pace, months_left)


@dataclass
class Forecast:
    slope: Decimal  # change per month
    intercept: Decimal
    value: Decimal  # read at the deadline's month
    points: int
    first: date  # month of x = 0


def forecast(series: list[tuple[date, Decimal]], deadline: date, months: int = FORECAST_MONTHS) -> Forecast | None:
    """Least squares over the last `months` monthly (end date, value) points; None with fewer than 3."""
    points = [(day, Decimal(str(v))) for day, v in sorted(series) if v is not None][-months:]
    if len(points) < 3:
        return None
    first = points[0][0]
    xs = [Decimal(months_between(first, day)) for day, _ in points]
    ys = [v for _, v in points]
    n = Decimal(len(points))
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    intercept = mean_y - slope * mean_x
    at = Decimal(months_between(first, deadline))
    return Forecast(slope, intercept, intercept + slope * at, len(points), first)
