"""Which roles may open which page or endpoint.

Every view declares its roles with `@allow(...)` (pages) or `allowed_roles` (API views). The middleware
refuses any view that declares none, so a new page cannot be reached before someone has decided who may see
it; the permission tests walk the URL configuration and check every declaration. Row-level rules live in
`scoping.py`.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission

from .roles import role_of

# Django's admin does its own staff check; everything else must declare its roles.
EXEMPT_NAMESPACES = {"admin"}


def allow(*roles, write=None, scope=None):
    """Declare the roles that may open a view; `write` narrows who may POST (default: the same roles); `scope`
    names the model whose rows a view of one object (`<int:pk>`) reads, so the permission tests try it with a row
    inside and a row outside the user's scope."""
    read_roles = frozenset().union(*(r if isinstance(r, frozenset) else {r} for r in roles))
    write_roles = read_roles if write is None else frozenset(write)

    def decorate(view):
        view.allowed_roles = read_roles
        view.write_roles = write_roles
        if scope is not None:
            view.scoped_model = scope
        return view

    return decorate


def declared_roles(callback):
    """The (read, write) roles a resolved view declares, or None when it declares nothing."""
    target = getattr(callback, "cls", None) or getattr(callback, "view_class", None) or callback
    roles = getattr(callback, "allowed_roles", None) or getattr(target, "allowed_roles", None)
    if roles is None:
        return None
    writes = getattr(callback, "write_roles", None) or getattr(target, "write_roles", None) or roles
    return frozenset(roles), frozenset(writes)


def is_api_view(callback) -> bool:
    return hasattr(getattr(callback, "cls", None), "permission_classes")


class AccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, callback, args, kwargs):
        match = request.resolver_match
        if match and EXEMPT_NAMESPACES.intersection(match.namespaces):
            return None
        roles = declared_roles(callback)
        if roles is None:
            if settings.DEBUG:
                raise PermissionDenied(f"{match.view_name if match else callback} declares no roles")
            raise PermissionDenied
        if is_api_view(callback):
            return None  # DRF authenticates tokens itself; RolePermission applies the same roles.
        read_roles, write_roles = roles
        role = role_of(request.user)
        allowed = read_roles if request.method in SAFE_METHODS else write_roles
        if role in allowed:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied(f"role {role or 'none'} may not {'read' if request.method in SAFE_METHODS else 'write'}")


class RolePermission(BasePermission):
    """DRF side of the same declaration: `allowed_roles` read, `write_roles` (default the same) write."""

    def has_permission(self, request, view):
        read_roles = getattr(view, "allowed_roles", None)
        if read_roles is None:
            return False
        write_roles = getattr(view, "write_roles", None) or read_roles
        role = role_of(request.user)
        return role in (read_roles if request.method in SAFE_METHODS else write_roles)
