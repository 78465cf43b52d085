"""What every figure of the enforcement records shares: where a record is placed (its township, or its unit's
region), the territory a region covers, and the reading option naming one unit. The cases' figures (metrics.py,
case_metrics.py) and the transfers' (transfer_metrics.py) read them."""

from django.db.models import F, Q
from django.db.models.functions import Coalesce

from zhichan.core.models import Region, Unit


def unit_keys():
    """The values the reading option `unit` may take: the units' keys."""
    return tuple(sorted(set(Unit.objects.values_list("key", flat=True))))


def placed(found):
    """The cases with `place`: their township's path, or their unit's region's when they have none."""
    return found.annotate(place=Coalesce(F("township__path"), F("unit__region__path")))


def of_unit(found, options):
    """Only the cases of the unit the options name (`unit`: its key), or all."""
    key = (options or {}).get("unit")
    return found.filter(unit__key=key) if key else found


def within(found, region_ids):
    """The placed cases lying in the regions' territories."""
    paths = list(Region.objects.filter(pk__in=list(region_ids)).values_list("path", flat=True))
    inside = Q(pk__in=[])
    for path in paths:
        inside |= Q(place__startswith=path)
    return found.filter(inside)


def regions_of(rows) -> list[tuple]:
    """Rows (township id, unit id, *rest) → (region id, *rest): a case's township, or its unit's region."""
    unit_regions = dict(Unit.objects.values_list("pk", "region_id"))
    return [(township or unit_regions.get(unit), *rest) for township, unit, *rest in rows]
