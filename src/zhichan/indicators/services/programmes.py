"""What the indicators read of the programme: its territory, its years and its targets (linked by indicator code).

The indicators app imports the programme's models (the programme never imports the indicators: its pages read
where the targets stand through `core.extensions.targets_as_of`). A target names its indicator by code, not by a
foreign key, so the programme's file and the indicators' file load in either order.
"""

from datetime import date

from django.utils import timezone

from zhichan.core.models import Region, RegionKind
from zhichan.programme.models import Programme, Target

from ..periods import Period, months_of, quarters_of, year


def _programmes():
    return Programme.objects.select_related("region")


def targets_by_indicator() -> dict:
    """indicator code → the programme targets measured by it (one query)."""
    found = {}
    for target in Target.objects.select_related("programme", "region"):
        found.setdefault(target.indicator, []).append(target)
    return found


def territory_paths() -> list[str]:
    """Paths of the regions whose subtrees get values: each programme's region, else every county; the first
    is `home_region()`'s (one query)."""
    paths = list(_programmes().order_by("start").values_list("region__path", flat=True))
    if not paths:
        paths = list(Region.objects.filter(kind__in=RegionKind.county_level()).values_list("path", flat=True))
    return list(dict.fromkeys(paths))


def home_region():
    """The region the lists show first: the first programme's, else the first county."""
    programme = _programmes().order_by("start").first()
    if programme:
        return programme.region
    return Region.objects.filter(kind__in=RegionKind.county_level()).first()


def report_due_days() -> int:
    """The working days after a period ends within which reports are due: the first programme's (0 without one)."""
    programme = _programmes().order_by("start").first()
    return programme.report_due_days if programme else 0


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
