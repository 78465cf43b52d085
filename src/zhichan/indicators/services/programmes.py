"""What the indicators read of the programmes: their territory, years and targets (linked by indicator code), and
the programme a reader chose to look at.

The indicators app imports the programme's models (the programme never imports the indicators: its pages read
where the targets stand through `core.extensions.targets_as_of`). A target names its indicator by code, not by a
foreign key, so the programme's file and the indicators' file load in either order.
"""

from datetime import date

from django.utils import timezone

from zhichan.core.models import Region, RegionKind
from zhichan.programme.models import Programme, Target
from zhichan.programme.services.choice import chosen_programme, programmes_for, visible_programmes  # noqa: F401

from ..periods import Period, months_of, quarters_of, year


def _programmes():
    return Programme.objects.select_related("region")


def first_programme():
    """The programme shown when no reader chose one (a command, a notice): the earliest."""
    return _programmes().order_by("start", "key").first()


def targets_by_indicator(programme=None) -> dict:
    """indicator code → the targets measured by it: the programme's, or every programme's (one query)."""
    found = {}
    targets = Target.objects.select_related("programme", "region")
    if programme is not None:
        targets = targets.filter(programme=programme)
    for target in targets:
        found.setdefault(target.indicator, []).append(target)
    return found


def county_paths() -> list[str]:
    return list(Region.objects.filter(kind__in=RegionKind.county_level()).values_list("path", flat=True))


def programme_roots() -> dict[str, str]:
    """programme key → the path of its region (one query)."""
    return dict(_programmes().values_list("key", "region__path"))


def territory_paths(programme=None) -> list[str]:
    """Paths of the regions whose subtrees get values: the programme's region; without one, each programme's
    region, else every county; the first is `home_region()`'s (one query)."""
    if programme is not None:
        return [programme.region.path]
    paths = list(_programmes().order_by("start").values_list("region__path", flat=True))
    if not paths:
        paths = county_paths()
    return list(dict.fromkeys(paths))


def home_region(programme=None):
    """The region the lists show first: the programme's (default: the first programme's), else the first county."""
    programme = programme or first_programme()
    if programme:
        return programme.region
    return Region.objects.filter(kind__in=RegionKind.county_level()).first()


def report_due_days(programme=None) -> int:
    """The working days after a period ends within which reports are due: the programme's (default: the first
    programme's; 0 without one)."""
    programme = programme or first_programme()
    return programme.report_due_days if programme else 0


def programme_years(programme=None) -> tuple[int, int]:
    """From the year before the programme starts (its baseline) to its last year; without one, from the earliest
    programme's baseline to the latest programme's last year."""
    programmes = [programme] if programme is not None else list(_programmes())
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
