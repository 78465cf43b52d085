"""REST API for special enforcement actions and inspections: read what the user may see; the office sets an action
up (POST) and changes it (PATCH, PUT) through the actions of services/special_actions.py; GET …/<id>/summary/
gives the action's figures; a unit records an inspection (POST)."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet
from zhichan.core.models import Region, Unit
from zhichan.core.roles import LIAISONS, Role

from .models import Case, Inspection, IPType, SpecialAction
from .services import special_action_summary as summaries
from .services import special_actions

OFFICE = frozenset({Role.OFFICE})
WRITERS = frozenset({Role.OFFICE, *LIAISONS})


class SpecialActionSerializer(serializers.ModelSerializer):
    ip_types = serializers.ListField(child=serializers.ChoiceField(IPType.choices), allow_empty=False)
    lead_unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    units = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), many=True, required=False)
    areas = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all(), many=True, required=False)
    state = serializers.SerializerMethodField()

    class Meta:
        model = SpecialAction
        fields = [
            "id",
            "organisation",
            "name",
            "start",
            "end",
            "state",
            "ip_types",
            "lead_unit",
            "units",
            "areas",
            "targets",
            "planned_inspections",
            "planned_cases",
            "note",
            "synthetic",
        ]
        read_only_fields = ["organisation", "synthetic"]
        validators = []  # the name's uniqueness in its organisation is checked by the action, with its message

    def get_state(self, special_action) -> str:
        return special_action.state_on(timezone.localdate())


class FiguresSerializer(serializers.Serializer):
    label = serializers.CharField()
    inspections = serializers.IntegerField()
    seized = serializers.IntegerField()
    cases = serializers.IntegerField()
    illegal_turnover = serializers.DecimalField(max_digits=16, decimal_places=2)
    fine = serializers.DecimalField(max_digits=16, decimal_places=2)
    confiscation = serializers.DecimalField(max_digits=16, decimal_places=2)


def _counts(name):
    return serializers.ListField(
        child=inline_serializer(name, fields={"label": serializers.CharField(), "cases": serializers.IntegerField()})
    )


class SummarySerializer(serializers.Serializer):
    total = FiguresSerializer()
    units = FiguresSerializer(many=True)
    townships = FiguresSerializer(many=True)
    by_kind = _counts("CountByKind")
    by_ip_type = _counts("CountByIPType")
    by_state = _counts("CountByState")
    complete = serializers.BooleanField()

    def to_representation(self, summary):
        def pairs(rows):
            return [{"label": label, "cases": n} for label, n in rows]

        return {
            "total": FiguresSerializer(summary.total).data,
            "units": FiguresSerializer(summary.units, many=True).data,
            "townships": FiguresSerializer(summary.townships, many=True).data,
            "by_kind": pairs(summary.by_kind),
            "by_ip_type": pairs(summary.by_ip_type),
            "by_state": pairs(summary.by_state),
            "complete": summary.complete,
        }


class SpecialActionViewSet(ScopedViewSet):
    """Special enforcement actions (专项行动) of the caller's organisation. The office POSTs one, PATCHes it; `summary`
    gives its figures over the records the caller may read."""

    queryset = SpecialAction.objects.select_related("lead_unit").prefetch_related("units", "areas")
    serializer_class = SpecialActionSerializer
    filterset_fields = ["lead_unit", "synthetic"]
    write_roles = OFFICE
    http_method_names = ["get", "head", "options", "post", "put", "patch"]

    create_action = special_actions.create_action

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        special_action = self.get_object()
        serializer = self.get_serializer(special_action, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        special_actions.update_action(special_action, request.user, **serializer.validated_data)
        special_action.refresh_from_db()
        return Response(self.get_serializer(special_action).data)

    @extend_schema(responses=SummarySerializer)
    @action(detail=True, methods=["get"])
    def summary(self, request, pk=None):
        """The action's figures: inspections, goods seized, cases by kind, IP type and state, their amounts — in
        all, per participating unit and per township."""
        return Response(SummarySerializer(summaries.summarise(self.get_object(), request.user)).data)


class InspectionSerializer(serializers.ModelSerializer):
    action = serializers.PrimaryKeyRelatedField(queryset=SpecialAction.objects.all(), required=False, allow_null=True)
    township = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all(), required=False, allow_null=True)
    case = serializers.PrimaryKeyRelatedField(queryset=Case.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Inspection
        fields = [
            "id",
            "action",
            "unit",
            "day",
            "township",
            "subject",
            "credit_code",
            "enterprise",
            "findings",
            "seized_goods",
            "seized_quantity",
            "case",
            "synthetic",
        ]
        read_only_fields = ["enterprise", "synthetic"]


class InspectionViewSet(ScopedViewSet):
    """Inspections (检查). A unit's liaison POSTs its own unit's (under an action its unit takes part in, or none);
    the office reads all of its organisation."""

    queryset = Inspection.objects.select_related("unit", "township", "action")
    serializer_class = InspectionSerializer
    filterset_fields = ["action", "unit", "township"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = special_actions.record_inspection
