"""REST API for IP custody engagements: staff read the ledger; the office and the following unit's liaison enter
(POST) and change (PATCH, PUT) engagements through services/custody.py, and POST to `step` a service, a visit or
the satisfaction, by the table the engagement's page reads (services/steps.py). Custody applications are read as on
their pages (the contact person masked for all but the following unit and the office), taken in (POST) through
services/custody_applications.py and decided by their `step`: declined with the reason, or accepted with an
engagement entered (POST the engagement first)."""

from rest_framework import serializers
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.models import Unit
from zhichan.registry.models import Enterprise, Patent, Trademark

from .models import Agency, CustodyApplication, CustodyEngagement, CustodyService, CustodyServiceRecord, CustodyVisit
from .services import custody, custody_applications
from .steps import APPLICATION_STEPS, CUSTODY_STEPS
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


class CustodyApplicationSerializer(serializers.ModelSerializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), required=False)
    services = serializers.ListField(child=serializers.ChoiceField(CustodyService.choices), required=False)
    received_on = serializers.DateField(required=False)
    # Text, not an e-mail field: a reader who may not read it gets it masked (the action checks what is written).
    contact_email = serializers.CharField(required=False, allow_blank=True, max_length=254)

    class Meta:
        model = CustodyApplication
        fields = [
            "id",
            "unit",
            "enterprise",
            "enterprise_name",
            "credit_code",
            *custody_applications.CONTACT,
            "services",
            "custody_scope",
            "matter",
            "reference",
            "received_on",
            "state",
            "decided_on",
            "reason",
            "engagement",
            "synthetic",
        ]
        read_only_fields = ["enterprise", "state", "decided_on", "reason", "engagement", "synthetic"]

    def to_representation(self, application):
        data = super().to_representation(application)
        data.update(custody_applications.contact(application, self.context["request"].user))
        return data


class CustodyApplicationViewSet(ScopedViewSet):
    """Custody applications (知识产权托管申请). POST takes one in (for the liaison's own unit, or the unit the office
    names); `step` declines one (reason, day) or accepts it with an engagement already entered for its enterprise
    (engagement, day)."""

    queryset = CustodyApplication.objects.select_related("unit")
    serializer_class = CustodyApplicationSerializer
    filterset_fields = ["state", "unit", "enterprise", "synthetic"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post"]

    create_action = custody_applications.receive_application
    step = step_endpoint(
        APPLICATION_STEPS,
        "CustodyApplicationStep",
        CustodyApplicationSerializer,
        "Decide a custody application: `decline` with reason and day, or `accept` with engagement and day.",
    )
