"""/api/v1/: one router for every app's viewsets (each app lists its ROUTES), plus the apps' own paths."""

from rest_framework.routers import APIRootView, DefaultRouter

from zhichan.core import api_urls as core_api
from zhichan.core.roles import SIGNED_IN
from zhichan.indicators import api_urls as indicators_api
from zhichan.programme import api_urls as programme_api
from zhichan.registry import api_urls as registry_api


class APIRoot(APIRootView):
    allowed_roles = SIGNED_IN


class Router(DefaultRouter):
    APIRootView = APIRoot


app_name = "api"
router = Router()
for routes in (core_api.ROUTES, programme_api.ROUTES, registry_api.ROUTES, indicators_api.ROUTES):
    for prefix, viewset in routes:
        router.register(prefix, viewset)

urlpatterns = [*core_api.urlpatterns, *registry_api.urlpatterns, *indicators_api.urlpatterns, *router.urls]
