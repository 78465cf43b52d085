"""Materializing indicator values for every indicator × region × period, set-based.

For each indicator and period each input (a metric or a data element) is read ONCE for all regions (one or a
few grouped queries), added up the region tree in Python, and the formulas are evaluated per region; the rows
are then upserted in bulk. Numerator and denominator are each summed over a region's territory before they
are divided, so a county's ratio is sum/sum.
"""

import json
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from .. import reasons
from ..formulas import FormulaError, check, evaluate
from ..models import Indicator, IndicatorValue
from ..periods import Period, Window, parse_period, window_for
from ..rollup import roll_up, tree
from ..sources import sources
from .programmes import default_periods, territory_paths

CHUNK = 2000
FOUR = Decimal("0.0001")


def _window_of(source, window: Window) -> Window:
    return Window(None, window.end) if source.kind == "stock" else window


class Inputs:
    """Each source's figures per region for a window, read once per compute run."""

    def __init__(self, paths):
        self.paths = paths
        self.sources = sources()
        self._cache = {}

    def get(self, name: str, window: Window, options: dict):
        source = self.sources[name]
        window = _window_of(source, window)
        key = (name, window, json.dumps(options, sort_keys=True))
        if key not in self._cache:
            own = source.values(window.start, window.end, options)
            figures = roll_up(own, self.paths) if source.additive else dict(own)
            details = source.details(window.start, window.end, options) if hasattr(source, "details") else {}
            self._cache[key] = (figures, details, source.additive)
        return self._cache[key]


def names_of(indicator: Indicator) -> list[str]:
    """The numerator's names, then the denominator's others (the drill-down shows the numerator first)."""
    names = check(indicator.numerator)
    extra = check(indicator.denominator) - names if indicator.denominator else set()
    return sorted(names) + sorted(extra)


def evaluate_one(indicator: Indicator, values: dict) -> tuple:
    """(value, numerator, denominator, reason) from a region's inputs; never raises on a zero denominator."""
    missing = [name for name, value in values.items() if value is None]
    if missing:
        return None, None, None, f"{reasons.MISSING}:{','.join(missing)}"
    numerator = evaluate(indicator.numerator, values)
    if not indicator.denominator:
        return _round(numerator, indicator.decimals), numerator, None, ""
    denominator = evaluate(indicator.denominator, values)
    if denominator == 0:
        return None, numerator, denominator, reasons.ZERO
    return _round(numerator / denominator, indicator.decimals), numerator, denominator, ""


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _q(value):
    return None if value is None else value.quantize(FOUR, rounding=ROUND_HALF_UP)


def compute(codes=None, periods=None, progress=None) -> int:
    """Compute and store every value of the indicators (all, or those codes) for the periods (default: every
    month and year of the programme years up to today). Returns the number of values written."""
    indicators = list(Indicator.objects.filter(code__in=codes) if codes else Indicator.objects.all())
    periods = [p if isinstance(p, Period) else parse_period(p) for p in (periods or default_periods())]
    paths = tree()
    roots = territory_paths()
    regions = [pk for pk, path in paths.items() if any(path.startswith(root) for root in roots)]
    inputs = Inputs(paths)
    now = timezone.now()
    rows, total, done = [], 0, 0
    steps = len(indicators) * len(periods)
    for indicator in indicators:
        try:
            names = names_of(indicator)
        except FormulaError:
            names = None
        unknown = [n for n in names or [] if n not in inputs.sources]
        for period in periods:
            window = window_for(indicator.window, period, indicator.since)
            done += 1
            if window is None:
                continue
            if names is None or unknown:
                reason = f"{reasons.UNKNOWN}:{','.join(unknown)}" if unknown else reasons.INVALID
                figures = {}
            else:
                reason = ""
                figures = {name: inputs.get(name, window, indicator.options) for name in names}
            for region in regions:
                rows.append(_row(indicator, region, period, window, figures, reason, now))
            if len(rows) >= CHUNK:
                total += _store(rows)
                rows = []
            if progress:
                progress(done, steps, indicator.code)
    total += _store(rows)
    return total


def _row(indicator, region, period, window, figures, reason, now) -> IndicatorValue:
    values, details = {}, {}
    for name, (by_region, extra, additive) in figures.items():
        # No record in a region's territory is a count of 0; no own figure of a non-additive input is missing.
        values[name] = by_region.get(region, 0 if additive else None)
        details.update(extra.get(region, {}))
    value = numerator = denominator = None
    if not reason:
        value, numerator, denominator, reason = evaluate_one(indicator, values)
    inputs = {
        "window": [window.start.isoformat() if window.start else None, window.end.isoformat()],
        "values": {name: None if v is None else float(v) for name, v in values.items()},
        **details,
    }
    return IndicatorValue(
        indicator=indicator,
        region_id=region,
        period=period.key,
        period_end=period.end,
        value=value,
        numerator=_q(numerator),
        denominator=_q(denominator),
        inputs=inputs,
        reason=reason,
        computed_at=now,
    )


def _store(rows) -> int:
    if not rows:
        return 0
    with transaction.atomic():
        IndicatorValue.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["indicator", "region", "period"],
            update_fields=["period_end", "value", "numerator", "denominator", "inputs", "reason", "computed_at"],
        )
    return len(rows)
