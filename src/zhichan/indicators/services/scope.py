"""The regions of the programme territory a reader may see, and the one a request chose among them."""

from django.http import Http404

from zhichan.core.models import Region
from zhichan.core.roles import LIAISONS, role_of

from .programmes import home_region, territory_paths


def regions_for(user, paths=None):
    """The regions of the programme territory (`paths`, default `territory_paths()`) the user may see, in tree
    order."""
    paths = territory_paths() if paths is None else paths
    regions = Region.objects.visible_to(user)
    return [r for r in regions if any(r.path.startswith(p) for p in paths)]


_TERRITORY = {}  # the dashboards' values version → the territory's paths at that version (the latest only)


def scope_for(request, version: str | None = None) -> tuple[list, object]:
    """`regions_for` the reader and `chosen_region` among them, reading the programmes once; with the dashboards'
    `values_version` (which moves with every saved programme and region), the territory read at that version."""
    paths = _TERRITORY.get(version) if version else None
    if paths is None:
        paths = territory_paths()
        if version:
            _TERRITORY.clear()
            _TERRITORY[version] = paths
    regions = regions_for(request.user, paths)
    return regions, chosen_region(request, regions, home_path=paths[0] if paths else "")


def chosen_region(request, regions, home_path=None):
    """?region=pk among the visible ones (404 otherwise); by default the liaison's own region, else the county
    (`home_region()`, or the region at `home_path` when the caller has read it)."""
    wanted = request.GET.get("region")
    if wanted:
        found = next((r for r in regions if str(r.pk) == wanted), None)
        if found is None:
            raise Http404
        return found
    if role_of(request.user) in LIAISONS and request.user.unit_id:
        own = request.user.unit.region_id
        found = next((r for r in regions if r.pk == own), None)
        if found:
            return found
    if home_path is None:
        home = home_region()
        home_path = home.path if home else ""
    found = next((r for r in regions if home_path and r.path == home_path), None)
    return found or (regions[0] if regions else None)
