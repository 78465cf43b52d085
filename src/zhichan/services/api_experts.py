"""REST API of the expert pool (read only): the experts, without their ID numbers, and the draws of experts with
their seed, pool and result, so anyone allowed can recompute them."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet
from zhichan.core.roles import STAFF

from .models import Expert, ExpertDraw, ExpertPick


class ExpertSerializer(serializers.ModelSerializer):
    fields = serializers.ListField(
        child=serializers.CharField(), help_text="IPC sections A–H, legal, finance, management."
    )

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
            "synthetic",
        ]


class ExpertViewSet(ScopedViewSet):
    """The organisation's expert pool (人才专家库), in number order. The ID number is never given."""

    queryset = Expert.objects.all()
    serializer_class = ExpertSerializer
    allowed_roles = STAFF
    write_roles = STAFF


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
