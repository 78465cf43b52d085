from django.urls import path

from . import views

urlpatterns = [
    path("protection/cases/", views.case_list, name="case-list"),
    path("protection/cases/new/", views.case_new, name="case-new"),
    path("protection/cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("protection/cases/<int:pk>/step/", views.case_step, name="case-step"),
]

from . import views_complaints  # noqa: E402

urlpatterns += [
    path("protection/complaints/", views_complaints.complaint_list, name="complaint-list"),
    path("protection/complaints/new/", views_complaints.complaint_new, name="complaint-new"),
    path("protection/complaints/<int:pk>/", views_complaints.complaint_detail, name="complaint-detail"),
    path("protection/complaints/<int:pk>/step/", views_complaints.complaint_step, name="complaint-step"),
]
