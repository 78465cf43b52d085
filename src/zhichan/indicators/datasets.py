"""What the indicators publish as open data (core/datasets.py): the programme's indicators the office published on
the public portal (`services/readings.py` `publish_reading`), each with its definition in words — the formula by the
names of what it reads, what counts and what does not, the source, the counting window — and its latest monthly
value for the programme's region, computed under the programme's present reading (a stale value is never read)."""

from decimal import Decimal

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.datasets import Declared, changes, field_columns, label_of, latest, published_by
from zhichan.programme.models import Programme

from .events import READING_CHANGED, READING_PUBLISHED, READING_WITHDRAWN
from .models import Indicator, IndicatorValue, Reading
from .services.board_rows import MONTH_KEY
from .services.readings import current
from .services.wording import formula_of, labels


def _window(reading) -> str:
    text = str(reading.get_window_display())
    return f"{text} · {_('counted since')} {reading.since:%Y-%m-%d}" if reading.since else text


def _rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals))


_published = published_by(Reading)
_publication_changes = changes(
    _published, "published_on", events=(Reading, READING_PUBLISHED, READING_WITHDRAWN, READING_CHANGED)
)


def _rows(day):
    readings = list(_published(day).select_related("indicator").order_by("programme", "indicator__order"))
    if not readings:
        return []
    programmes = {
        p.key: p for p in Programme.objects.select_related("region").filter(key__in={r.programme for r in readings})
    }
    latest_values = {}
    found = (
        current(IndicatorValue.objects.filter(reading__in=readings, period_end__lte=day))
        .filter(period__regex=MONTH_KEY)
        .only("reading_id", "region_id", "period", "period_end", "value")
        .order_by("reading", "-period_end")
    )
    homes = {r.pk: programmes[r.programme].region_id for r in readings if r.programme in programmes}
    for value in found:
        if value.region_id == homes.get(value.reading_id) and value.reading_id not in latest_values:
            latest_values[value.reading_id] = value
    names = labels()
    rows = []
    for reading in readings:
        indicator, programme = reading.indicator, programmes.get(reading.programme)
        value = latest_values.get(reading.pk)
        rows.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "programme": programme.name if programme else reading.programme,
                "unit": indicator.unit_of_measure,
                "formula": formula_of(indicator, names),
                "definition": indicator.definition,
                "excludes": indicator.excludes,
                "source": indicator.source,
                "window": _window(reading),
                "region": programme.region.name if programme else "",
                "period": value.period if value else "",
                "period_end": value.period_end if value else None,
                "value": _rounded(value.value, indicator.decimals) if value and value.value is not None else None,
            }
        )
    return rows


def _modified(day):
    """The latest publication, withdrawal or change of a reading, or computation of a value read."""
    values = current(IndicatorValue.objects.filter(reading__in=_published(day), period_end__lte=day))
    return latest(_publication_changes(day), values.aggregate(last=Max("computed_at"))["last"])


DATASETS = [
    Declared(
        key="indicators",
        title=_("Programme indicators"),
        description=_(
            "The programme's indicators with their definitions — the formula in words, what counts and what does "
            "not, the source and the counting window — and the latest monthly value for the programme's region."
        ),
        rule=_("Only the indicators the programme's office published on the public portal, from the day it did."),
        frequency="monthly",
        period_column="period_end",
        columns=(
            *field_columns(Indicator, "code name"),
            Column("programme", _("programme")),
            Column("unit", label_of(Indicator, "unit_of_measure")),
            Column("formula", _("formula")),
            *field_columns(Indicator, "definition excludes source"),
            *field_columns(Reading, "window"),
            Column("region", _("region")),
            *field_columns(IndicatorValue, "period period_end value"),
        ),
        rows=_rows,
        modified=_modified,
    ),
]
