"""Figures of the services module, for the indicators (found through `METRICS`):

- `services_agencies_settled` (stock): service agencies settled in the county (落地) on the day, by the day they
  settled (`settled on`), counted in the region the agency lies in;
- `services_outlets` (stock): brand guidance stations and service outlets established on the day (an outlet whose
  date of establishment is not known counts on every day), in their region; option `kind` counts one kind;
- `services_custody_active` (flow): custody engagements under way at some time in the period (begun on or before
  its end and not ended before its start), in the township of the enterprise;
- `services_custody_begun` (flow): custody engagements begun in the period, in the township of the enterprise."""

from collections import Counter

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from zhichan.core.metrics import Metric
from zhichan.core.models import Region

from .models import Agency, CustodyEngagement, Outlet, OutletKind
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


METRICS = [AgenciesSettled(), OutletsEstablished(), CustodyActive(), CustodyBegun()]
