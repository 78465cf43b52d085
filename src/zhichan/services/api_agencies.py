"""REST API for service agencies: staff read the directory; the office and the supervising unit's liaison enter
(POST) and change (PATCH, PUT) agencies through services/agencies.py, and POST to `step` what the agency's page
enters (a qualification, a practitioner, a purchased service; the office publishes and withdraws), by the table
the page reads (services/steps.py). Practitioners are not served back: their ID numbers stay on the pages of those
who keep the agency."""

from rest_framework import serializers
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.models import Region, Unit

from .models import Agency, PurchasedService, Qualification, ServiceKind
from .services import agencies
from .steps import AGENCY_STEPS
from .views_common import AGENCY_WRITERS


class QualificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Qualification
        fields = ["id", "kind", "number", "issuer", "valid_from", "valid_to"]


class PurchasedServiceSerializer(serializers.ModelSerializer):
    class Meta:
        model = PurchasedService
        fields = ["id", "purchaser", "contract_number", "subject", "amount", "start", "end"]


class AgencySerializer(serializers.ModelSerializer):
    kinds = serializers.ListField(child=serializers.ChoiceField(ServiceKind.choices), allow_empty=False)
    region = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all())
    supervisor = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), required=False)
    qualifications = QualificationSerializer(many=True, read_only=True)
    purchased_services = PurchasedServiceSerializer(many=True, read_only=True)

    class Meta:
        model = Agency
        fields = [
            "id",
            "name",
            "uscc",
            "kinds",
            "supervisor",
            "region",
            "address",
            "contact_person",
            "contact_phone",
            "settled_on",
            "published_on",
            "note",
            "qualifications",
            "purchased_services",
            "synthetic",
        ]
        read_only_fields = ["published_on", "synthetic"]
        # The credit code's form and uniqueness are the action's to check: a duplicate names the agency holding it.
        extra_kwargs = {"uscc": {"validators": []}}


class AgencyViewSet(ScopedViewSet):
    """Service agencies (知识产权服务机构). The office or the supervising unit's liaison POSTs one and PATCHes it."""

    queryset = Agency.objects.select_related("region", "supervisor").prefetch_related(
        "qualifications", "purchased_services"
    )
    serializer_class = AgencySerializer
    filterset_fields = ["region", "supervisor", "synthetic"]
    search_fields = ["name", "uscc"]
    write_roles = AGENCY_WRITERS
    http_method_names = ["get", "head", "options", "post", "put", "patch"]

    create_action = agencies.create_agency
    step = step_endpoint(
        AGENCY_STEPS, "AgencyStep", AgencySerializer, "Enter on an agency what its page enters, or publish it."
    )

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        agency = self.get_object()
        serializer = self.get_serializer(agency, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        values.pop("supervisor", None)  # an agency's supervising unit is not moved here
        agencies.update_agency(agency, request.user, **values)
        agency.refresh_from_db()
        return Response(self.get_serializer(agency).data)
