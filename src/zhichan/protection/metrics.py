"""Figures computed from enforcement cases, for the indicators app (which finds this module itself).

T8, the on-time closure rate of administrative enforcement cases (各类知识产权行政执法案件按期结案率): of the cases
closed (结案) within the period, the share whose decision clock stopped on or before its due date — the due date
of the case's own rule (its kind's), with its approved extensions and the periods that do not count, as the clock
stood on the day it stopped. No national formula was found; this reading is the one docs/protection.md gives. A
case counts in its township, or in its unit's region when it has none; a region's rate covers the cases of its
whole territory. Cases not filed, transferred or withdrawn are not closed and do not count.

The office chooses, in its programme's reading, whether cases still open at the period's end and already past
their decision due date count as not on time (option `open_overdue: late`; `ignored`, the default, leaves them
out), and may read one enforcing unit's cases alone (option `unit`: the unit's key).

Each figure is counted in one grouped query from what every case keeps of its clocks (services/clock_fields.py),
grouped by township and unit (no join), and the closings of every month at once for the monthly series
(`monthly`, `OnTimeRate.by_month`).
"""

from collections import defaultdict
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Q
from django.db.models.functions import Substr, TruncMonth
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric
from zhichan.core.models import Clock, ExcludedPeriod, Extension, Region
from zhichan.core.monthly import month_end, month_number, month_start

from .figures import of_unit, placed, regions_of, unit_keys, within
from .models import Case, State

LATE, IGNORED = "late", "ignored"


def _yes_no(value) -> str:
    return "" if value is None else _("yes") if value else _("no")


def _due(case):
    return case.decision_due or (case.clock_due if case.state in (State.FILED, State.INVESTIGATION) else None) or ""


def _on_time(case):
    if case.state != State.CLOSED:
        return _("no (still open, past its due date)")
    return _yes_no(case.decision_on_time)


COLUMNS = (
    Column("number", _("case number"), width=22),
    Column("title", _("case name"), width=30),
    Column("unit", _("enforcing unit")),
    Column("kind", _("case kind")),
    Column("township", _("township")),
    Column("filed_on", _("filed on")),
    Column("decided_on", _("decided on")),
    Column("ended_on", _("closed on")),
    Column("due", _("decision due"), _due),
    Column("on_time", _("decided on time"), _on_time),
)


def closed_within(start, end):
    """Q of the cases closed (结案) within the window."""
    found = Q(state=State.CLOSED, ended_on__lte=end)
    return found & Q(ended_on__gte=start) if start else found


def open_overdue_at(end):
    """Q of the cases filed by the day and still open then (not decided, transferred or withdrawn by it), whose
    decision clock was due before it: the due date it has kept since it stopped, or keeps while it runs. A paused
    clock, whose due date moves on with every day, is not overdue."""
    return (
        Q(filed_on__lte=end)
        & (Q(decided_on__isnull=True) | Q(decided_on__gt=end))
        & (Q(ended_on__isnull=True) | Q(ended_on__gt=end))
        & (Q(decision_due__lt=end) | Q(decision_due__isnull=True, clock_due__lt=end))
    )


def counted(start, end, options=None):
    """The cases T8 reads for the window: closed within it, and with `open_overdue: late` those open and overdue at
    its end; of the unit the options name."""
    wanted = closed_within(start, end)
    if (options or {}).get("open_overdue") == LATE:
        wanted |= open_overdue_at(end)
    return of_unit(Case.objects.filter(wanted), options)


def _month(field: str):
    """A date's month as the database groups it: its first seven characters on SQLite (where TruncMonth would call a
    Python function for every row), the database's own truncation elsewhere."""
    return Substr(field, 1, 7) if connection.vendor == "sqlite" else TruncMonth(field)


def _month_number(value) -> int:
    if isinstance(value, str):
        return int(value[:4]) * 12 + int(value[5:7]) - 1
    return month_number(value)


def _pairs(found, *by) -> list[tuple]:
    """(region id, *by, cases, on time) of the cases grouped by their place and `by` (one grouped query; the
    covering index `case_closings` serves the closed cases)."""
    timely = Count("pk", filter=Q(state=State.CLOSED, decision_on_time=True))
    rows = found.order_by().values_list("township_id", "unit_id", *by).annotate(all=Count("pk"), timely=timely)
    return regions_of(rows)


def counts(start, end, options=None) -> dict[int, list[int]]:
    """{region id: [cases counted, closed on time]} of the cases placed exactly there (one grouped query)."""
    totals = defaultdict(lambda: [0, 0])
    for region, number, timely in _pairs(counted(start, end, options)):
        totals[region][0] += number
        totals[region][1] += timely
    return dict(totals)


def by_month(first: int, last: int, options=None) -> dict[int, list[list[int]]]:
    """{region id: [[closed, on time] in each month first … last]} of the cases placed exactly there, the months
    before `first` added to the first (one grouped query)."""
    found = of_unit(Case.objects.filter(closed_within(None, month_end(last))), options).annotate(
        month=_month("ended_on")
    )
    series = {}
    for region, month, number, timely in _pairs(found, "month"):
        pairs = series.setdefault(region, [[0, 0] for _month in range(last - first + 1)])
        pair = pairs[max(_month_number(month) - first, 0)]
        pair[0] += number
        pair[1] += timely
    return series


