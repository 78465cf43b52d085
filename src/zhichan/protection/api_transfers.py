"""REST API for transfers to criminal justice (行刑衔接): read those the user's side may see, report a case for
transfer (POST, as the case's step `report_transfer` does), and take a step (POST …/step/ with `step` and that
step's fields, the same forms as the page; each side only its own steps)."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.roles import LIAISONS, Role

from .models import Case, Transfer
from .services import transfers
from .transfer_steps import STEPS

WRITERS = frozenset({Role.OFFICE, *LIAISONS})


class VisibleCase(serializers.PrimaryKeyRelatedField):
    """A case the user reads (another unit's is "not found", as its address is)."""

    def get_queryset(self):
        return Case.objects.visible_to(self.context["request"].user)


class TransferSerializer(serializers.ModelSerializer):
    case = VisibleCase(queryset=Case.objects.all())
    case_number = serializers.CharField(source="case.number", read_only=True)
    officers = serializers.ListField(child=serializers.CharField(max_length=50), min_length=1)
    hours_to_send = serializers.FloatField(read_only=True, allow_null=True)
    over_24_hours = serializers.BooleanField(read_only=True)
    clocks = serializers.SerializerMethodField()
    # Declared so the schema says a decision not taken yet gives "" (a read-only field drops allow_blank).
    police_decision = serializers.ChoiceField(Transfer.police_decision.field.choices, allow_blank=True, read_only=True)
    reconsideration_outcome = serializers.ChoiceField(
        Transfer.reconsideration_outcome.field.choices, allow_blank=True, read_only=True
    )
    supervision_outcome = serializers.ChoiceField(
        Transfer.supervision_outcome.field.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Transfer
        fields = [
            "id",
            "case",
            "case_number",
            "unit",
            "state",
            "reported_on",
            "officers",
            "report_note",
            "approver",
            "approval_at",
            "not_approved_reasons",
            "sent_at",
            "hours_to_send",
            "over_24_hours",
            "police",
            "police_received_on",
            "police_decision",
            "police_decided_on",
            "police_reasons",
            "passed_to",
            "reconsideration_asked_on",
            "reconsideration_answered_on",
            "reconsideration_outcome",
            "reconsideration_note",
            "procuratorate",
            "copied_on",
            "supervision_asked_on",
            "supervision_outcome",
            "supervision_outcome_on",
            "supervision_note",
            "handed_over_on",
            "returned_on",
            "return_note",
            "clocks",
            "synthetic",
        ]
        read_only_fields = [name for name in fields if name not in ("case", "reported_on", "officers", "report_note")]

    def get_clocks(self, transfer) -> list[dict]:
        return [
            {
                "rule": reading.rule.key,
                "state": str(reading.state.value),
                "due": reading.due.isoformat(),
                "days_left": reading.days_left,
                "summary": reading.summary,
                "reasons": reading.lines,
                "running": reading.stopped is None,
            }
            for reading in transfers.transfer_readings(transfer)
        ]


class TransferViewSet(ScopedViewSet):
    """Transfers to criminal justice. POST reports a case for transfer (`case`, `reported_on`, `officers`: two names
    or more, `report_note`); `step` moves it on, each side its own steps."""

    queryset = Transfer.objects.select_related("case", "unit", "police", "procuratorate")
    serializer_class = TransferSerializer
    filterset_fields = ["state", "unit", "police", "procuratorate", "case"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = transfers.report

    step = step_endpoint(
        STEPS,
        "TransferStep",
        TransferSerializer,
        """Take a step: `step` and its fields. The reporting unit: approve and not_approve (approver, at — a date and
        time — and reasons), send (at, police, copied_on, procuratorate), copy (day, procuratorate), reconsider (day),
        ask_supervision (day, procuratorate), accept (day, note), hand_over (day), take_back (day, note). The police:
        receive (day), decide (decision: opened, refused or passed-on; day, reasons, passed_to), answer (outcome:
        opened or upheld; day, note). The procuratorate: supervise (outcome, day, note).""",
    )
