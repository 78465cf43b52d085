"""A source read from the indicators: a township's own figure for an indicator against its share of the target,
a share the scheme states for each township (the plan sets county targets only; the office divides them)."""

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zhichan.indicators.models import IndicatorValue

from ..points import shown
from .base import Evidence, Measure, Source


class TownshipIndicator(Source):
    key = "township_indicator"
    label = gettext_lazy("The township's figure against its share of the target")
    wording = gettext_lazy("%(done)s against a share of %(due)s")
    params = {"indicator": True, "shares": True}

    def check(self, params):
        shares = params.get("shares")
        if not isinstance(shares, dict) or not shares:
            return "shares: give each township's share of the target, {unit key: number}"
        for key, value in shares.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                return f"shares.{key}: expected a number above 0, got {value!r}"
        return ""

    def measure(self, units, start, end, params):
        shares = params["shares"]
        regions = {unit.region_id: unit for unit in units if unit.key in shares}
        latest = {}
        for row in (
            IndicatorValue.objects.filter(
                indicator__code=params["indicator"], region_id__in=list(regions), period_end__lte=end
            )
            .select_related("indicator", "region")
            .order_by("region_id", "period_end", "revision")
        ):
            latest[row.region_id] = row  # the newest period on or before the as-of date
        found = {}
        for region_id, unit in regions.items():
            share = Decimal(str(shares[unit.key]))
            row = latest.get(region_id)
            if row is None or row.value is None:
                found[unit.pk] = Measure(Decimal(0), share, [Evidence(_("no figure by the as-of date"), ok=False)])
                continue
            url = reverse("indicator-value", args=[row.pk])  # the value's page, down to its records
            note = _("%(period)s: %(value)s %(unit)s") % {
                "period": row.period,
                "value": shown(row.value),
                "unit": row.indicator.unit_of_measure,
            }
            evidence = Evidence(f"{row.indicator.name} · {row.region.name}", url, row.value >= share, note)
            found[unit.pk] = Measure(row.value, share, [evidence])
        return found
