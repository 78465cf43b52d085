from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from .models import (
    Attachment,
    AuthEvent,
    CalendarDay,
    CalendarYear,
    Clock,
    Committee,
    DeadlineRule,
    ExcludedPeriod,
    Extension,
    Membership,
    Notification,
    Person,
    Population,
    Region,
    TaskProgress,
    Unit,
    User,
)
from .services import accounts


@admin.register(Region)
class RegionAdmin(TreeAdmin, SimpleHistoryAdmin):
    form = movenodeform_factory(Region)
    list_display = ["name", "code", "kind"]
    search_fields = ["name", "code"]


@admin.register(Population)
class PopulationAdmin(SimpleHistoryAdmin):
    list_display = ["region", "year", "value", "as_of", "source"]
    list_filter = ["year"]
    raw_id_fields = ["region"]


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "organisation", "region", "parent", "active"]
    list_filter = ["organisation", "kind", "active"]
    search_fields = ["name", "short_name", "key"]
    raw_id_fields = ["organisation", "region"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "title", "is_ip_staff", "active"]
    list_filter = ["is_ip_staff", "active", "unit__kind"]
    search_fields = ["name", "unit__name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["person", "unit"]


@admin.register(Committee)
class CommitteeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "parent", "host_unit", "established"]
    list_filter = ["organisation"]
    raw_id_fields = ["organisation"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["committee", "seat", "person", "post", "start", "end"]
    list_filter = ["committee", "seat"]
    raw_id_fields = ["person", "unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "first_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = BaseUserAdmin.fieldsets + ((None, {"fields": ("role", "unit")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((None, {"fields": ("role", "unit")}),)
    raw_id_fields = ["unit"]
    actions = ["set_temporary_password"]

    @admin.action(description=_("Set a temporary password (for a user who forgot theirs)"))
    def set_temporary_password(self, request, queryset):
        for user in queryset:
            password = accounts.set_temporary_password(request.user, user, request)
            self.message_user(
                request,
                _("Temporary password of %(user)s: %(password)s — tell it to them in person or by phone.")
                % {"user": user.get_username(), "password": password},
                messages.WARNING,
            )


@admin.register(AuthEvent)
class AuthEventAdmin(admin.ModelAdmin):
    list_display = ["at", "kind", "username", "actor", "ip_address"]
    list_filter = ["kind"]
    search_fields = ["username"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(TaskProgress)
class TaskProgressAdmin(admin.ModelAdmin):
    list_display = ["label", "user", "state", "done", "total", "created"]
    list_filter = ["state"]


@admin.register(CalendarDay)
class CalendarDayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "kind", "name", "source"]
    list_filter = ["kind"]
    date_hierarchy = "date"


@admin.register(CalendarYear)
class CalendarYearAdmin(SimpleHistoryAdmin):
    list_display = ["year", "complete", "source"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created", "user", "title", "read_at"]
    search_fields = ["title", "user__username", "key"]
    raw_id_fields = ["user"]


@admin.register(Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    list_display = ["name", "record_type", "record_id", "content_type", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["record_type", "kind"]
    search_fields = ["name", "checksum"]
    readonly_fields = ["record_type", "record_id", "file", "content_type", "size", "checksum", "uploaded_by"]

    def has_add_permission(self, request):
        return False  # files come in through the pages and the API, where their type and size are checked


# --- clocks: the office corrects a rule here; a reload of the data file then keeps the correction ----------------


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(SimpleHistoryAdmin):
    list_display = ["key", "name", "length", "unit", "start_event", "extensions_allowed", "confirmed", "from_file"]
    list_filter = ["unit", "confirmed", "from_file"]
    search_fields = ["key", "name", "name_en", "source"]
    readonly_fields = ["from_file"]

    def save_model(self, request, obj, form, change):
        obj.from_file = False
        super().save_model(request, obj, form, change)


class ExtensionInline(admin.TabularInline):
    model = Extension
    extra = 0
    fields = ["length", "approver", "approved_on", "reason", "recorded_by"]
    readonly_fields = ["recorded_by"]


class ExcludedPeriodInline(admin.TabularInline):
    model = ExcludedPeriod
    extra = 0
    fields = ["start", "end", "reason", "recorded_by"]
    readonly_fields = ["recorded_by"]


@admin.register(Clock)
class ClockAdmin(SimpleHistoryAdmin):
    list_display = ["rule", "content_type", "object_id", "started_on", "stopped_on"]
    list_filter = ["rule", "content_type"]
    inlines = [ExtensionInline, ExcludedPeriodInline]
