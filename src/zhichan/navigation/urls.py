from django.urls import path

from . import views, views_report

urlpatterns = [
    path("navigation/", views.set_list, name="patent-set-list"),
    path("navigation/new/", views.set_new, name="patent-set-new"),
    path("navigation/<int:pk>/", views.set_detail, name="patent-set-detail"),
    path("navigation/<int:pk>/patents/", views.set_patents, name="patent-set-patents"),
    path("navigation/<int:pk>/patents/export/", views.set_patents_export, name="patent-set-patents-export"),
    path("navigation/<int:pk>/analysis/export/", views.analysis_export, name="patent-set-analysis-export"),
    path("navigation/<int:pk>/report/", views_report.set_report, name="patent-set-report"),
    path("navigation/merges/", views.alias_list, name="applicant-alias-list"),
]
