"""The office's admin for the protection records: to read and correct them, with their history. States and the
records' own steps move only by the actions (the pages and API), so the state is read-only here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AssistanceRequest, JudicialConfirmation, Mediation, MediationParty, MediationSession


class MediationPartyInline(admin.TabularInline):
    model = MediationParty
    extra = 0
    raw_id_fields = ["enterprise"]


class MediationSessionInline(admin.TabularInline):
    model = MediationSession
    extra = 0


@admin.register(Mediation)
class MediationAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "unit", "kind", "state", "received_on", "ended_on", "synthetic"]
    list_filter = ["state", "kind", "unit", "synthetic"]
    search_fields = ["number", "title"]
    readonly_fields = ["state", "created_by"]
    raw_id_fields = ["township"]
    inlines = [MediationPartyInline, MediationSessionInline]


@admin.register(JudicialConfirmation)
class JudicialConfirmationAdmin(SimpleHistoryAdmin):
    list_display = ["mediation", "court", "applied_on", "ruling", "ruled_on", "ruling_number"]
    list_filter = ["ruling", "court"]
    raw_id_fields = ["mediation"]


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(SimpleHistoryAdmin):
    list_display = ["requester", "unit", "kind", "requested_on", "outcome", "closed_on", "synthetic"]
    list_filter = ["kind", "outcome", "unit", "synthetic"]
    search_fields = ["requester", "credit_code"]
    readonly_fields = ["created_by"]
    raw_id_fields = ["township", "enterprise"]


# Joint meetings: the office reads and corrects them with their history; a decision's state moves only by its steps.
from .models import JointMeeting, MeetingAttendance, MeetingDecision, MeetingFrequency  # noqa: E402


class MeetingAttendanceInline(admin.TabularInline):
    model = MeetingAttendance
    extra = 0


@admin.register(JointMeeting)
class JointMeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "held_on", "kind", "convener", "organisation", "synthetic"]
    list_filter = ["kind", "synthetic"]
    search_fields = ["title", "agenda"]
    readonly_fields = ["created_by"]
    inlines = [MeetingAttendanceInline]


@admin.register(MeetingDecision)
class MeetingDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "number", "unit", "deadline", "state", "done_on", "synthetic"]
    list_filter = ["state", "unit", "synthetic"]
    search_fields = ["text"]
    readonly_fields = ["state"]
    raw_id_fields = ["meeting"]


@admin.register(MeetingFrequency)
class MeetingFrequencyAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "months", "notice_days", "updated"]


from .models import Transfer  # noqa: E402


@admin.register(Transfer)
class TransferAdmin(SimpleHistoryAdmin):
    list_display = ["case", "unit", "state", "reported_on", "sent_at", "police", "police_decision", "synthetic"]
    list_filter = ["state", "police_decision", "unit", "synthetic"]
    list_select_related = ["case", "unit", "police"]
    search_fields = ["case__number", "case__title"]
    readonly_fields = ["state", "created_by"]
    raw_id_fields = ["case"]
