"""The office's admin for the expert pool and random inspections: to read and correct entries, with their history.
A plan's state, pools and draw move only by the actions, and its seed is never shown here (it is secret until the
draw, and the pages publish it then)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Expert, ExpertRules, InspectionPlan, Inspector


@admin.register(Expert)
class ExpertAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "employer", "available", "unavailable_until", "synthetic"]
    list_filter = ["available", "synthetic"]
    search_fields = ["number", "name", "employer"]
    readonly_fields = ["number"]


@admin.register(ExpertRules)
class ExpertRulesAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "rest_days"]


@admin.register(Inspector)
class InspectorAdmin(SimpleHistoryAdmin):
    list_display = ["certificate_number", "name", "unit", "field", "active", "synthetic"]
    list_filter = ["active", "unit", "synthetic"]
    search_fields = ["certificate_number", "name"]


@admin.register(InspectionPlan)
class InspectionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "starts_on", "ends_on", "state", "synthetic"]
    list_filter = ["state", "unit", "synthetic"]
    search_fields = ["name"]
    exclude = ["seed"]
    readonly_fields = [*InspectionPlan.STEP_WRITTEN, "proportions"]
