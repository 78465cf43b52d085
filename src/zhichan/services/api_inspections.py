"""REST API of random inspections (read only): the inspectors' list and the plans with their objects, inspectors
and results; a plan's seed is given only once drawn."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet
from zhichan.core.roles import STAFF

from .models import InspectionPlan, InspectionTarget, Inspector, TargetInspector


class InspectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Inspector
        fields = ["id", "unit", "name", "certificate_number", "field", "active", "synthetic"]


class InspectorViewSet(ScopedViewSet):
    """The inspectors' list (执法检查人员名录库)."""

    queryset = Inspector.objects.select_related("unit")
    serializer_class = InspectorSerializer
    allowed_roles = STAFF
    write_roles = STAFF


class InspectorAssignmentSerializer(serializers.ModelSerializer):
    certificate_number = serializers.CharField(source="inspector.certificate_number")
    name = serializers.CharField(source="inspector.name")

    class Meta:
        model = TargetInspector
        fields = ["order", "inspector", "certificate_number", "name", "replacement", "stepped_aside", "reason"]


class InspectionTargetSerializer(serializers.ModelSerializer):
    inspectors = InspectorAssignmentSerializer(many=True, read_only=True)

    class Meta:
        model = InspectionTarget
        fields = [
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
    seed = serializers.CharField(source="seed_shown", help_text="Empty until the draw.")
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


class PlanViewSet(ScopedViewSet):
    """Random inspection plans (双随机抽查), newest first, with the draw and the results."""

    queryset = InspectionPlan.objects.prefetch_related("targets__inspectors__inspector")
    serializer_class = PlanSerializer
    allowed_roles = STAFF
    write_roles = STAFF
