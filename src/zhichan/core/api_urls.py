from django.urls import path

from . import api, api_calendar, api_exports, api_imports, api_notifications, api_tokens

# (prefix, viewset), registered on the shared /api/v1/ router by zhichan.api_urls
ROUTES = [
    ("regions", api.RegionViewSet),
    ("populations", api.PopulationViewSet),
    ("units", api.UnitViewSet),
    ("people", api.PersonViewSet),
    ("committees", api.CommitteeViewSet),
    ("memberships", api.MembershipViewSet),
    ("tasks", api.TaskProgressViewSet),
    ("exports", api_exports.ExportFileViewSet),
    ("calendar", api_calendar.CalendarDayViewSet),
    ("notifications", api_notifications.NotificationViewSet),
    ("imports", api_imports.ImportBatchViewSet),
    ("tokens", api_tokens.ApiTokenViewSet),
]

urlpatterns = [
    path("auth/token/", api.obtain_token, name="api-token"),
    path("me/", api.MeView.as_view(), name="api-me"),
]
