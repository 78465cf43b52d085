"""The leader's workbench panel: the headline targets with their status, linking to the dashboard."""

from zhichan.core.roles import Role, role_of

from .services.board import rows_for
from .services.programmes import home_region


def targets_panel(request):
    if role_of(request.user) != Role.LEADER:
        return None
    region = home_region()
    if region is None:
        return None
    rows = [row for row in rows_for(region) if row.target is not None]
    return "indicators/_panel.html", {"region": region, "rows": rows}
