from django.urls import path

from . import views

urlpatterns = [
    path("protection/cases/", views.case_list, name="case-list"),
    path("protection/cases/new/", views.case_new, name="case-new"),
    path("protection/cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("protection/cases/<int:pk>/step/", views.case_step, name="case-step"),
]
