"""Materializing indicator values for every indicator × region × period, set-based.

For each indicator and period each input (a metric or a data element) is read ONCE for all regions (one or a
few grouped queries), added up the region tree in Python, and the formulas are evaluated per region; the rows
are then upserted in bulk. Numerator and denominator are each summed over a region's territory before they
are divided, so a county's ratio is sum/sum.
"""

import json
from concurrent.futures import Future
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection, transaction
from django.utils import timezone

from zhichan.core import parallel, runs
from zhichan.core.monthly import is_month_end, month_number

from .. import reasons
from ..formulas import FormulaError, check, evaluate
from ..models import Indicator, IndicatorValue, Reading
from ..periods import Period, Window, parse_period, window_for
from ..rollup import roll_up, tree
from ..sources import sources
from .programmes import county_paths, default_periods, programme_roots

CHUNK = 2500
FOUR = Decimal("0.0001")


def _window_of(source, window: Window) -> Window:
    return Window(None, window.end) if source.kind == "stock" else window


class Inputs:
    """Each source's figures per region for a window, read once per compute run.

    A source that can give its figure at every month end of a range at once (`monthly`) is read once for the
    whole range, and each month-aligned window is answered from that series: a stock by its value at the
    window's end, a flow by the difference of its running count at the window's end and before its start.
    """

    def __init__(self, paths, months: tuple[int, int] | None = None):
        self.paths = paths
        self.months = months  # (first, last) month numbers the series cover
        self.sources = sources()
        self._cache = {}
        self._series = {}

    def get(self, name: str, window: Window, options: dict):
        source = self.sources[name]
        window = _window_of(source, window)
        key = (name, window, json.dumps(options, sort_keys=True))
        if key not in self._cache:
            own = self._from_series(name, source, window, options)
            if own is None:
                own = source.values(window.start, window.end, options)
            figures = roll_up(own, self.paths) if source.additive else dict(own)
            details = source.details(window.start, window.end, options)
            self._cache[key] = (figures, details, source.additive)
        return self._cache[key]

    def start_series(self, wanted, pool):
        """Start reading the monthly series of several (name, options) in `pool` (`core.parallel.threads`), and go
        on: much of a series' time is spent waiting for the database, which then overlaps the others' work and the
        computing of values that need no series. `get` waits for a series when it needs it."""
        if self.months is None:
            return
        for name, options in wanted:
            source, key = self.sources.get(name), (name, json.dumps(options, sort_keys=True))
            if _has_series(source) and key not in self._series:
                self._series[key] = pool.submit(source.monthly, *self.months, options)

    def reads_series(self, names) -> bool:
        return any(_has_series(self.sources.get(name)) for name in names)

    def _from_series(self, name, source, window: Window, options: dict):
        if self.months is None or not _has_series(source) or not is_month_end(window.end):
            return None
        first, last = self.months
        end = month_number(window.end)
        before = None if window.start is None else month_number(window.start) - 1
        if not first <= end <= last or (before is not None and (window.start.day != 1 or before < first)):
            return None
        key = (name, json.dumps(options, sort_keys=True))
        if key not in self._series:
            self._series[key] = source.monthly(first, last, options)
        series = self._series[key]
        if isinstance(series, Future):
            series = self._series[key] = series.result()
        if series is None:
            return None
        if before is None:
            return {region: values[end - first] for region, values in series.items()}
        return {region: values[end - first] - values[before - first] for region, values in series.items()}


def _has_series(source) -> bool:
    return source is not None and source.monthly is not None


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


def compute(codes=None, periods=None, progress=None, programme: str | None = None) -> int:
    """Compute and store every value of the readings (all, those of the indicator codes, those of one programme
    key) for the periods (default: every month and year of the programme years up to today). Returns the number of
    values written.

    Each reading is computed over its programme's territory, under its current revision. A value of those readings
    and periods that this run did not write (a period now before the counting start, a region out of the
    territory, a value of an earlier revision) is removed: no value outlives the reading it was computed under.

    Where `core.parallel` may use threads, up to 8 read the monthly series side by side, and 2 store the chunks
    of rows (no two hold the same value) while the next is computed."""
    readings = Reading.objects.select_related("indicator")
    if codes:
        readings = readings.filter(indicator__code__in=codes)
    if programme:
        readings = readings.filter(programme=programme)
    readings = list(readings)
    periods = [p if isinstance(p, Period) else parse_period(p) for p in (periods or default_periods())]
    stamp = timezone.now()
    with (
        runs.run(),  # figures reading the same records read them once
        parallel.threads(8, "series") as readers,
        parallel.in_background(_store, 2, "store") as store,
    ):
        total = _compute(readings, periods, progress, readers, store, stamp)
    IndicatorValue.objects.filter(
        reading__in=readings, period__in=[p.key for p in periods], computed_at__lt=stamp
    ).delete()
    return total


