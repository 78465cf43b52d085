from django.urls import path

from . import views, views_grades, views_serious

urlpatterns = [
    path("credit/records/", views.record_list, name="credit-record-list"),
    path("credit/records/new/", views.record_new, name="credit-record-new"),
    path("credit/records/export/", views.record_export, name="credit-record-export"),
    path("credit/records/<int:pk>/", views.record_detail, name="credit-record-detail"),
    path("credit/records/<int:pk>/step/", views.record_step, name="credit-record-step"),
    path("credit/serious-list/", views_serious.listing_list, name="credit-serious-list"),
    path("credit/serious-list/new/", views_serious.listing_new, name="credit-serious-new"),
    path("credit/serious-list/export/", views_serious.listing_export, name="credit-serious-export"),
    path("credit/serious-list/<int:pk>/", views_serious.listing_detail, name="credit-serious-detail"),
    path("credit/serious-list/<int:pk>/step/", views_serious.listing_step, name="credit-serious-step"),
    path("credit/grades/", views_grades.grade_list, name="credit-grade-list"),
    path("credit/grades/run/", views_grades.grade_run, name="credit-grade-run"),
    path("credit/subjects/<str:code>/", views_grades.subject_detail, name="credit-subject"),
]
