"""REST API for IP custody engagements: staff read the ledger; the office and the following unit's liaison enter
(POST) and change (PATCH, PUT) engagements through services/custody.py, and POST to `step` a service, a visit or
the satisfaction, by the table the engagement's page reads (services/steps.py)."""

from rest_framework import serializers
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.models import Unit
from zhichan.registry.models import Enterprise, Patent, Trademark

from .models import Agency, CustodyEngagement, CustodyService, CustodyServiceRecord, CustodyVisit
from .services import custody
from .steps import CUSTODY_STEPS
from .views_common import WRITERS


class ServiceRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = CustodyServiceRecord
        fields = ["id", "day", "item", "note"]


class VisitSerializer(serializers.ModelSerializer):
    class Meta:
        model = CustodyVisit
        fields = ["id", "day", "visitor", "expert", "visitor_note", "needs", "follow_up"]


class EngagementSerializer(serializers.ModelSerializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), required=False)
    enterprise = serializers.PrimaryKeyRelatedField(queryset=Enterprise.objects.all())
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    services = serializers.ListField(child=serializers.ChoiceField(CustodyService.choices), required=False)
    patents = serializers.PrimaryKeyRelatedField(queryset=Patent.objects.all(), many=True, required=False)
    trademarks = serializers.PrimaryKeyRelatedField(queryset=Trademark.objects.all(), many=True, required=False)
    service_records = ServiceRecordSerializer(many=True, read_only=True)
    visits = VisitSerializer(many=True, read_only=True)

    class Meta:
        model = CustodyEngagement
        fields = [
            "id",
            "unit",
            *custody.FIELDS,
            "satisfaction",
            "satisfaction_comment",
            "rated_on",
            "service_records",
            "visits",
            "synthetic",
        ]
        read_only_fields = ["satisfaction", "satisfaction_comment", "rated_on", "synthetic"]
        validators = []  # the agreement number's uniqueness is checked by the action, with its message


class EngagementViewSet(ScopedViewSet):
    """IP custody engagements (知识产权托管)."""

    queryset = CustodyEngagement.objects.select_related("enterprise", "agency", "unit").prefetch_related(
        "patents", "trademarks", "service_records", "visits"
    )
    serializer_class = EngagementSerializer
    filterset_fields = ["agency", "enterprise", "custody_scope", "payer", "synthetic"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post", "put", "patch"]

    create_action = custody.create_engagement
    step = step_endpoint(
        CUSTODY_STEPS, "CustodyStep", EngagementSerializer, "Record a custody service, a visit or the satisfaction."
    )

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        engagement = self.get_object()
        serializer = self.get_serializer(engagement, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        values.pop("unit", None)
        custody.update_engagement(engagement, request.user, **values)
        engagement.refresh_from_db()
        return Response(self.get_serializer(engagement).data)
