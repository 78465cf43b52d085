"""REST API of random inspections: the inspectors' list (added to, ties declared, taken off and put back) and the plans
with their objects, inspectors and results; a plan's seed is given only once drawn. The office and the units'
liaisons POST a new plan, and POST to its `step` what its page does: publish, draw, a result, an inspector stepping
aside, publish the results."""

from django.utils.translation import gettext as _
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.models import Unit
from zhichan.core.roles import STAFF

from .models import InspectionPlan, InspectionTarget, Inspector, InspectorTie, TargetInspector
from .services import inspections, inspectors
from .steps import INSPECTOR_STEPS, PLAN_STEPS
from .views_common import WRITERS


class InspectorTieSerializer(serializers.ModelSerializer):
    class Meta:
        model = InspectorTie
        fields = ["id", "credit_code", "note"]


class InspectorSerializer(serializers.ModelSerializer):
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.all(), required=False, help_text="Default: the liaison's own unit."
    )
    ties = InspectorTieSerializer(many=True, read_only=True)

    class Meta:
        model = Inspector
        fields = ["id", "unit", "name", "certificate_number", "field", "ties_note", "active", "synthetic", "ties"]
        read_only_fields = ["active", "synthetic"]
        # The certificate number's uniqueness is the action's to check: a duplicate names the inspector listed.
        extra_kwargs = {"certificate_number": {"validators": []}}


class OwnUnitByDefault:
    """POST: a record of the unit given, by default the poster's own, made by `create_action(user, unit=…, …)`."""

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        unit = values.pop("unit", None) or request.user.unit
        if unit is None:
            raise ValidationError({"unit": [_("Choose the unit.")]})
        record = type(self).create_action(request.user, unit=unit, **values)
        return Response(self.get_serializer(record).data, status=status.HTTP_201_CREATED)


class InspectorViewSet(OwnUnitByDefault, ScopedViewSet):
    """The inspectors' list (执法检查人员名录库): a unit's liaison or the office POSTs a new inspector of their unit,
    and POSTs to an inspector's `step` a declared tie, taking them off the list or putting them back."""

    queryset = Inspector.objects.select_related("unit").prefetch_related("ties")
    serializer_class = InspectorSerializer
    allowed_roles = STAFF
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = inspectors.add_inspector
    step = step_endpoint(
        INSPECTOR_STEPS, "InspectorStep", InspectorSerializer, "Declare a tie, take off the list, put back."
    )


class InspectorAssignmentSerializer(serializers.ModelSerializer):
    certificate_number = serializers.CharField(source="inspector.certificate_number")
    name = serializers.CharField(source="inspector.name")

    class Meta:
        model = TargetInspector
        fields = ["id", "order", "inspector", "certificate_number", "name", "replacement", "stepped_aside", "reason"]


class InspectionTargetSerializer(serializers.ModelSerializer):
    inspectors = InspectorAssignmentSerializer(many=True, read_only=True)

    class Meta:
        model = InspectionTarget
        fields = [
            "id",
            "order",
            "key",
            "name",
            "enterprise",
            "stratum",
            "excluded_inspectors",
            "inspectors",
            "finding",
            "note",
            "inspected_on",
        ]


class PlanSerializer(serializers.ModelSerializer):
    seed = serializers.CharField(source="seed_shown", read_only=True, help_text="Empty until the draw.")
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.all(), required=False, help_text="Default: the liaison's own unit."
    )
    proportions = serializers.DictField(
        child=serializers.FloatField(), required=False, help_text="Percent to draw per credit grade."
    )
    targets = InspectionTargetSerializer(many=True, read_only=True)

    class Meta:
        model = InspectionPlan
        fields = [
            "id",
            "unit",
            "name",
            "items",
            "starts_on",
            "ends_on",
            "region",
            "industry_code",
            "size",
            "object_kind",
            "service_kind",
            "proportions",
            "inspectors_per_object",
            "state",
            "pool_text",
            "pool_hash",
            "inspector_pool_text",
            "inspector_pool_hash",
            "wanted",
            "seed_hash",
            "seed",
            "published_on",
            "drawn_on",
            "results_published_on",
            "targets",
            "synthetic",
        ]
        read_only_fields = [*InspectionPlan.STEP_WRITTEN, "synthetic"]


class PlanViewSet(OwnUnitByDefault, ScopedViewSet):
    """Random inspection plans (双随机抽查), newest first, with the draw and the results."""

    queryset = InspectionPlan.objects.prefetch_related("targets__inspectors__inspector")
    serializer_class = PlanSerializer
    allowed_roles = STAFF
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = inspections.create_plan
    step = step_endpoint(
        PLAN_STEPS, "InspectionPlanStep", PlanSerializer, "Publish, draw, enter a result, step aside, publish results."
    )
