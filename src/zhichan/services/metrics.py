"""Figures of the services module, for the indicators (found through `METRICS`):

- `services_agencies_settled` (stock): service agencies settled in the county (落地) on the day, by the day they
  settled (`settled on`), counted in the region the agency lies in;
- `services_outlets` (stock): brand guidance stations and service outlets established on the day (an outlet whose
  date of establishment is not known counts on every day), in their region; option `kind` counts one kind;
- `services_custody_active` (flow): custody engagements under way at some time in the period (begun on or before
  its end and not ended before its start), in the township of the enterprise;
- `services_custody_begun` (flow): custody engagements begun in the period, in the township of the enterprise;
- `services_objects_inspected` (flow): objects of random inspections (双随机) inspected in the period, by the day
  of the inspection entered with the result, in the region of the enterprise or agency inspected;
- `services_inspection_results_published` (flow): random inspection plans whose results were published in the
  period, in the region of the unit that ran them;
- `services_inspection_results_on_time` (flow): of those, the plans published within the time limit (20 working
  days after the inspection's end, the rule `random-inspection-results`, unconfirmed), as their clock stood when
  it stopped."""

from collections import Counter

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from zhichan.core.clocks import State, clock
from zhichan.core.columns import Column
from zhichan.core.metrics import Metric
from zhichan.core.models import Region

from .models import Agency, CustodyEngagement, InspectionPlan, InspectionTarget, Outlet, OutletKind
from .services.directory import AGENCY_COLUMNS, CUSTODY_COLUMNS, OUTLET_COLUMNS


class PlacedCount(Metric):
    """Records lying in a region (`place`: the path of the region), counted by their own region."""

    unit = "个"
    place = "region__path"

    def counted(self, start, end, options=None):
        raise NotImplementedError

    def _placed(self, start, end, options=None):
        return self.counted(start, end, options).annotate(place=F(self.place))

    def values(self, start, end, options=None) -> dict[int, int]:
        by_path = dict(Region.objects.values_list("path", "pk"))
        counts = Counter(self._placed(start, end, options).values_list("place", flat=True))
        return {by_path[path]: n for path, n in counts.items() if path in by_path}

    def records(self, start, end, region_ids, options=None):
        within = Q(pk__in=[])
        for path in Region.objects.filter(pk__in=list(region_ids)).values_list("path", flat=True):
            within |= Q(place__startswith=path)
        return self._placed(start, end, options).filter(within).order_by("pk")


class AgenciesSettled(PlacedCount):
    code = "services_agencies_settled"
    label = _("service agencies settled in the county")
    kind = "stock"
    detail_url = "agency-detail"
    watches = (Agency,)
    columns = AGENCY_COLUMNS

    def counted(self, start, end, options=None):
        return Agency.objects.filter(settled_on__isnull=False, settled_on__lte=end).select_related(
            "region", "supervisor"
        )


def _outlet_kinds():
    return tuple(OutletKind.values)


class OutletsEstablished(PlacedCount):
    code = "services_outlets"
    label = _("brand guidance stations and service outlets")
    kind = "stock"
    detail_url = "outlet-detail"
    watches = (Outlet,)
    columns = OUTLET_COLUMNS
    option_values = {"kind": _outlet_kinds}

    def counted(self, start, end, options=None):
        found = Outlet.objects.filter(Q(established_on__isnull=True) | Q(established_on__lte=end))
        kind = (options or {}).get("kind")
        if kind:
            found = found.filter(kind=kind)
        return found.select_related("region")


class CustodyCount(PlacedCount):
    unit = "件"
    kind = "flow"
    place = "enterprise__region__path"
    detail_url = "custody-detail"
    watches = (CustodyEngagement,)
    columns = CUSTODY_COLUMNS

    def _placed(self, start, end, options=None):
        return super()._placed(start, end, options).select_related("enterprise__region", "agency", "unit")


class CustodyActive(CustodyCount):
    code = "services_custody_active"
    label = _("custody engagements under way")

    def counted(self, start, end, options=None):
        found = CustodyEngagement.objects.filter(start__lte=end)
        return found.filter(end__gte=start) if start else found


class CustodyBegun(CustodyCount):
    code = "services_custody_begun"
    label = _("custody engagements begun")

    def counted(self, start, end, options=None):
        found = CustodyEngagement.objects.filter(start__lte=end)
        return found.filter(start__gte=start) if start else found


class ObjectsInspected(PlacedCount):
    code = "services_objects_inspected"
    label = _("objects of random inspections inspected")
    unit = "个"
    kind = "flow"
    detail_url = "inspection-plan-detail"
    detail_field = "plan_id"  # an object is shown on its plan's page
    watches = (InspectionTarget,)
    columns = (
        Column("plan", _("random inspection plan"), width=30),
        Column("name", _("name"), width=30),
        Column("key", _("unified social credit code"), width=20),
        Column("stratum", _("credit grade")),
        Column("finding", _("finding"), "get_finding_display"),
        Column("inspected_on", _("inspected on")),
    )

    def counted(self, start, end, options=None):
        found = InspectionTarget.objects.exclude(finding="").filter(inspected_on__lte=end)
        return (found.filter(inspected_on__gte=start) if start else found).select_related("plan")

    def _placed(self, start, end, options=None):
        place = Coalesce("enterprise__region__path", "agency__region__path", "plan__unit__region__path")
        return self.counted(start, end, options).annotate(place=place)


class ResultsPublished(PlacedCount):
    code = "services_inspection_results_published"
    label = _("random inspections with results published")
    unit = "次"
    kind = "flow"
    place = "unit__region__path"
    detail_url = "inspection-plan-detail"
    watches = (InspectionPlan,)
    columns = (
        Column("name", _("random inspection plan"), width=30),
        Column("unit", _("unit")),
        Column("ends_on", _("inspection until")),
        Column("results_published_on", _("results published on")),
    )

    def counted(self, start, end, options=None):
        found = InspectionPlan.objects.filter(results_published_on__isnull=False, results_published_on__lte=end)
        found = found.filter(results_published_on__gte=start) if start else found
        return found.select_related("unit")


class ResultsOnTime(ResultsPublished):
    code = "services_inspection_results_on_time"
    label = _("random inspections with results published on time")

    def counted(self, start, end, options=None):
        from .services.inspections import RESULTS_RULE

        published = super().counted(start, end, options)
        timely = [
            plan.pk
            for plan in published
            if clock(plan, plan.results_published_on, rule=RESULTS_RULE).state == State.MET
        ]
        return published.filter(pk__in=timely)


METRICS = [
    AgenciesSettled(),
    OutletsEstablished(),
    CustodyActive(),
    CustodyBegun(),
    ObjectsInspected(),
    ResultsPublished(),
    ResultsOnTime(),
]
