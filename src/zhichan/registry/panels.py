from zhichan.core.roles import Role, role_of

from .models import Copyright, Patent, Trademark


def portfolio_panel(request):
    """On an enterprise user's workbench: its enterprises with their record counts, each leading to its portfolio."""
    if role_of(request.user) != Role.ENTERPRISE:
        return None
    user = request.user
    enterprises = list(user.enterprises.all())
    if not enterprises:
        return None
    rows = [
        (
            enterprise,
            Patent.objects.visible_to(user).filter(holders=enterprise).count(),
            Trademark.objects.visible_to(user).filter(holders=enterprise).count(),
            Copyright.objects.visible_to(user).filter(owners=enterprise).count(),
        )
        for enterprise in enterprises
    ]
    return "registry/_panel.html", {"rows": rows}
