"""REST API for complaints and tips: read those the user may see (the complainant's identity masked as on the
pages), take one in (POST), and take a step (POST …/step/ with `step` and that step's fields, as on the page)."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.roles import LIAISONS, Role

from .complaint_steps import STEPS
from .models import Complaint
from .services import complaints

WRITERS = frozenset({Role.OFFICE, *LIAISONS})
IDENTITY = ("complainant_name", "complainant_contact", "complainant_id_number")


class ComplaintSerializer(serializers.ModelSerializer):
    clocks = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "id",
            "kind",
            "channel",
            "received_on",
            "received_by",
            "unit",
            "anonymous",
            *IDENTITY,
            "matter",
            "respondent_name",
            "respondent_credit_code",
            "ip_type",
            "state",
            "routed_on",
            "handed_back_note",
            "accepted_on",
            "not_accepted_on",
            "not_accepted_reason",
            "reply",
            "replied_on",
            "closed_on",
            "case",
            "clocks",
            "synthetic",
        ]
        read_only_fields = [
            "received_by",
            "state",
            "routed_on",
            "handed_back_note",
            "accepted_on",
            "not_accepted_on",
            "not_accepted_reason",
            "reply",
            "replied_on",
            "closed_on",
            "case",
            "synthetic",
        ]

    def to_representation(self, complaint):
        data = super().to_representation(complaint)
        data.update(complaints.identity(complaint, self.context["request"].user))
        return data

    def get_clocks(self, complaint) -> list[dict]:
        return [
            {
                "rule": reading.rule.key,
                "state": str(reading.state.value),
                "due": reading.due.isoformat(),
                "days_left": reading.days_left,
                "summary": reading.summary,
                "reasons": reading.lines,
            }
            for reading in complaints.complaint_readings(complaint)
        ]


class ComplaintViewSet(ScopedViewSet):
    """Complaints and tips. POST takes one in (its acceptance clock starts); `step` moves it on."""

    queryset = Complaint.objects.select_related("unit", "case")
    serializer_class = ComplaintSerializer
    filterset_fields = ["state", "kind", "channel", "unit", "ip_type"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = complaints.take_complaint

    step = step_endpoint(
        STEPS,
        "ComplaintStep",
        ComplaintSerializer,
        """Take a step: `step` (route, accept, decline, hand_back, reply, open_case, close) and its fields — unit
        and day; day; day and reason; note; day and text; number, title, kind (key), lead_on and township; day.""",
    )
