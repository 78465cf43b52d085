"""Figures computed from enforcement cases, for the indicators app (which finds this module itself).

T8, the on-time closure rate of administrative enforcement cases (各类知识产权行政执法案件按期结案率): of the cases
closed (结案) within the period, the share whose decision clock stopped on or before its due date — the due date
of the case's own rule (its kind's), with its approved extensions and the periods that do not count. No national
formula was found; this reading is the one docs/protection.md gives. A case counts in its township, or in its
unit's region when it has none; a region's rate covers the cases of its whole territory. Cases not filed,
transferred or withdrawn are not closed and do not count.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric
from zhichan.core.models import Clock, ExcludedPeriod, Extension, Region

from .models import Case, State
from .services.clock_lists import met_on_time, on_time
from .services.clocks import decision_reading


def _due(case):
    reading = decision_reading(case)
    return reading.due if reading else ""


def _on_time(case):
    return _("yes") if on_time(decision_reading(case)) else _("no")


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


def _closed(start, end):
    found = Case.objects.filter(state=State.CLOSED, ended_on__lte=end)
    if start:
        found = found.filter(ended_on__gte=start)
    return found.annotate(place=Coalesce(F("township__path"), F("unit__region__path")))


class CaseMetric(Metric):
    kind = "flow"
    columns = COLUMNS
    detail_url = "case-detail"
    watches = (Case, Clock, Extension, ExcludedPeriod)

    def _counts(self, start, end) -> dict[str, list[int]]:
        """{region path: [closed, on time]} of the cases placed exactly there."""
        closed = _closed(start, end)
        rows = list(closed.values_list("pk", "place", "kind__decision_rule"))
        met = met_on_time({pk: rule for pk, _place, rule in rows}, end, among=closed.values("pk"))
        counts = defaultdict(lambda: [0, 0])
        for pk, place, _rule in rows:
            counts[place][0] += 1
            counts[place][1] += pk in met
        return counts

    def records(self, start, end, region_ids, options=None):
        paths = list(Region.objects.filter(pk__in=list(region_ids)).values_list("path", flat=True))
        within = Q(pk__in=[])
        for path in paths:
            within |= Q(place__startswith=path)
        return _closed(start, end).filter(within).select_related("unit", "kind", "township").order_by("ended_on", "pk")


class ClosedCases(CaseMetric):
    code = "protection_cases_closed"
    label = _("administrative enforcement cases closed")
    unit = "件"
    index = 0

    def values(self, start, end, options=None) -> dict[int, int]:
        by_path = dict(Region.objects.values_list("path", "pk"))
        return {by_path[path]: pair[self.index] for path, pair in self._counts(start, end).items() if path in by_path}

    def records(self, start, end, region_ids, options=None):
        found = super().records(start, end, region_ids, options)
        if self.index == 0:
            return found
        ids = [case.pk for case in found.select_related("kind") if on_time(decision_reading(case, end))]
        return found.filter(pk__in=ids)


class ClosedOnTime(ClosedCases):
    code = "protection_cases_closed_on_time"
    label = _("administrative enforcement cases closed on time")
    index = 1


class OnTimeRate(CaseMetric):
    """T8: a percentage for every region with a closed case in its territory (none: no figure)."""

    code = "protection_on_time_rate"
    label = _("on-time closure rate of administrative enforcement cases")
    unit = "%"
    additive = False

    def values(self, start, end, options=None) -> dict[int, float]:
        totals = defaultdict(lambda: [0, 0])
        regions = dict(Region.objects.values_list("path", "pk"))
        for place, (closed, timely) in self._counts(start, end).items():
            for length in range(Region.steplen, len(place) + 1, Region.steplen):
                if place[:length] in regions:
                    totals[regions[place[:length]]][0] += closed
                    totals[regions[place[:length]]][1] += timely
        return {
            region: float((Decimal(timely * 100) / closed).quantize(Decimal("0.01")))
            for region, (closed, timely) in totals.items()
        }


METRICS = [ClosedCases(), ClosedOnTime(), OnTimeRate()]

# T7's counts are of the mediation and rights-assistance records (assistance_metrics.py).
from .assistance_metrics import METRICS as ASSISTANCE_METRICS  # noqa: E402

METRICS += ASSISTANCE_METRICS
