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

from . import views_mediation  # noqa: E402

urlpatterns += [
    path("protection/mediations/", views_mediation.mediation_list, name="mediation-list"),
    path("protection/mediations/new/", views_mediation.mediation_new, name="mediation-new"),
    path("protection/mediations/<int:pk>/", views_mediation.mediation_detail, name="mediation-detail"),
    path("protection/mediations/<int:pk>/step/", views_mediation.mediation_step, name="mediation-step"),
    path("protection/confirmations/", views_mediation.confirmation_list, name="confirmation-list"),
    path("protection/confirmations/<int:pk>/ruling/", views_mediation.confirmation_ruling, name="confirmation-ruling"),
    path("protection/assistance/", views_mediation.assistance_list, name="assistance-list"),
    path("protection/assistance/new/", views_mediation.assistance_new, name="assistance-new"),
    path("protection/assistance/<int:pk>/", views_mediation.assistance_detail, name="assistance-detail"),
]

from . import views_transfers  # noqa: E402

urlpatterns += [
    path("protection/transfers/", views_transfers.transfer_list, name="transfer-list"),
    path("protection/transfers/<int:pk>/", views_transfers.transfer_detail, name="transfer-detail"),
    path("protection/transfers/<int:pk>/step/", views_transfers.transfer_step, name="transfer-step"),
]
