"""What makes the portal an app on a phone: the web app manifest (it installs to the home screen), the service
worker (served from /portal/ so that it may keep the portal's pages: the last pages seen open offline), and the
language switch by a link (the published pages carry no form, so the cache may keep them whole)."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import FileResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from zhichan.core.access import allow
from zhichan.core.roles import EVERYONE


@cache_control(public=True, max_age=3600)
@allow(EVERYONE)
def manifest(request):
    icon = static("zhichan/favicon.svg")
    return JsonResponse(
        {
            "name": _("Nan'an one-stop IP public services"),
            "short_name": _("IP public services"),
            "start_url": reverse("portal-home"),
            "scope": reverse("portal-home"),
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#0b3d6e",
            "lang": request.LANGUAGE_CODE,
            "icons": [{"src": icon, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


@cache_control(no_cache=True)
@allow(EVERYONE)
def service_worker(request):
    response = FileResponse(open(finders.find("portal/sw.js"), "rb"), content_type="text/javascript")
    response["Service-Worker-Allowed"] = reverse("portal-home")
    return response


@allow(EVERYONE)
def language(request, code):
    """Switch the language and return to the page: a preference kept in a cookie, nothing else changes."""
    back = request.GET.get("next") or reverse("portal-home")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("portal-home")
    response = redirect(back)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
    return response
