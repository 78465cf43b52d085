"""The programme's headline figures on the portal's home: the indicators the office published on the portal (a
reading with its `published_on` on or before the day), in the indicators' own order, each with its latest monthly
value for the programme's region, its target when the programme sets one, and the day the value is as of.

The same rules as the published indicators' open data (indicators/datasets.py), so the home and the dataset page
it links to, where each figure's definition is read, never disagree: no unpublished indicator, no stale value
(computed under an earlier revision of its reading), nothing after the day."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from zhichan.indicators.models import IndicatorValue, Reading
from zhichan.indicators.services.board_rows import MONTH_KEY
from zhichan.indicators.services.readings import current
from zhichan.programme.models import Target

SHOWN = 6
DATASET = "indicators"  # the published indicators' dataset, where each figure's definition is read


@dataclass
class Figure:
    code: str
    name: str
    unit: str
    value: str | None  # as written on the page (rounded to the indicator's decimals, thousands separated)
    as_of: datetime.date | None
    target: Target | None


def written(value: Decimal, decimals: int) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-decimals)):,f}"


def _target(targets: list, region_id) -> Target | None:
    """The programme's target on the indicator: its own region's, a whole target rather than a part of one."""
    if not targets:
        return None
    return min(targets, key=lambda t: (t.region_id != region_id, t.parent_id is not None, t.order))


def headline_figures(programme, day: datetime.date | None = None, limit: int = SHOWN) -> list[Figure]:
    if programme is None:
        return []
    day = day or timezone.localdate()
    readings = list(
        Reading.objects.filter(programme=programme.key, published_on__isnull=False, published_on__lte=day)
        .select_related("indicator")
        .order_by("indicator__order", "indicator__code")[:limit]
    )
    if not readings:
        return []
    latest: dict = {}
    values = (
        current(IndicatorValue.objects.filter(reading__in=readings, region=programme.region_id, period_end__lte=day))
        .filter(period__regex=MONTH_KEY, value__isnull=False)
        .only("reading_id", "period_end", "value")
        .order_by("reading", "-period_end")
    )
    for value in values:
        latest.setdefault(value.reading_id, value)
    targets: dict = {}
    codes = [reading.indicator.code for reading in readings]
    for target in Target.objects.filter(programme=programme, indicator__in=codes):
        targets.setdefault(target.indicator, []).append(target)
    figures = []
    for reading in readings:
        indicator, value = reading.indicator, latest.get(reading.pk)
        figures.append(
            Figure(
                code=indicator.code,
                name=indicator.name,
                unit=indicator.unit_of_measure,
                value=written(value.value, indicator.decimals) if value else None,
                as_of=value.period_end if value else None,
                target=_target(targets.get(indicator.code, []), programme.region_id),
            )
        )
    return figures
