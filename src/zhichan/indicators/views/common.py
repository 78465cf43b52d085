from django.http import Http404

from zhichan.core.models import Region
from zhichan.core.roles import LIAISONS, role_of

from ..services.programmes import home_region, territory_paths


def regions_for(user):
    """The regions of the programme territory the user may see, in tree order."""
    paths = territory_paths()
    regions = Region.objects.visible_to(user)
    return [r for r in regions if any(r.path.startswith(p) for p in paths)]


def chosen_region(request, regions):
    """?region=pk among the visible ones (404 otherwise); by default the liaison's own region, else the county."""
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
    home = home_region()
    found = next((r for r in regions if home and r.pk == home.pk), None)
    return found or (regions[0] if regions else None)
