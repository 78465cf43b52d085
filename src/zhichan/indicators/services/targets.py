"""Where each target of a programme stands, in whatever form the plan gives it:

- a figure for the target's region (T1: 每万人口发明专利拥有量达到14.3件), read as on the indicator list;
- a target about named sub-regions (培育建设晋江、德化和南安等一批强县): each sub-region is held to the target on
  the indicator's value for it, with its own status; the target is met when every named sub-region meets it,
  and its light compares the number met with the straight path to all of them at the deadline (no light while
  none of them has a value);
- a rank in a peer group (保持全国同类城市前列): a reported figure, lower is better, compared with its target as a
  rate is (no path), shown with the peer group and the source its reporter gave;
- a part of another target (其中…) is read like any other; the pages show it under its parent.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..models import DataElement, IndicatorValue
from ..periods import month
from ..sources import latest_values
from .board_rows import MONTH_KEY, Row, as_of_for, status_of
from .compute import names_of
from .readings import current, readings_of
from .status import TargetStatus, meets, target_status


@dataclass
class Part:
    """One named sub-region of a target: its value at the target's month and its own status."""

    region: object
    value: IndicatorValue | None
    status: TargetStatus
    met: bool


@dataclass
class Rank:
    """A rank target's figure as reported: the rank, the peer group, the reporter's source and period."""

    value: Decimal | None
    peer_group: str
    source: str
    period: str


def programme_targets(programme, day: date) -> dict:
    """{target id: Row} for every target of the programme whose indicator is loaded, as it stood on `day` (a few
    queries, whatever the number of targets and sub-regions)."""
    targets = list(programme.targets.select_related("programme", "region").prefetch_related("subregions"))
    readings = {r.indicator.code: r for r in readings_of(programme.key)}
    indicators = {code: r.indicator for code, r in readings.items() if code in {t.indicator for t in targets}}
    targets = [t for t in targets if t.indicator in indicators]
    if not targets:
        return {}
    until = max(as_of_for(t, day) for t in targets)
    regions = {t.region_id for t in targets} | {r.pk for t in targets for r in t.subregions.all()}
    series = _series([readings[code] for code in indicators], regions, until)
    rows = {}
    for target in targets:
        indicator = indicators[target.indicator]
        at = as_of_for(target, day)
        own = series.get((indicator.pk, target.region_id), [])
        value, status, fc, upto = _read(target, own, at)
        row = Row(indicator, target, value, status, fc, at, readings[target.indicator], own)
        subregions = sorted(target.subregions.all(), key=lambda region: (region.code or "", region.path))
        if subregions:
            row.parts = [_part(target, region, series.get((indicator.pk, region.pk), []), at) for region in subregions]
            row.value, row.forecast = None, None
            # No named sub-region has a value yet: nothing can be said, not "lagging".
            valued = any(part.value is not None and part.value.value is not None for part in row.parts)
            row.status = target_status(
                row.parts_met if valued else None,
                len(row.parts),
                baseline=0,
                start=_start(target),
                deadline=target.deadline,
                day=at,
            )
        if target.kind == "rank":
            row.rank = _rank(target, indicator, value, at)
        rows[target.pk] = row
    return rows


def _series(readings, regions, until: date) -> dict:
    """(indicator id, region id) → monthly value rows under the programme's readings up to a day, oldest first (one
    query)."""
    found = (
        current(IndicatorValue.objects.filter(reading__in=readings, region__in=regions, period_end__lte=until))
        .filter(period__regex=MONTH_KEY)
        .select_related("region")
        .order_by("indicator", "region", "period_end")
        .defer("inputs")
    )
    series = {}
    for row in found:
        series.setdefault((row.indicator_id, row.region_id), []).append(row)
    return series


def _read(target, own: list, at: date):
    key = month(at.year, at.month).key
    value = next((r for r in own if r.period == key), None)
    upto = [r for r in own if r.period_end <= at]
    status, fc = status_of(target, value, upto, at)
    return value, status, fc, upto


def _part(target, region, own: list, at: date) -> Part:
    value, status, _fc, _upto = _read(target, own, at)
    met = value is not None and value.value is not None and meets(value.value, target.value, target.comparator)
    return Part(region, value, status, met)


def _start(target) -> date:
    return date(target.deadline.year, 1, 1) if target.kind == "flow" else target.programme.start


def _rank(target, indicator, value, at: date) -> Rank:
    """The rank with the source of the reported figure it comes from (the approved value's comment)."""
    names = set(names_of(indicator))
    source, period = "", value.period if value else ""
    for element in DataElement.objects.filter(aggregation="latest"):
        if element.variable in names:
            reported = latest_values(element, at, [target.region_id]).first()
            if reported is not None:
                source, period = reported.comment.strip(), reported.period
                break
    return Rank(value.value if value else None, target.peer_group, source, period)
