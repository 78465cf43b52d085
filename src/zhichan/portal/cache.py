"""Published pages served from the cache to visitors without an account, and renewed on any change.

A page is kept whole, per address and language, only when it is the same for every visitor: a GET without a query,
from a visitor who is not signed in and has no message waiting (the public pages carry no CSRF token: the language
is switched by a link). Any event recorded on the platform (every write is an action that records one) and any
change to the catalogue moves the cache's version, so the next visitor reads the page as it now is. A signed-in
user's page is never kept, and is marked private for caches on the way."""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

VERSION = "portal:version"
SECONDS = 600  # a page not read for ten minutes is rendered afresh even without a change


def version() -> int:
    return cache.get_or_set(VERSION, 1, None)


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


def published_page(view):
    """Serve the view's page from the cache when it is the same for every visitor."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _shared(request):
            response = view(request, *args, **kwargs)
            if request.user.is_authenticated:
                patch_cache_control(response, private=True)
            return response
        key = f"portal:page:{version()}:{get_language()}:{request.path}"
        kept = cache.get(key)
        if kept is not None:
            content, content_type = kept
            response = HttpResponse(content, content_type=content_type)
            response["X-Portal-Cache"] = "hit"
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response = response.render()
            if response.status_code == 200 and not response.cookies:
                cache.set(key, (response.content, response["Content-Type"]), SECONDS)
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, public=True, max_age=settings.ZHICHAN_PORTAL_CACHE_SECONDS)
        return response

    return wrapped
