"""REST API for credit records and the serious-dishonesty list: read them (every staff role; a person's ID number
only for the office and the finding unit), enter one (POST, as the page does), take a step (POST …/step/ with
`step` and that step's fields, the same forms as the pages)."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.models import Unit
from zhichan.core.roles import LIAISONS, Role
from zhichan.protection.models import Case

from .models import DishonestyKind, DishonestyRecord, SeriousListEntry
from .services import records, serious
from .services.subjects import shown_id, shown_name
from .steps import ENTRY_STEPS, RECORD_STEPS

WRITERS = frozenset({Role.OFFICE, *LIAISONS})
SUBJECT_FIELDS = ["subject_kind", "subject_name", "credit_code", "id_number", "unit", "case"]
RECORD_WRITABLE = {*SUBJECT_FIELDS, "kind", "source", "inspection_reference", "found_on", "document_number", "facts"}
LISTING_WRITABLE = {*SUBJECT_FIELDS, "decision_number", "listed_on", "reasons"}


class VisibleCase(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        return Case.objects.visible_to(self.context["request"].user)


class SubjectSerializer(serializers.ModelSerializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.filter(active=True))
    case = VisibleCase(queryset=Case.objects.all(), required=False, allow_null=True)
    id_number = serializers.CharField(max_length=18, required=False, allow_blank=True)
    credit_code = serializers.CharField(max_length=18, required=False, allow_blank=True)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        user = self.context["request"].user
        data["subject_name"] = shown_name(instance, user)
        data["id_number"] = shown_id(instance, user)
        return data


class RecordSerializer(SubjectSerializer):
    kind = serializers.SlugRelatedField(slug_field="key", queryset=DishonestyKind.objects.all())
    standing = serializers.CharField(read_only=True)

    class Meta:
        model = DishonestyRecord
        fields = [
            "id",
            *SUBJECT_FIELDS,
            "kind",
            "source",
            "inspection_reference",
            "found_on",
            "document_number",
            "facts",
            "measures",
            "published_from",
            "published_to",
            "period_reason",
            "state",
            "standing",
            "ended_on",
            "revoked_reason",
            "published",
            "published_on",
            "synthetic",
        ]
        read_only_fields = [name for name in fields if name not in RECORD_WRITABLE]


class RecordViewSet(ScopedViewSet):
    """Dishonesty records. POST enters one; `step` takes ask_repair (asked_on, conditions, statement),
    approve_repair and refuse_repair (day, reasons), change_period (published_to, reason), publish (day; the office)
    or revoke (day, reason)."""

    queryset = DishonestyRecord.objects.select_related("kind", "unit")
    serializer_class = RecordSerializer
    filterset_fields = ["state", "unit", "source", "credit_code"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = records.enter_record

    step = step_endpoint(RECORD_STEPS, "CreditRecordStep", RecordSerializer, "Take a step on a dishonesty record.")


class ListingSerializer(SubjectSerializer):
    class Meta:
        model = SeriousListEntry
        fields = [
            "id",
            *SUBJECT_FIELDS,
            "decision_number",
            "listed_on",
            "reasons",
            "state",
            "removed_on",
            "removal_note",
            "published",
            "published_on",
            "synthetic",
        ]
        read_only_fields = [name for name in fields if name not in LISTING_WRITABLE]


class ListingViewSet(ScopedViewSet):
    """The serious-dishonesty list. POST lists a party; `step` takes ask_removal (asked_on, conditions, statement),
    approve_removal and refuse_removal (day, reasons), remove (day, note), publish (day; the office) or revoke
    (day, reason)."""

    queryset = SeriousListEntry.objects.select_related("unit")
    serializer_class = ListingSerializer
    filterset_fields = ["state", "unit", "credit_code"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = serious.list_subject

    step = step_endpoint(ENTRY_STEPS, "CreditListingStep", ListingSerializer, "Take a step on a serious-list entry.")
