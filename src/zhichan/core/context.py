from functools import cache

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .extensions import nav_items
from .modules import coming
from .roles import LIAISONS, STAFF, Role, role_of
from .services.notify import unread_count


def navigation(request):
    """The menu for the signed-in user's role."""
    user = getattr(request, "user", None)
    role = role_of(user)
    items = []
    if role != Role.PUBLIC:
        items.append((_("Workbench"), reverse("workbench"), []))
    items += nav_items(role)
    # Reference pages and system tools sit in one menu, so the bar holds the modules and fits a laptop screen.
    more = []
    if role in STAFF:
        more += [(_("Regions"), reverse("region-list")), (_("Roster"), reverse("roster"))]
        if role in LIAISONS:
            more.append((_("My unit"), reverse("unit-detail", args=[user.unit_id])))
        else:
            # Leadership reads the calendar the deadlines are counted on; the office keeps it.
            more += [(_("Units"), reverse("unit-list")), (_("Working-day calendar"), reverse("calendar"))]
    if role == Role.OFFICE:
        more += [(_("Audit"), reverse("audit")), (_("Administration"), reverse("admin:index"))]
    if role != Role.PUBLIC:
        more.append((_("Background tasks"), reverse("task-list")))
    return {
        "nav_items": items,
        "nav_more": more,
        "coming_modules": coming() if role in STAFF else [],
        "user_role": role,
        # A callable, so the one COUNT query runs only on pages that show the bell, and once (cached).
        "unread_notifications": cache(lambda: unread_count(user)) if role != Role.PUBLIC else 0,
    }
