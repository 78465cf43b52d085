"""Figures of the finance module, for the indicators (found through `METRICS`):

- `finance_pledge_financing` (flow, 万元): IP pledge financing in the period, counted in the township of the pledgor.
  Option `amount`: `registered` (default) sums the registered secured amounts of the pledges registered in the
  period, as the national statistic counts (知识产权质押融资登记金额; one pledge once, whatever rights it
  pledges); `lent` sums the loans the banks report drawn in the period;
- `finance_pledges` (flow, 笔): pledges registered in the period, in the township of the pledgor."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from zhichan.core.metrics import Metric
from zhichan.core.models import Region

from .columns import PLEDGE_COLUMNS
from .models import Loan, Pledge

AMOUNTS = ("registered", "lent")


def _within(region_ids, lookup: str) -> Q:
    q = Q(pk__in=[])
    for path in Region.objects.filter(pk__in=list(region_ids)).values_list("path", flat=True):
        q |= Q(**{f"{lookup}__startswith": path})
    return q


def _dated(queryset, field: str, start, end):
    found = queryset.filter(**{f"{field}__lte": end})
    return found.filter(**{f"{field}__gte": start}) if start else found


class PledgeMetric(Metric):
    kind = "flow"
    detail_url = "finance-pledge-detail"
    watches = (Pledge, Loan)
    columns = PLEDGE_COLUMNS

    def _by_region(self, rows) -> dict:
        by_path = dict(Region.objects.values_list("path", "pk"))
        return {by_path[path]: value for path, value in rows if path in by_path}

    def records(self, start, end, region_ids, options=None):
        pledges = Pledge.objects.filter(_within(region_ids, "pledgor__region__path"))
        if (options or {}).get("amount") == "lent":
            lent = _dated(Loan.objects.all(), "drawn_on", start, end).values("pledge")
            pledges = pledges.filter(pk__in=lent)
        else:
            pledges = _dated(pledges, "registered_on", start, end)
        return pledges.select_related("pledgor__region", "bank", "product").prefetch_related("rights", "loans")


class PledgeFinancing(PledgeMetric):
    code = "finance_pledge_financing"
    label = _("IP pledge financing")
    unit = "万元"
    option_values = {"amount": AMOUNTS}

    def values(self, start, end, options=None) -> dict:
        if (options or {}).get("amount") == "lent":
            rows = (
                _dated(Loan.objects.all(), "drawn_on", start, end)
                .values_list("pledge__pledgor__region__path")
                .annotate(total=Sum("amount"))
            )
        else:
            rows = (
                _dated(Pledge.objects.all(), "registered_on", start, end)
                .values_list("pledgor__region__path")
                .annotate(total=Sum("secured_amount"))
            )
        totals = defaultdict(Decimal)
        for path, total in rows:
            totals[path] += total or 0
        return self._by_region((path, float(total)) for path, total in totals.items())


class PledgesRegistered(PledgeMetric):
    code = "finance_pledges"
    label = _("IP pledges registered")
    unit = "笔"

    def values(self, start, end, options=None) -> dict:
        rows = _dated(Pledge.objects.all(), "registered_on", start, end).values_list("pledgor__region__path")
        counts = defaultdict(int)
        for (path,) in rows:
            counts[path] += 1
        return self._by_region(counts.items())

    def records(self, start, end, region_ids, options=None):
        return super().records(start, end, region_ids, {})


METRICS = [PledgeFinancing(), PledgesRegistered()]
