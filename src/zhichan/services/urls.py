from django.urls import path

from . import views_experts

urlpatterns = [
    path("services/experts/", views_experts.expert_list, name="expert-list"),
    path("services/experts/new/", views_experts.expert_new, name="expert-new"),
    path("services/experts/<int:pk>/", views_experts.expert_detail, name="expert-detail"),
    path("services/expert-draws/new/", views_experts.expert_draw_new, name="expert-draw-new"),
    path("services/expert-draws/<int:pk>/", views_experts.expert_draw_detail, name="expert-draw-detail"),
]

from . import views_inspections  # noqa: E402

urlpatterns += [
    path("services/inspectors/", views_inspections.inspector_list, name="inspector-list"),
    path("services/inspections/", views_inspections.plan_list, name="inspection-plan-list"),
    path("services/inspections/new/", views_inspections.plan_new, name="inspection-plan-new"),
    path("services/inspections/<int:pk>/", views_inspections.plan_detail, name="inspection-plan-detail"),
    path("services/inspections/<int:pk>/export.xlsx", views_inspections.plan_export, name="inspection-plan-export"),
    path("draws/inspections/<int:pk>/", views_inspections.plan_verify, name="inspection-draw-verify"),
]
