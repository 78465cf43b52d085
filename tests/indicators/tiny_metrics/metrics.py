from django.db.models import Count

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric
from zhichan.core.models import Unit


class MemberUnits(Metric):
    """The units placed in each region (a stock: a unit has no date)."""

    code = "member_units"
    label = "member units"
    unit = "家"
    kind = "stock"
    columns = (Column("name", "name"), Column("region", "region"))
    watches = ("core.Unit",)

    def values(self, start, end, options=None) -> dict:
        rows = Unit.objects.order_by().values("region").annotate(n=Count("pk"))
        return {row["region"]: row["n"] for row in rows}

    def records(self, start, end, region_ids, options=None):
        return Unit.objects.filter(region__in=list(region_ids)).order_by("name")


METRICS = [MemberUnits()]
