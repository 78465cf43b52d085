"""/api/v1/: one router for every module's viewsets (each lists its ROUTES in api_urls.py), plus their own paths."""

from rest_framework.routers import APIRootView, DefaultRouter

from zhichan.core import modules
from zhichan.core.roles import SIGNED_IN


class APIRoot(APIRootView):
    allowed_roles = SIGNED_IN


class Router(DefaultRouter):
    APIRootView = APIRoot


app_name = "api"
router = Router()
for route in modules.api_routes():  # (prefix, viewset) or (prefix, viewset, basename)
    router.register(*route)

urlpatterns = [*modules.api_paths(), *router.urls]
