from django.urls import path

from . import views

urlpatterns = [
    path("projects/", views.project_list, name="project-list"),
    path("projects/export.xlsx", views.project_export, name="project-export"),
    path("projects/new/", views.project_new, name="project-new"),
    path("projects/<int:pk>/", views.project_detail, name="project-detail"),
    path("projects/<int:pk>/step/", views.project_step, name="project-step"),
]
