from django.urls import path

from . import views_agencies

urlpatterns = [
    path("services/agencies/", views_agencies.agency_list, name="agency-list"),
    path("services/agencies/new/", views_agencies.agency_new, name="agency-new"),
    path("services/agencies/export.xlsx", views_agencies.agency_export, name="agency-export"),
    path("services/agencies/<int:pk>/", views_agencies.agency_detail, name="agency-detail"),
    path("services/agencies/<int:pk>/edit/", views_agencies.agency_edit, name="agency-edit"),
    path(
        "services/agencies/<int:pk>/qualifications/",
        views_agencies.agency_qualification_add,
        name="agency-qualification-add",
    ),
    path(
        "services/agencies/<int:pk>/practitioners/",
        views_agencies.agency_practitioner_add,
        name="agency-practitioner-add",
    ),
    path("services/agencies/<int:pk>/services/", views_agencies.agency_service_add, name="agency-service-add"),
    path("services/agencies/<int:pk>/publish/", views_agencies.agency_publish, name="agency-publish"),
]

from . import views_outlets  # noqa: E402

urlpatterns += [
    path("services/outlets/", views_outlets.outlet_list, name="outlet-list"),
    path("services/outlets/new/", views_outlets.outlet_new, name="outlet-new"),
    path("services/outlets/<int:pk>/", views_outlets.outlet_detail, name="outlet-detail"),
    path("services/outlets/<int:pk>/edit/", views_outlets.outlet_edit, name="outlet-edit"),
    path("services/outlets/<int:pk>/activities/", views_outlets.outlet_activity_add, name="outlet-activity-add"),
    path("services/outlets/<int:pk>/publish/", views_outlets.outlet_publish, name="outlet-publish"),
]

from . import views_custody  # noqa: E402

urlpatterns += [
    path("services/custody/", views_custody.custody_list, name="custody-list"),
    path("services/custody/new/", views_custody.custody_new, name="custody-new"),
    path("services/custody/export.xlsx", views_custody.custody_export, name="custody-export"),
    path("services/custody/<int:pk>/", views_custody.custody_detail, name="custody-detail"),
    path("services/custody/<int:pk>/edit/", views_custody.custody_edit, name="custody-edit"),
    path("services/custody/<int:pk>/services/", views_custody.custody_service_add, name="custody-service-add"),
    path("services/custody/<int:pk>/visits/", views_custody.custody_visit_add, name="custody-visit-add"),
    path("services/custody/<int:pk>/rating/", views_custody.custody_rate, name="custody-rate"),
    path("services/custody/applications/", views_custody.application_list, name="custody-application-list"),
    path("services/custody/applications/new/", views_custody.application_new, name="custody-application-new"),
    path(
        "services/custody/applications/<int:pk>/",
        views_custody.application_detail,
        name="custody-application-detail",
    ),
    path(
        "services/custody/applications/<int:pk>/step/",
        views_custody.application_step,
        name="custody-application-step",
    ),
    path(
        "services/custody/applications/<int:pk>/engagement/",
        views_custody.application_engage,
        name="custody-application-engage",
    ),
]

from . import views_experts  # noqa: E402

urlpatterns += [
    path("services/experts/", views_experts.expert_list, name="expert-list"),
    path("services/experts/new/", views_experts.expert_new, name="expert-new"),
    path("services/experts/<int:pk>/", views_experts.expert_detail, name="expert-detail"),
    path("services/experts/<int:pk>/edit/", views_experts.expert_edit, name="expert-edit"),
    path("services/expert-draws/new/", views_experts.expert_draw_new, name="expert-draw-new"),
    path("services/expert-draws/<int:pk>/", views_experts.expert_draw_detail, name="expert-draw-detail"),
]

from . import views_inspections  # noqa: E402

urlpatterns += [
    path("services/inspectors/", views_inspections.inspector_list, name="inspector-list"),
    path("services/inspectors/<int:pk>/", views_inspections.inspector_detail, name="inspector-detail"),
    path("services/inspections/", views_inspections.plan_list, name="inspection-plan-list"),
    path("services/inspections/new/", views_inspections.plan_new, name="inspection-plan-new"),
    path("services/inspections/<int:pk>/", views_inspections.plan_detail, name="inspection-plan-detail"),
    path("services/inspections/<int:pk>/export.xlsx", views_inspections.plan_export, name="inspection-plan-export"),
    path("draws/inspections/<int:pk>/", views_inspections.plan_verify, name="inspection-draw-verify"),
]
