from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ..access import allow
from ..models import Population, Region, Unit
from ..posting import form_post
from ..roles import STAFF, Role
from ..services.datafile import data_files_for
from ..services.progress import start
from ..tasks import reload_regions


@allow(STAFF)
def region_list(request):
    regions = list(
        Region.objects.visible_to(request.user)
        .order_by("path")
        .prefetch_related(
            Prefetch("populations", queryset=Population.objects.order_by("year"), to_attr="population_list")
        )
    )
    top = min((r.depth for r in regions), default=0)
    return render(
        request,
        "core/region_list.html",
        {"rows": [(r, r.depth - top) for r in regions], "files": data_files_for(request.user, "regions")},
    )


@allow(STAFF, scope=Region)
def region_detail(request, pk):
    region = get_object_or_404(Region.objects.visible_to(request.user), pk=pk)
    visible = Region.objects.visible_to(request.user)
    context = {
        "region": region,
        "ancestors": visible.filter(pk__in=Region.objects.get_ancestors(region).values("pk")).order_by("path"),
        "children": visible.filter(path__startswith=region.path, depth=region.depth + 1).order_by("path"),
        "populations": region.populations.all(),
        "units": Unit.objects.visible_to(request.user).filter(region=region),
    }
    return render(request, "core/region_detail.html", context)


@form_post("region-list")
@allow(Role.OFFICE)
def region_reload(request):
    """Reload a region file from data/regions/ in the background and show its progress."""
    path = data_files_for(request.user, "regions").get(request.POST.get("file", ""))
    if path is None:
        messages.error(request, _("Choose one of the region files."))
        return redirect("region-list")
    progress = start(reload_regions, _("Reload regions from %(file)s") % {"file": path.name}, request.user, str(path))
    return redirect("task-detail", pk=progress.pk)
