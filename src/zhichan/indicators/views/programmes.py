"""The programmes of a city and its counties side by side."""

from django.shortcuts import render

from zhichan.core.access import allow
from zhichan.core.asof import as_of
from zhichan.core.roles import STAFF

from ..services.sides import side_by_side


@allow(STAFF)
def programmes_side_by_side(request):
    """Each programme under the reader's region, with where its targets stand."""
    day = as_of(request)
    return render(request, "indicators/programmes.html", {"columns": side_by_side(request.user, day), "day": day})
