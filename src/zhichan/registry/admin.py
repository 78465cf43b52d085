from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Copyright,
    Enterprise,
    EnterpriseDesignation,
    GeographicalIndication,
    Patent,
    PatentEvent,
    Trademark,
    TrademarkEvent,
)


class RecordAdmin(SimpleHistoryAdmin):
    """A register's record: its own fields first, then where it came from (the fields of models/records.py)."""

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        provenance = [name for name in ("source", "import_batch", "synthetic") if name in fields]
        return [name for name in fields if name not in provenance] + provenance


class EnterpriseDesignationInline(admin.TabularInline):
    model = EnterpriseDesignation
    extra = 0
    fields = ["kind", "level", "granted_on", "expires_on", "document"]


@admin.register(Enterprise)
class EnterpriseAdmin(SimpleHistoryAdmin):
    list_display = ["name", "uscc", "region", "industry_code", "size", "ip_institution", "ip_strategy", "synthetic"]
    list_filter = ["size", "ip_institution", "ip_strategy", "synthetic"]
    search_fields = ["name", "uscc", "industry_code"]
    autocomplete_fields = ["members"]
    # Merging moves holdings too, so it goes through services.enterprises.merge, not this form.
    readonly_fields = ["merged_into"]
    raw_id_fields = ["region"]
    fieldsets = [
        (None, {"fields": ["name", "uscc", "region", "address", "industry_code", "size", "merged_into"]}),
        (_("IP management (四(一)3)"), {"fields": ["ip_institution", "ip_institution_name", "ip_staff_full_time"]}),
        (_("IP strategy (四(二))"), {"fields": ["ip_strategy", "ip_strategy_adopted", "ip_strategy_note"]}),
        (None, {"fields": ["members", "synthetic"]}),
    ]
    inlines = [EnterpriseDesignationInline]


class PatentEventInline(admin.TabularInline):
    model = PatentEvent
    extra = 0


@admin.register(Patent)
class PatentAdmin(RecordAdmin):
    list_display = ["application_number", "title", "patent_type", "filing_date", "grant_date", "region", "synthetic"]
    list_filter = ["patent_type", "strategic_emerging", "foreign_family", "high_pledge_financing", "synthetic"]
    search_fields = ["application_number", "title", "applicants", "grant_number", "award"]
    autocomplete_fields = ["holders"]
    raw_id_fields = ["region"]
    date_hierarchy = "filing_date"
    inlines = [PatentEventInline]


class TrademarkEventInline(admin.TabularInline):
    model = TrademarkEvent
    extra = 0


@admin.register(Trademark)
class TrademarkAdmin(RecordAdmin):
    list_display = ["registration_number", "mark", "nice_classes", "kind", "gi_mark", "registration_date", "region"]
    list_filter = ["kind", "gi_mark", "madrid", "synthetic"]
    search_fields = ["registration_number", "mark", "applicant_name"]
    autocomplete_fields = ["holders"]
    raw_id_fields = ["region"]
    inlines = [TrademarkEventInline]


@admin.register(Copyright)
class CopyrightAdmin(RecordAdmin):
    list_display = ["registration_number", "title", "kind", "category", "registration_date", "region"]
    list_filter = ["kind", "category", "synthetic"]
    search_fields = ["registration_number", "title", "owner_name"]
    autocomplete_fields = ["owners"]
    raw_id_fields = ["region"]


@admin.register(GeographicalIndication)
class GeographicalIndicationAdmin(RecordAdmin):
    list_display = ["name", "kind", "holder_name", "approval_date", "region"]
    list_filter = ["kind", "synthetic"]
    search_fields = ["name", "holder_name", "announcement_number"]
    raw_id_fields = ["holder", "region", "trademark"]
