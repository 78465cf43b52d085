"""Published pages served from the cache to visitors without an account, and renewed on any change.

A page is kept whole, per address, language and day, only when it is the same for every visitor: a GET without a
query, from a visitor who is not signed in and has no message waiting, and a page that holds no form token (the
public pages carry none: the language is switched by a link; a status page offering the satisfaction question does,
and is rendered afresh). The cache's version moves with any event recorded on the platform (every write is an
action that records one) and any change to the catalogue, so the next visitor reads the page as it now is. The
version holds the latest event's number, read from the database: a change made by another server process or by
the task worker renews the pages even where each process keeps its own memory cache. A signed-in user's page is
never kept, and is marked private for caches on the way."""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

VERSION = "portal:version"
SECONDS = 600  # a page not read for ten minutes is rendered afresh even without a change


def version() -> tuple[int, int]:
    """This process's (or the shared cache's) count of changes, and the latest event's number in the database."""
    from zhichan.core.models import Event

    latest = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return cache.get_or_set(VERSION, 1, None), latest


def changed(*args, **kwargs):
    """Receiver of every change that may alter a published page."""
    try:
        cache.incr(VERSION)
    except ValueError:
        cache.set(VERSION, 2, None)


def changed_on_commit():
    """Renew the pages once the current transaction commits (at once outside one), once however many changes it
    holds; a rolled-back change renews nothing."""
    connection = transaction.get_connection()
    if any(entry[1] is changed for entry in connection.run_on_commit):
        return
    transaction.on_commit(changed)


def _shared(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and not request.user.is_authenticated
        and "messages" not in request.COOKIES
        and not (hasattr(request, "session") and request.session.get("_messages"))
    )


def published_page(view=None, *, shared=None, browsers=True):
    """Serve the view's page from the cache when it is the same for every visitor. `shared(request)`: the view's own
    condition besides the common ones (something kept in the visitor's session it would show); `browsers`: whether
    browsers and proxies may keep the page too (not a page whose news the visitor comes back for)."""
    if view is None:
        return lambda view: published_page(view, shared=shared, browsers=browsers)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _shared(request) or (shared is not None and not shared(request)):
            response = view(request, *args, **kwargs)
            if request.user.is_authenticated:
                patch_cache_control(response, private=True)
            return response
        counted, latest = version()
        key = f"portal:page:{counted}.{latest}:{timezone.localdate()}:{get_language()}:{request.path}"
        kept = cache.get(key)
        if kept is not None:
            content, content_type = kept
            response = HttpResponse(content, content_type=content_type)
            response["X-Portal-Cache"] = "hit"
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response = response.render()
            # A page that holds a form token (it sets the visitor's CSRF cookie) is the visitor's own.
            if (
                response.status_code == 200
                and not response.cookies
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            ):
                cache.set(key, (response.content, response["Content-Type"]), SECONDS)
        patch_vary_headers(response, ["Cookie"])
        if browsers:
            seconds = settings.ZHICHAN_PORTAL_CACHE_SECONDS
            patch_cache_control(response, public=True, max_age=seconds, **({"no_cache": True} if not seconds else {}))
        else:
            add_never_cache_headers(response)
        return response

    return wrapped
