"""REST API for complaints and tips: read those the user may see (the complainant's identity masked as on the
pages), take one in (POST), and take a step (POST …/step/ with `step` and that step's fields, as on the page)."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet
from zhichan.core.roles import LIAISONS, Role

from .complaint_steps import STEPS, form_for
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

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        complaint = complaints.take_complaint(
            request.user,
            unit=data["unit"],
            kind=data["kind"],
            channel=data["channel"],
            received_on=data["received_on"],
            matter=data["matter"],
            ip_type=data.get("ip_type", "other"),
            anonymous=data.get("anonymous", False),
            complainant_name=data.get("complainant_name", ""),
            complainant_contact=data.get("complainant_contact", ""),
            complainant_id_number=data.get("complainant_id_number", ""),
            respondent_name=data.get("respondent_name", ""),
            respondent_credit_code=data.get("respondent_credit_code", ""),
        )
        return Response(self.get_serializer(complaint).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=inline_serializer("ComplaintStep", fields={"step": serializers.ChoiceField(sorted(STEPS))}),
        responses=ComplaintSerializer,
    )
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None):
        """Take a step: `step` (route, accept, decline, hand_back, reply, open_case, close) and its fields — unit
        and day; day; day and reason; note; day and text; number, title, kind (key), lead_on and township; day."""
        complaint = self.get_object()
        step = STEPS.get(request.data.get("step", ""))
        if step is None:
            raise ValidationError({"step": [f"one of {', '.join(sorted(STEPS))}"]})
        form = form_for(step, complaint, request.data)
        if not form.is_valid():
            raise ValidationError(form.errors)
        step.run(complaint, request.user, form.cleaned_data)
        complaint.refresh_from_db()
        return Response(self.get_serializer(complaint).data)
