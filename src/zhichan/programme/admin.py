from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from zhichan.core.models import Attachment

from .models import Assignment, Goal, Milestone, Programme, ProgressReport, Target, Task, UnitPlan, Urging


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "document_number", "region", "start", "end", "reporting"]


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["programme", "number", "title"]
    list_filter = ["programme"]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "comparator", "value", "unit", "kind", "deadline"]
    list_filter = ["programme", "kind"]
    raw_id_fields = ["parent", "subregions"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    raw_id_fields = ["unit", "confirmed_by"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["key", "number", "title", "kind", "deadline", "completed_on"]
    list_filter = ["programme", "kind"]
    search_fields = ["key", "title"]
    inlines = [AssignmentInline, MilestoneInline]
    raw_id_fields = ["parent"]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Assignment and formset.has_changed():
            # Same rule as the task page: once the office decides the units, reloads leave them alone.
            Task.objects.filter(pk=form.instance.pk).update(units_decided_at=timezone.now())


@admin.register(UnitPlan)
class UnitPlanAdmin(SimpleHistoryAdmin):
    list_display = ["task", "unit", "updated"]


class EvidenceInline(GenericTabularInline):
    model = Attachment
    ct_field, ct_fk_field = "record_type", "record_id"
    extra = 0
    fields = readonly_fields = ["name", "content_type", "size", "uploaded_by", "uploaded_at"]

    def has_add_permission(self, request, obj=None):
        return False  # evidence comes in through the report page, where its type and size are checked


@admin.register(ProgressReport)
class ProgressReportAdmin(SimpleHistoryAdmin):
    list_display = ["task", "unit", "period_start", "state", "percent", "synthetic"]
    list_filter = ["state", "synthetic", "period_start"]
    search_fields = ["task__title", "unit__name"]
    readonly_fields = ["state"]
    inlines = [EvidenceInline]


@admin.register(Urging)
class UrgingAdmin(SimpleHistoryAdmin):
    list_display = ["urged_at", "unit", "task", "urged_by", "answered_at"]
    list_filter = ["programme", "unit"]
    raw_id_fields = ["task", "unit", "urged_by", "answered_by"]
