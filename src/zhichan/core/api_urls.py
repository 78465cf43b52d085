from django.urls import path
from rest_framework.routers import APIRootView, DefaultRouter

from . import api
from .roles import SIGNED_IN


class APIRoot(APIRootView):
    allowed_roles = SIGNED_IN


class Router(DefaultRouter):
    APIRootView = APIRoot


app_name = "api"
router = Router()
router.register("regions", api.RegionViewSet)
router.register("populations", api.PopulationViewSet)
router.register("units", api.UnitViewSet)
router.register("people", api.PersonViewSet)
router.register("committees", api.CommitteeViewSet)
router.register("memberships", api.MembershipViewSet)
router.register("tasks", api.TaskProgressViewSet)

urlpatterns = [
    path("auth/token/", api.obtain_token, name="api-token"),
    path("me/", api.MeView.as_view(), name="api-me"),
    *router.urls,
]
