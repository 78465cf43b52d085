"""REST API for enforcement cases: read the cases the user may see, enter a lead (POST), and take a step
(POST …/step/ with `step` and that step's fields, the same as the case page's forms)."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.models import Region
from zhichan.core.roles import LIAISONS, Role

from .models import Case, CaseKind, PartyKind, SpecialAction
from .services import cases
from .services.clocks import case_readings
from .services.parties import id_shown
from .steps import STEPS

WRITERS = frozenset({Role.OFFICE, *LIAISONS})


class PartySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(PartyKind.choices)
    name = serializers.CharField(max_length=200)
    credit_code = serializers.CharField(max_length=18, required=False, allow_blank=True, default="")
    id_number = serializers.CharField(max_length=18, required=False, allow_blank=True, default="")


class CaseSerializer(serializers.ModelSerializer):
    kind = serializers.SlugRelatedField(slug_field="key", queryset=CaseKind.objects.all())
    township = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all(), required=False, allow_null=True)
    parties = PartySerializer(many=True, required=False)
    clocks = serializers.SerializerMethodField()
    action = serializers.PrimaryKeyRelatedField(queryset=SpecialAction.objects.all(), required=False, allow_null=True)
    transfers = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "id",
            "unit",
            "number",
            "title",
            "kind",
            "ip_type",
            "source",
            "township",
            "goods",
            "state",
            "lead_on",
            "filed_on",
            "decided_on",
            "ended_on",
            "decision_number",
            "illegal_turnover",
            "fine",
            "confiscation",
            "compensation",
            "punitive_damages",
            "outcome_note",
            "parties",
            "clocks",
            "transfers",
            "synthetic",
            "action",
        ]
        read_only_fields = [
            "ip_type",
            "state",
            "filed_on",
            "decided_on",
            "ended_on",
            "decision_number",
            "illegal_turnover",
            "fine",
            "confiscation",
            "compensation",
            "punitive_damages",
            "outcome_note",
            "synthetic",
        ]
        validators = []  # the number's uniqueness in its unit is checked by the action, with its message

    def to_representation(self, case):
        data = super().to_representation(case)
        user = self.context["request"].user
        data["parties"] = [
            {
                "kind": party.kind,
                "name": party.name,
                "credit_code": party.credit_code,
                "enterprise": party.enterprise_id,
                "id_number": id_shown(party, user),
            }
            for party in case.parties.all()
        ]
        return data

    def get_clocks(self, case) -> list[dict]:
        return [
            {
                "rule": reading.rule.key,
                "state": str(reading.state.value),
                "due": reading.due.isoformat(),
                "days_left": reading.days_left,
                "summary": reading.summary,
                "reasons": reading.lines,
            }
            for reading in case_readings(case)
        ]

    def get_transfers(self, case) -> list[dict]:
        """The case's transfers to the police (/api/v1/protection/transfers/), newest first."""
        return [{"id": transfer.pk, "state": transfer.state} for transfer in case.transfers.all()]


class CaseViewSet(ScopedViewSet):
    """Enforcement cases. POST enters a lead (its filing clock starts); `step` moves it on."""

    queryset = Case.objects.select_related("kind", "unit", "township").prefetch_related("parties", "transfers")
    serializer_class = CaseSerializer
    filterset_fields = ["state", "ip_type", "unit", "township", "kind__key"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = cases.open_case

    step = step_endpoint(
        STEPS,
        "CaseStep",
        CaseSerializer,
        """Take a step: `step` (file, decline, investigate, decide, enforce, close, suspend, resume, extend,
        report_transfer, withdraw) and its fields — day, note, number and amounts, pause and start, period and end,
        length, approver, approved_on and reason; reported_on, officers and report_note for report_transfer (the
        transfer then moves on at /api/v1/protection/transfers/).""",
    )
