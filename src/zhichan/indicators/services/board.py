"""The rows of the indicator list: each indicator's value for a region, its target, status and forecast."""

from datetime import date

from django.utils import timezone

from zhichan.programme.models import Target

from ..models import IndicatorValue
from ..periods import month
from .board_rows import MONTH_KEY, Row, as_of_for, status_of
from .programmes import first_programme, targets_by_indicator
from .readings import current, reading_key, readings_of
from .targets import programme_targets


def monthly_series(readings, region, until: date) -> dict[int, list]:
    """indicator id → [(month end, value row)] up to a day, for one region, under the readings (one query)."""
    rows = (
        current(IndicatorValue.objects.filter(reading__in=readings, region=region, period_end__lte=until))
        .filter(period__regex=MONTH_KEY)
        .order_by("indicator", "period_end")
        .defer("inputs")  # the drill-down reads them; a series of hundreds of rows need not decode them
    )
    series = {}
    for row in rows:
        series.setdefault(row.indicator_id, []).append(row)
    return series


def rows_for(region, today: date | None = None, programme=None) -> list[Row]:
    """A row per indicator the programme reads (default: the first programme), with its values under the
    programme's reading and the programme's target."""
    today = today or timezone.localdate()
    programme = programme or first_programme()
    readings = readings_of(reading_key(programme))
    targets = targets_by_indicator(programme)
    latest = max([as_of_for(t[0], today) for t in targets.values()] or [today])
    series = monthly_series(readings, region, latest)
    result = []
    for reading in readings:
        indicator = reading.indicator
        target = next((t for t in targets.get(indicator.code, []) if t.region_id == region.pk), None)
        shown = targets.get(indicator.code, [None])[0] if target is None else target
        own = series.get(indicator.pk, [])
        # An indicator without any target is read at its latest computed month: the values stop at the last
        # programme year, and today may lie beyond it.
        day = own[-1].period_end if shown is None and own else as_of_for(shown, today)
        key = month(day.year, day.month).key
        value = next((r for r in own if r.period == key), None)
        status = fc = None
        if target is not None:
            status, fc = status_of(target, value, [r for r in own if r.period_end <= day], day)
        result.append(Row(indicator, shown, value, status, fc, day, reading, own))
    _add_target_values(result, region)
    _add_subregions(result, region, programme, today)
    return result


def _add_subregions(rows: list[Row], region, programme, today: date) -> None:
    """A row whose target (the region's own) names sub-regions is read on theirs, not on the region's own value:
    each named sub-region's value and status, and the target's status from the number met (one query when the
    programme has no such target)."""
    own = {row.target.pk: row for row in rows if row.target is not None and row.target.region_id == region.pk}
    if not own:
        return
    named = set(Target.subregions.through.objects.filter(target__in=list(own)).values_list("target_id", flat=True))
    if not named:
        return
    for pk, found in programme_targets(programme, today).items():
        if pk in named:
            row = own[pk]
            row.parts, row.status, row.value, row.forecast = found.parts, found.status, None, None


def _add_target_values(rows: list[Row], region) -> None:
    """Each row whose target belongs to another region gets that region's value at the row's month (one query)."""
    wanted = [row for row in rows if row.target is not None and row.target.region_id != region.pk]
    if not wanted:
        return
    keys = {month(row.as_of.year, row.as_of.month).key for row in wanted}
    found = current(
        IndicatorValue.objects.filter(
            reading__in=[row.reading for row in wanted],
            region__in={row.target.region_id for row in wanted},
            period__in=keys,
        )
    ).defer("inputs")
    by_key = {(v.indicator_id, v.region_id, v.period): v for v in found}
    for row in wanted:
        row.target_value = by_key.get(
            (row.indicator.pk, row.target.region_id, month(row.as_of.year, row.as_of.month).key)
        )
