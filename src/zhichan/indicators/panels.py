"""Workbench panels: the leader's headline targets, and a township's own targets and figures."""

from zhichan.core.asof import as_of
from zhichan.core.roles import Role, role_of

from .models import DataElement
from .services.board import rows_for
from .services.programmes import chosen_programme, home_region


def targets_panel(request):
    if role_of(request.user) != Role.LEADER:
        return None
    programme = chosen_programme(request)
    region = home_region(programme)
    if region is None:
        return None
    rows = [row for row in rows_for(region, as_of(request), programme) if row.target is not None]
    return "indicators/_panel.html", {"region": region, "rows": rows}


def township_panel(request):
    """A township liaison's own targets (its values against the county's targets) and the figures it reports."""
    user = request.user
    if role_of(user) != Role.TOWNSHIP_LIAISON or not user.unit_id:
        return None
    region = user.unit.region
    rows = [row for row in rows_for(region, as_of(request), chosen_programme(request)) if row.target is not None]
    figures = DataElement.objects.filter(units=user.unit).count()
    return "indicators/_township_panel.html", {"region": region, "rows": rows, "figures": figures}
