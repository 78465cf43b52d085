"""REST API of the assessment: rounds with the rankings the reader may read (the office POSTs a round and moves
it on by `step`, the leadership approves by `step`), assessed units with their items, items with the records
behind each figure (a unit self-assesses, the office or the item's assessor reviews by `step`), appeals (the
office decides by `step`) and notices (edited and issued by `step`). Each reads through the scope, as the pages."""

from rest_framework import serializers

from zhichan.core.api import MadeElsewhere, ScopedViewSet, step_endpoint
from zhichan.core.roles import STAFF

from .models import Appeal, ItemScore, Notice, Participant, Round, Scheme
from .services import rounds
from .services.reading import explained, groups, sees_all
from .steps import APPEAL_STEPS, ITEM_STEPS, NOTICE_STEPS, PARTICIPANT_STEPS, ROUND_STEPS
from .views import OFFICE, RUNNERS


class AssessmentRoundSerializer(serializers.ModelSerializer):
    scheme = serializers.PrimaryKeyRelatedField(queryset=Scheme.objects.all(), write_only=True)
    groups = serializers.SerializerMethodField()

    class Meta:
        model = Round
        fields = [
            "id",
            "scheme",
            "title",
            "year",
            "half",
            "period_start",
            "period_end",
            "as_of",
            "state",
            "approved_on",
            "published_on",
            "appeal_deadline",
            "closed_on",
            "groups",
            "synthetic",
        ]
        read_only_fields = [
            "period_start",
            "period_end",
            "state",
            "approved_on",
            "published_on",
            "appeal_deadline",
            "closed_on",
            "synthetic",
        ]
        extra_kwargs = {"as_of": {"required": False}, "title": {"required": False}}

    def validate_scheme(self, scheme):
        if not Scheme.objects.editable_by(self.context["request"].user).filter(pk=scheme.pk).exists():
            raise serializers.ValidationError("unknown scheme")
        return scheme

    def get_groups(self, assessment_round) -> list[dict]:
        user = self.context["request"].user
        public = assessment_round.results_public
        found = []
        for block in groups(assessment_round, user):
            shown = public or not block["summary"] and sees_all(user)
            found.append(
                {
                    "key": block["group"]["key"],
                    "name": block["group"]["name"],
                    "units": [
                        {
                            "id": row.pk if row.pk in block["own"] else None,
                            "unit": row.unit.name,
                            "rank": row.rank if shown else None,
                            "total": str(row.total) if shown else None,
                            "grade": row.grade if shown else "",
                            "vetoed": row.vetoed if shown else None,
                        }
                        for row in block["rows"]
                    ],
                }
            )
        return found


class AssessmentRoundViewSet(ScopedViewSet):
    """Assessment rounds, newest first, with each group's ranking as the reader may read it."""

    queryset = Round.objects.all()
    serializer_class = AssessmentRoundSerializer
    allowed_roles = STAFF
    write_roles = RUNNERS
    http_method_names = ["get", "head", "options", "post"]
    create_action = rounds.open_round
    step = step_endpoint(
        ROUND_STEPS,
        "AssessmentRoundStep",
        AssessmentRoundSerializer,
        "Measure again; start the review; send for approval; approve or send back; publish; draft a notice; close.",
    )


class AssessmentItemSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    explanation = serializers.SerializerMethodField()
    counted = serializers.SerializerMethodField()

    class Meta:
        model = ItemScore
        fields = [
            "id",
            "participant",
            "key",
            "name",
            "kind",
            "source",
            "max_points",
            "value",
            "auto_points",
            "explanation",
            "basis",
            "self_points",
            "self_note",
            "points",
            "reason",
            "counted",
            "assessor",
        ]
        read_only_fields = fields

    def get_explanation(self, item) -> str:
        return explained(item)

    def get_counted(self, item) -> str | None:
        public = item.participant.round.results_public or sees_all(self.context["request"].user)
        return str(item.settled) if public and item.settled is not None else None


class AssessmentItemViewSet(MadeElsewhere, ScopedViewSet):
    """Every item the reader may read: its unit's own, or those its unit assesses; `?participant=` narrows."""

    queryset = ItemScore.objects.select_related("participant__round")
    serializer_class = AssessmentItemSerializer
    allowed_roles = STAFF
    write_roles = STAFF
    http_method_names = ["get", "head", "options", "post"]
    step = step_endpoint(
        ITEM_STEPS, "AssessmentItemStep", AssessmentItemSerializer, "Self-assess; attach evidence; review."
    )

    def get_queryset(self):
        found = super().get_queryset()
        participant = self.request.query_params.get("participant")
        return found.filter(participant_id=participant) if participant and participant.isdigit() else found


class AssessedUnitSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    result = serializers.SerializerMethodField()

    class Meta:
        model = Participant
        fields = ["id", "round", "unit", "unit_name", "group", "state", "submitted_at", "result"]
        read_only_fields = fields

    def get_result(self, participant) -> dict | None:
        if not participant.round.results_public and not sees_all(self.context["request"].user):
            return None
        return {
            "base": str(participant.base),
            "bonus": str(participant.bonus),
            "deduction": str(participant.deduction),
            "total": str(participant.total),
            "vetoed": participant.vetoed,
            "grade": participant.grade,
            "rank": participant.rank,
        }


class AssessedUnitViewSet(MadeElsewhere, ScopedViewSet):
    """The units assessed in each round the reader may read; `?round=` narrows."""

    queryset = Participant.objects.select_related("round", "unit")
    serializer_class = AssessedUnitSerializer
    allowed_roles = STAFF
    write_roles = STAFF
    http_method_names = ["get", "head", "options", "post"]
    step = step_endpoint(
        PARTICIPANT_STEPS, "AssessedUnitStep", AssessedUnitSerializer, "Submit the self-assessment; appeal."
    )

    def get_queryset(self):
        found = super().get_queryset()
        held = self.request.query_params.get("round")
        return found.filter(round_id=held) if held and held.isdigit() else found


class AssessmentAppealSerializer(serializers.ModelSerializer):
    class Meta:
        model = Appeal
        fields = ["id", "participant", "item", "reason", "filed_on", "state", "answer", "points", "decided_on"]
        read_only_fields = fields


class AssessmentAppealViewSet(MadeElsewhere, ScopedViewSet):
    """Appeals against published results: a unit's own; the office's all."""

    queryset = Appeal.objects.all()
    serializer_class = AssessmentAppealSerializer
    allowed_roles = STAFF
    write_roles = OFFICE
    http_method_names = ["get", "head", "options", "post"]
    step = step_endpoint(APPEAL_STEPS, "AssessmentAppealStep", AssessmentAppealSerializer, "Decide the appeal.")


class AssessmentNoticeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notice
        fields = [
            "id",
            "round",
            "kind",
            "participants",
            "number",
            "title",
            "addressee",
            "body",
            "authority",
            "public",
            "state",
            "issued_on",
            "synthetic",
        ]
        read_only_fields = fields


class AssessmentNoticeViewSet(MadeElsewhere, ScopedViewSet):
    """Praise and criticism notices: the office's drafts, and those issued for every staff role."""

    queryset = Notice.objects.all()
    serializer_class = AssessmentNoticeSerializer
    allowed_roles = STAFF
    write_roles = OFFICE
    http_method_names = ["get", "head", "options", "post"]
    step = step_endpoint(NOTICE_STEPS, "AssessmentNoticeStep", AssessmentNoticeSerializer, "Edit; number and issue.")
