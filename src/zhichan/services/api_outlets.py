"""REST API for brand guidance stations and service outlets: staff read them; the office and the responsible
unit's liaison enter (POST) and change (PATCH, PUT) them through services/outlets.py, and POST to `step` an
activity (the office also publishes and withdraws), by the table the outlet's page reads (services/steps.py)."""

from rest_framework import serializers
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.models import Region, Unit

from .models import Outlet, OutletActivity
from .services import outlets
from .steps import OUTLET_STEPS
from .views_common import WRITERS


class ActivitySerializer(serializers.ModelSerializer):
    class Meta:
        model = OutletActivity
        fields = ["id", "day", "kind", "title", "people_served", "note"]


class OutletSerializer(serializers.ModelSerializer):
    region = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all())
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), required=False)
    activities = ActivitySerializer(many=True, read_only=True)

    class Meta:
        model = Outlet
        fields = ["id", "unit", *outlets.FIELDS, "published_on", "activities", "synthetic"]
        read_only_fields = ["published_on", "synthetic"]
        validators = []  # the name's uniqueness within its kind is checked by the action, with its message


class OutletViewSet(ScopedViewSet):
    """Brand guidance stations and IP information public service outlets."""

    queryset = Outlet.objects.select_related("region", "unit").prefetch_related("activities")
    serializer_class = OutletSerializer
    filterset_fields = ["kind", "level", "region", "synthetic"]
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post", "put", "patch"]

    create_action = outlets.create_outlet
    step = step_endpoint(
        OUTLET_STEPS, "OutletStep", OutletSerializer, "Record an outlet's activity, or publish the outlet."
    )

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        outlet = self.get_object()
        serializer = self.get_serializer(outlet, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        values.pop("unit", None)
        outlets.update_outlet(outlet, request.user, **values)
        outlet.refresh_from_db()
        return Response(self.get_serializer(outlet).data)
