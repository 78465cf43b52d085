"""REST API for mediations (with their judicial confirmation) and rights-assistance requests: read what the user
may see, take one in (POST), and move it on (POST …/step/, …/ruling/, …/close/) with the same forms as the pages."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.models import Region
from zhichan.core.roles import LIAISONS, Role

from .forms_mediation import CloseRequestForm, RulingForm
from .mediation_steps import STEPS
from .models import AssistanceOutcome, AssistanceRequest, JudicialConfirmation, Mediation, Ruling, Side
from .services import assistance
from .services import mediation as mediations

WRITERS = frozenset({Role.OFFICE, *LIAISONS})


class MediationPartySerializer(serializers.Serializer):
    side = serializers.ChoiceField(Side.choices)
    name = serializers.CharField(max_length=200)
    credit_code = serializers.CharField(max_length=18, required=False, allow_blank=True, default="")


class ConfirmationSerializer(serializers.ModelSerializer):
    # Declared so the schema says an application not ruled on yet gives "" (a read-only field drops allow_blank).
    ruling = serializers.ChoiceField(choices=Ruling.choices, allow_blank=True, read_only=True)

    class Meta:
        model = JudicialConfirmation
        fields = ["id", "mediation", "court", "applied_on", "ruling", "ruled_on", "ruling_number", "note"]
        read_only_fields = fields


class MediationSerializer(serializers.ModelSerializer):
    township = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all(), required=False, allow_null=True)
    parties = MediationPartySerializer(many=True, required=False)
    sessions = serializers.SerializerMethodField()
    confirmation = serializers.SerializerMethodField()
    clocks = serializers.SerializerMethodField()

    class Meta:
        model = Mediation
        fields = [
            "id",
            "unit",
            "number",
            "title",
            "kind",
            "rights",
            "claim",
            "mediator",
            "township",
            "state",
            "received_on",
            "ended_on",
            "outcome_note",
            "parties",
            "sessions",
            "confirmation",
            "clocks",
            "synthetic",
        ]
        read_only_fields = ["state", "ended_on", "outcome_note", "synthetic"]
        validators = []  # the number's uniqueness in its unit is checked by the action, with its message

    def to_representation(self, mediation):
        data = super().to_representation(mediation)
        data["parties"] = [
            {
                "side": party.side,
                "name": party.name,
                "credit_code": party.credit_code,
                "enterprise": party.enterprise_id,
            }
            for party in mediation.parties.all()
        ]
        return data

    def get_sessions(self, mediation) -> list[dict]:
        return [{"day": session.held_on.isoformat(), "note": session.note} for session in mediation.sessions.all()]

    def get_confirmation(self, mediation) -> dict | None:
        found = JudicialConfirmation.objects.filter(mediation=mediation).first()
        return ConfirmationSerializer(found).data if found else None

    def get_clocks(self, mediation) -> list[dict]:
        return [
            {
                "rule": reading.rule.key,
                "state": str(reading.state.value),
                "due": reading.due.isoformat(),
                "days_left": reading.days_left,
                "summary": reading.summary,
            }
            for reading in mediations.confirmation_readings(mediation)
        ]


class MediationViewSet(ScopedViewSet):
    """Mediations. POST takes a dispute in; `step` moves it on (session, agree, fail, refer, withdraw, attach,
    apply)."""

    queryset = Mediation.objects.select_related("unit", "township").prefetch_related("parties", "sessions")
    serializer_class = MediationSerializer
    filterset_fields = ["state", "kind", "unit", "township"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = mediations.open_mediation

    step = step_endpoint(
        STEPS,
        "MediationStep",
        MediationSerializer,
        """Take a step: `step` and its fields — day and note; agreement (a file) for agree and attach; court for
        apply.""",
    )


class ConfirmationViewSet(ScopedViewSet):
    """Applications for judicial confirmation: the court reads its own and POSTs `ruling` (ruling, day, number,
    note)."""

    queryset = JudicialConfirmation.objects.select_related("mediation", "court")
    serializer_class = ConfirmationSerializer
    filterset_fields = ["court", "ruling"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    def create(self, request, *args, **kwargs):
        raise ValidationError({"detail": ["An application is recorded on its mediation (step apply)."]})

    @extend_schema(request=inline_serializer("Ruling", fields={"ruling": serializers.CharField()}))
    @action(detail=True, methods=["post"])
    def ruling(self, request, pk=None):
        confirmation = self.get_object()
        form = RulingForm(request.data)
        if not form.is_valid():
            raise ValidationError(form.errors)
        data = form.cleaned_data
        mediations.rule(confirmation, request.user, data["ruling"], data["day"], data["number"], data["note"])
        return Response(self.get_serializer(confirmation).data)


class AssistanceSerializer(serializers.ModelSerializer):
    outcome = serializers.ChoiceField(choices=AssistanceOutcome.choices, allow_blank=True, read_only=True)

    township = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all(), required=False, allow_null=True)

    class Meta:
        model = AssistanceRequest
        fields = [
            "id",
            "unit",
            "kind",
            "requester",
            "credit_code",
            "enterprise",
            "matter",
            "township",
            "requested_on",
            "outcome",
            "closed_on",
            "outcome_note",
            "synthetic",
        ]
        read_only_fields = ["enterprise", "outcome", "closed_on", "outcome_note", "synthetic"]


class AssistanceViewSet(ScopedViewSet):
    """Rights-assistance requests. POST takes one in; `close` ends it (outcome, day, note)."""

    queryset = AssistanceRequest.objects.select_related("unit", "township")
    serializer_class = AssistanceSerializer
    filterset_fields = ["kind", "outcome", "unit", "township"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = assistance.open_request

    @extend_schema(request=inline_serializer("CloseRequest", fields={"outcome": serializers.CharField()}))
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        item = self.get_object()
        form = CloseRequestForm(request.data)
        if not form.is_valid():
            raise ValidationError(form.errors)
        data = form.cleaned_data
        assistance.close_request(item, request.user, data["outcome"], data["day"], data["note"])
        return Response(self.get_serializer(item).data)
