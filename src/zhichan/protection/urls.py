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

from . import views_special_actions  # noqa: E402

urlpatterns += [
    path("protection/actions/", views_special_actions.special_action_list, name="special-action-list"),
    path("protection/actions/new/", views_special_actions.special_action_new, name="special-action-new"),
    path("protection/actions/<int:pk>/", views_special_actions.special_action_detail, name="special-action-detail"),
    path("protection/actions/<int:pk>/edit/", views_special_actions.special_action_edit, name="special-action-edit"),
    path(
        "protection/actions/<int:pk>/export.xlsx",
        views_special_actions.special_action_export,
        name="special-action-export",
    ),
    path("protection/inspections/", views_special_actions.inspection_list, name="inspection-list"),
    path("protection/inspections/new/", views_special_actions.inspection_new, name="inspection-new"),
]

from . import views_pool  # noqa: E402

urlpatterns += [
    path("protection/pool/", views_pool.pool_list, name="pool-list"),
    path("protection/pool/<int:pk>/", views_pool.pool_detail, name="pool-detail"),
    path("protection/pool/parties/", views_pool.party_search, name="pool-parties"),
    path("protection/pool/party/", views_pool.party_record, name="pool-party"),
    path("protection/pool/repeat-infringers/", views_pool.repeat_infringers, name="pool-repeat"),
]

from . import views_ledger  # noqa: E402

urlpatterns += [
    path("protection/cases/ledger.xlsx", views_ledger.case_ledger_export, name="case-ledger-export"),
]

from . import views_meetings  # noqa: E402

urlpatterns += [
    path("protection/meetings/", views_meetings.meeting_list, name="meeting-list"),
    path("protection/meetings/new/", views_meetings.meeting_new, name="meeting-new"),
    path("protection/meetings/frequency/", views_meetings.meeting_settings, name="meeting-settings"),
    path("protection/meetings/<int:pk>/", views_meetings.meeting_detail, name="meeting-detail"),
    path("protection/meetings/<int:pk>/minutes/", views_meetings.meeting_minutes, name="meeting-minutes"),
    path("protection/meetings/<int:pk>/decisions/", views_meetings.meeting_decision_new, name="meeting-decision-new"),
    path("protection/meetings/decisions/", views_meetings.decision_list, name="decision-list"),
    path("protection/meetings/decisions/<int:pk>/", views_meetings.decision_detail, name="decision-detail"),
    path("protection/meetings/decisions/<int:pk>/step/", views_meetings.decision_step, name="decision-step"),
]

from . import views_transfers  # noqa: E402

urlpatterns += [
    path("protection/transfers/", views_transfers.transfer_list, name="transfer-list"),
    path("protection/transfers/<int:pk>/", views_transfers.transfer_detail, name="transfer-detail"),
    path("protection/transfers/<int:pk>/step/", views_transfers.transfer_step, name="transfer-step"),
]
