from django.urls import path

from . import api, api_dashboard

# (prefix, viewset), registered on the shared /api/v1/ router by zhichan.api_urls
ROUTES = [
    ("indicators", api.IndicatorViewSet),
    ("indicator-values", api.IndicatorValueViewSet),
    ("indicator-readings", api.ReadingViewSet),
    ("data-elements", api.DataElementViewSet),
    ("data-values", api.DataValueViewSet),
    ("validation-rules", api.ValidationRuleViewSet),
]

urlpatterns = [
    path("dashboard/", api_dashboard.dashboard, name="api-dashboard"),
]