def rates(totals: dict) -> dict:
    """{key: [counted, on time]} → {key: rate in %, two decimals} where something was counted."""
    return {
        key: float((Decimal(timely * 100) / number).quantize(Decimal("0.01")))
        for key, (number, timely) in totals.items()
        if number
    }


def roll_up_pairs(own: dict, paths: dict | None = None) -> dict[int, list[int]]:
    """{region id: [a, b] of its own} → {region id: [a, b] over its whole territory}."""
    paths = paths or dict(Region.objects.values_list("pk", "path"))
    by_path = {path: pk for pk, path in paths.items()}
    totals = defaultdict(lambda: [0, 0])
    for region, pair in own.items():
        path = paths.get(region, "")
        for length in range(Region.steplen, len(path) + 1, Region.steplen):
            ancestor = by_path.get(path[:length])
            if ancestor is not None:
                totals[ancestor][0] += pair[0]
                totals[ancestor][1] += pair[1]
    return dict(totals)


class CaseMetric(Metric):
    kind = "flow"
    columns = COLUMNS
    detail_url = "case-detail"
    watches = (Case, Clock, Extension, ExcludedPeriod)
    option_values = {"open_overdue": (IGNORED, LATE), "unit": unit_keys}

    def records(self, start, end, region_ids, options=None):
        found = within(placed(counted(start, end, options)), region_ids)
        return found.select_related("unit", "kind", "township").order_by("ended_on", "filed_on", "pk")


class ClosedCases(CaseMetric):
    """The cases closed in the period (with `open_overdue: late`, and those open and overdue at its end)."""

    code = "protection_cases_closed"
    label = _("administrative enforcement cases closed")
    unit = "件"
    index = 0

    def values(self, start, end, options=None) -> dict[int, int]:
        return {region: pair[self.index] for region, pair in counts(start, end, options).items()}

    def monthly(self, first, last, options=None):
        """Every region's own count at each month end from the beginning (the closings of every month in one
        grouped query); None with `open_overdue: late`, whose open cases count at a window's end and not by a date
        of their own."""
        if (options or {}).get("open_overdue") == LATE:
            return None
        series = {}
        for region, pairs in by_month(first, last, options).items():
            running, values = 0, []
            for pair in pairs:
                running += pair[self.index]
                values.append(running)
            series[region] = values
        return series

    def records(self, start, end, region_ids, options=None):
        found = super().records(start, end, region_ids, options)
        return found.filter(state=State.CLOSED, decision_on_time=True) if self.index else found


class ClosedOnTime(ClosedCases):
    code = "protection_cases_closed_on_time"
    label = _("administrative enforcement cases closed on time")
    index = 1


class OnTimeRate(CaseMetric):
    """T8: a percentage for every region with a case counted in its territory (none: no figure)."""

    code = "protection_on_time_rate"
    label = _("on-time closure rate of administrative enforcement cases")
    unit = "%"
    additive = False

    def values(self, start, end, options=None) -> dict[int, float]:
        return rates(roll_up_pairs(counts(start, end, options)))

    def by_month(self, first, last, options=None) -> dict[int, dict[int, float]]:
        """{month number: {region id: the rate of the cases closed in that month}} for the months first … last, in
        one grouped query; a query per month with `open_overdue: late`."""
        if (options or {}).get("open_overdue") == LATE:
            return {n: self.values(month_start(n), month_end(n), options) for n in range(first, last + 1)}
        series, paths = by_month(first, last, options), dict(Region.objects.values_list("pk", "path"))
        return {
            n: rates(roll_up_pairs({region: pairs[n - first] for region, pairs in series.items()}, paths))
            for n in range(first, last + 1)
        }

    def by_unit(self, start, end, options=None) -> dict[int, float]:
        """{enforcing unit id: its rate} over the cases of every unit (one grouped query); a unit's cases are those
        `records` gives with the option `unit` set to its key."""
        timely = Count("pk", filter=Q(state=State.CLOSED, decision_on_time=True))
        found = counted(start, end, {**(options or {}), "unit": None}).order_by()
        rows = found.values_list("unit_id").annotate(all=Count("pk"), timely=timely)
        return rates({unit: [number, on_time] for unit, number, on_time in rows})


METRICS = [ClosedCases(), ClosedOnTime(), OnTimeRate()]

# T7's counts are of the mediation and rights-assistance records (assistance_metrics.py).
from .assistance_metrics import METRICS as ASSISTANCE_METRICS  # noqa: E402

METRICS += ASSISTANCE_METRICS

# Cases filed (by IP type, by township), fines and punitive damages (case_metrics.py).
from .case_metrics import METRICS as CASE_METRICS  # noqa: E402

METRICS += CASE_METRICS

# Cases transferred to criminal justice, and those on which a criminal case was opened (transfer_metrics.py).
from .transfer_metrics import METRICS as TRANSFER_METRICS  # noqa: E402

METRICS += TRANSFER_METRICS
