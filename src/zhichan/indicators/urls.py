from django.urls import path

from .views import dashboard, drilldown, entry, pages, programmes

urlpatterns = [
    path("indicators/", pages.indicator_list, name="indicator-list"),
    path("indicators/compute/", pages.indicator_compute, name="indicator-compute"),
    path("indicators/<int:pk>/", pages.indicator_detail, name="indicator-detail"),
    path("indicators/readings/<int:pk>/", pages.reading_change, name="indicator-reading-change"),
    path("indicators/readings/<int:pk>/publish/", pages.reading_publish, name="indicator-reading-publish"),
    path("indicators/values/<int:pk>/", drilldown.value_detail, name="indicator-value"),
    path("indicators/values/<int:pk>/export.xlsx", drilldown.value_export, name="indicator-value-export"),
    path("indicators/data/", entry.data_entry, name="data-entry"),
    path("indicators/data/review/", entry.data_review, name="data-review"),
    path("indicators/data/elements/", entry.data_elements, name="data-elements"),
    path("indicators/data/values/<int:pk>/approve/", entry.datavalue_approve, name="datavalue-approve"),
    path("indicators/data/values/<int:pk>/return/", entry.datavalue_return, name="datavalue-return"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/export.xlsx", dashboard.dashboard_export, name="dashboard-export"),
    path("dashboard/townships/", dashboard.comparison, name="township-comparison"),
    path("dashboard/townships/export.xlsx", dashboard.comparison_export, name="township-comparison-export"),
    path("display/", dashboard.display, name="display"),
    path("dashboard/programmes/", programmes.programmes_side_by_side, name="programmes-side-by-side"),
]