def _territories(readings, paths) -> dict:
    """programme key → the region ids whose values its readings get: the subtree of the programme's region, or
    (a programme not loaded yet) every county's, as before any programme is loaded."""
    roots = programme_roots()
    fallback = county_paths()
    result = {}
    for key in {reading.programme for reading in readings}:
        wanted = [roots[key]] if key in roots else fallback
        result[key] = [pk for pk, path in paths.items() if any(path.startswith(root) for root in wanted)]
    return result


def _compute(readings, periods, progress, readers, store, stamp) -> int:
    paths = tree()
    territories = _territories(readings, paths)
    months = None
    if periods:
        months = (min(month_number(p.start) for p in periods) - 1, max(month_number(p.end) for p in periods))
    inputs = Inputs(paths, months)
    names = {}
    for reading in readings:
        try:
            names[reading.pk] = names_of(reading.indicator)
        except FormulaError:
            names[reading.pk] = None
    if readers:
        wanted = [(name, reading.options) for reading in readings for name in names[reading.pk] or []]
        inputs.start_series(wanted, readers)
        # Those needing no series first: they are computed and stored while the series are read.
        readings.sort(key=lambda reading: inputs.reads_series(names[reading.pk] or []))
    now = connection.ops.adapt_datetimefield_value(stamp)
    rows, total, done = [], 0, 0
    steps = len(readings) * len(periods)
    for reading in readings:
        indicator = reading.indicator
        read = names[reading.pk]
        unknown = [n for n in read or [] if n not in inputs.sources]
        regions = territories[reading.programme]
        for period in periods:
            window = window_for(reading.window, period, reading.since)
            done += 1
            if window is None:
                continue
            if read is None or unknown:
                reason = f"{reasons.UNKNOWN}:{','.join(unknown)}" if unknown else reasons.INVALID
                figures = {}
            else:
                reason = ""
                figures = {name: inputs.get(name, window, reading.options) for name in read}
            span = [window.start.isoformat() if window.start else None, window.end.isoformat()]
            period_end = connection.ops.adapt_datefield_value(period.end)
            for region in regions:
                rows.append(_row(reading, region, (period.key, period_end), span, figures, reason, now))
            if len(rows) >= CHUNK:
                store(rows)
                total, rows = total + len(rows), []
            if progress:
                progress(done, steps, indicator.code)
    store(rows)
    return total + len(rows)


COLUMNS = (
    "reading_id",
    "region_id",
    "period",
    "indicator_id",
    "period_end",
    "value",
    "numerator",
    "denominator",
    "inputs",
    "reason",
    "computed_at",
    "revision",
)


INPUTS_ENCODER = IndicatorValue._meta.get_field("inputs").encoder


def _row(reading, region, period: tuple, span: list, figures, reason, now) -> tuple:
    """One value's column values, in COLUMNS order and ready for the database; `period` is its key and its end
    as the database takes it, `span` the window's first and last days as text."""
    indicator = reading.indicator
    values, details = {}, {}
    for name, (by_region, extra, additive) in figures.items():
        # No record in a region's territory is a count of 0; no own figure of a non-additive input is missing.
        values[name] = by_region.get(region, 0 if additive else None)
        details.update(extra.get(region, {}))
    value = numerator = denominator = None
    if not reason:
        value, numerator, denominator, reason = evaluate_one(indicator, values)
    inputs = {
        "window": span,
        "reading": reading.basis(),  # what the value was computed under, shown with it
        "values": {name: None if v is None else float(v) for name, v in values.items()},
        **details,
    }
    ops = connection.ops
    key, end = period
    return (
        reading.pk,
        region,
        key,
        indicator.pk,
        end,
        ops.adapt_decimalfield_value(value),
        ops.adapt_decimalfield_value(_q(numerator)),
        ops.adapt_decimalfield_value(_q(denominator)),
        ops.adapt_json_value(inputs, INPUTS_ENCODER),
        reason,
        now,
        reading.revision,
    )


def _store(rows) -> int:
    """Upsert the rows. The ORM's bulk_create spends more time preparing each field of each row than the database
    spends writing them, so the rows go as they are: on PostgreSQL copied into a temporary table and upserted
    from it in one statement, on SQLite (in-process, no round trips) one prepared statement per row."""
    if not rows:
        return 0
    quote = connection.ops.quote_name
    table = quote(IndicatorValue._meta.db_table)
    columns = ", ".join(quote(column) for column in COLUMNS)
    conflict = f"ON CONFLICT ({', '.join(quote(c) for c in COLUMNS[:3])}) DO UPDATE SET " + ", ".join(
        f"{quote(c)} = excluded.{quote(c)}" for c in COLUMNS[3:]
    )
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The columns' types without their constraints (the id is the table's own).
            cursor.execute(
                f"CREATE TEMPORARY TABLE incoming_values ON COMMIT DROP AS SELECT {columns} FROM {table} LIMIT 0"
            )
            with cursor.cursor.copy(f"COPY incoming_values ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming_values {conflict}")
            cursor.execute("DROP TABLE incoming_values")  # inside an outer transaction, commit comes later
        else:
            marks = ", ".join(["%s"] * len(COLUMNS))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks}) {conflict}", rows)
    return len(rows)
