"""REST API of the expert pool: the experts, without their ID numbers (the office POSTs a new one with its ID number,
which is never given back, and POSTs to an expert's `step` its availability, a tie, publishing or withdrawing, by
the table the expert's page reads), and the draws of experts (read only) with their seed, pool and result, so anyone
allowed can recompute them."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.roles import STAFF, Role

from .models import Expert, ExpertDraw, ExpertPick
from .services import experts
from .steps import EXPERT_STEPS


class ExpertSerializer(serializers.ModelSerializer):
    fields = serializers.ListField(
        child=serializers.CharField(), help_text="IPC sections A–H, legal, finance, management."
    )
    id_number = serializers.CharField(write_only=True, max_length=18, help_text="Never given back.")

    class Meta:
        model = Expert
        fields = [
            "id",
            "number",
            "name",
            "fields",
            "employer",
            "employer_credit_code",
            "title",
            "phone",
            "email",
            "available",
            "unavailable_until",
            "conflicts_note",
            "published_on",
            "synthetic",
            "id_number",
        ]
        read_only_fields = ["number", "available", "unavailable_until", "published_on", "synthetic"]
        # The ID number's uniqueness is the action's to check: a duplicate names the expert already in the pool.
        validators = []


class ExpertViewSet(ScopedViewSet):
    """The organisation's expert pool (人才专家库), in number order. The ID number is never given."""

    queryset = Expert.objects.all()
    serializer_class = ExpertSerializer
    allowed_roles = STAFF
    write_roles = frozenset({Role.OFFICE})
    http_method_names = ["get", "head", "options", "post"]

    create_action = experts.add_expert
    step = step_endpoint(
        EXPERT_STEPS, "ExpertStep", ExpertSerializer, "Set an expert's availability, declare a tie, or publish."
    )


class PickSerializer(serializers.ModelSerializer):
    number = serializers.CharField(source="expert.number")
    name = serializers.CharField(source="expert.name")

    class Meta:
        model = ExpertPick
        fields = ["order", "expert", "number", "name", "replacement", "stepped_aside", "reason"]


class ExpertDrawSerializer(serializers.ModelSerializer):
    picks = PickSerializer(many=True, read_only=True)

    class Meta:
        model = ExpertDraw
        fields = [
            "id",
            "purpose",
            "subject",
            "parties",
            "field",
            "wanted",
            "drawn_on",
            "seed",
            "seed_hash",
            "pool_text",
            "pool_hash",
            "excluded",
            "picks",
            "synthetic",
        ]


class ExpertDrawViewSet(ScopedViewSet):
    """Draws of experts, newest first: pool text (`stratum<TAB>key` lines), seed and result (core/draws.py)."""

    queryset = ExpertDraw.objects.prefetch_related("picks__expert")
    serializer_class = ExpertDrawSerializer
    allowed_roles = STAFF
    write_roles = STAFF
