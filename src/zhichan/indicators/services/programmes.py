"""What the indicators read of the programme: its territory, its years and its targets (linked by indicator code).

Read by model name, so the link stays a lookup by code and not a foreign key in either direction.
"""

from datetime import date

from django.apps import apps
from django.utils import timezone

from zhichan.core.models import Region, RegionKind

from ..periods import Period, months_of, quarters_of, year


def _programmes():
    return apps.get_model("programme", "Programme").objects.select_related("region")


def targets_by_indicator() -> dict:
    """indicator code → the programme targets measured by it (one query)."""
    found = {}
    for target in apps.get_model("programme", "Target").objects.select_related("programme", "region"):
        found.setdefault(target.indicator, []).append(target)
    return found


def territory_paths() -> list[str]:
    """Paths of the regions whose subtrees get values: each programme's region, else every county; the first
    is `home_region()`'s (one query)."""
    paths = list(_programmes().order_by("start").values_list("region__path", flat=True))
    if not paths:
        paths = list(Region.objects.filter(kind=RegionKind.COUNTY).values_list("path", flat=True))
    return list(dict.fromkeys(paths))


def home_region():
    """The region the lists show first: the first programme's, else the first county."""
    programme = _programmes().order_by("start").first()
    if programme:
        return programme.region
    return Region.objects.filter(kind=RegionKind.COUNTY).first()


def programme_years() -> tuple[int, int]:
    """From the year before the earliest programme starts (its baseline) to the latest programme's last year."""
    programmes = list(_programmes())
    if not programmes:
        today = timezone.localdate()
        return today.year - 1, today.year
    return min(p.start for p in programmes).year - 1, max(p.end for p in programmes).year


def default_periods(today: date | None = None) -> list[Period]:
    """Every month, quarter and year of the programme years that has begun by today."""
    today = today or timezone.localdate()
    first, last = programme_years()
    result = []
    for y in range(first, last + 1):
        periods = [*months_of(y), *quarters_of(y), year(y)]
        result += [p for p in periods if p.start <= today]
    return result
