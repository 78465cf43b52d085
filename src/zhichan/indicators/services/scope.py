"""The regions of the programme territory a reader may see, and the one a request chose among them."""

from django.http import Http404

from zhichan.core.models import Region
from zhichan.core.roles import LIAISONS, role_of
from zhichan.programme.models import Programme

from .programmes import chosen_programme, county_paths, home_region, programmes_for, territory_paths, visible_programmes

_AT_VERSION = {}  # the dashboards' values version → (every programme, every county's path) at that version


def _at(version: str | None) -> tuple[list, list[str]]:
    """Every programme with its region, and every county's path: read once per values version (which moves with
    every saved programme and region)."""
    found = _AT_VERSION.get(version) if version else None
    if found is None:
        found = (list(Programme.objects.select_related("region")), county_paths())
        if version:
            _AT_VERSION.clear()
            _AT_VERSION[version] = found
    return found


def scope_for(request, version: str | None = None) -> tuple[list, object]:
    """The regions of the chosen programme's territory the reader may see, in tree order, and `chosen_region`
    among them; with the dashboards' `values_version`, the programmes and counties as read at that version, so a
    cached page reads only the regions the reader may see (one query)."""
    visible = list(Region.objects.visible_to(request.user))
    if version:
        programmes, counties = _at(version)
        visible_programmes(request, programmes_for(request.user, programmes, visible))
    programme = chosen_programme(request)
    if programme is not None:
        paths = [programme.region.path]
    elif version:  # as `territory_paths()`: each programme's region, else every county
        ordered = sorted(programmes, key=lambda p: p.start)
        paths = list(dict.fromkeys(p.region.path for p in ordered)) or counties
    else:
        paths = territory_paths()
    regions = [r for r in visible if any(r.path.startswith(p) for p in paths)]
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
