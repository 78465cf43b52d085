"""REST API of the shared pool (read only): the pooled cases, the party search, one party's record and the office's
repeat infringers. Every answer is a projection of services/pool.py, the same rows as the pages, field for field."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from zhichan.core.access import RolePermission
from zhichan.core.api import ScopedViewSet
from zhichan.core.roles import STAFF, Role

from .forms_pool import PartyForm, PartySearchForm, PoolFilter
from .models import IPType, PartyKind, PooledCase, Source, State
from .services import pool as pooling

OFFICE = frozenset({Role.OFFICE})
AMOUNT = {"max_digits": 14, "decimal_places": 2}
PARTY_KINDS = [("", "")] + list(PartyKind.choices)


class PoolPartySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(PartyKind.choices)
    kind_label = serializers.CharField()
    name = serializers.CharField(help_text="A person's name is masked (张**) but for readers of the case.")
    credit_code = serializers.CharField(allow_blank=True)
    repeat = serializers.BooleanField(help_text="Two or more decided cases: a repeat infringer (重复侵权).")
    url = serializers.CharField(allow_blank=True, help_text="The party's record; empty where it may not be looked up.")


class PoolCaseSerializer(serializers.Serializer):
    """A case of the shared pool: no ID number, complainant, note on the outcome or person's name in full."""

    id = serializers.IntegerField()
    number = serializers.CharField()
    title = serializers.CharField()
    unit = serializers.IntegerField()
    unit_name = serializers.CharField()
    kind = serializers.CharField()
    kind_name = serializers.CharField()
    ip_type = serializers.ChoiceField(IPType.choices)
    ip_type_label = serializers.CharField()
    source = serializers.ChoiceField(Source.choices)
    source_label = serializers.CharField()
    state = serializers.ChoiceField(State.choices)
    state_label = serializers.CharField()
    township = serializers.IntegerField(allow_null=True)
    township_name = serializers.CharField(allow_blank=True)
    goods = serializers.CharField(allow_blank=True)
    lead_on = serializers.DateField()
    filed_on = serializers.DateField(allow_null=True)
    decided_on = serializers.DateField(allow_null=True)
    ended_on = serializers.DateField(allow_null=True)
    decision_number = serializers.CharField(allow_blank=True)
    illegal_turnover = serializers.DecimalField(**AMOUNT)
    fine = serializers.DecimalField(**AMOUNT)
    confiscation = serializers.DecimalField(**AMOUNT)
    compensation = serializers.DecimalField(**AMOUNT)
    punitive_damages = serializers.DecimalField(**AMOUNT)
    parties = PoolPartySerializer(many=True)
    repeat = serializers.BooleanField()
    synthetic = serializers.BooleanField()
    url = serializers.CharField()


class PoolViewSet(ScopedViewSet):
    """The shared case pool (共享案件库): every enforcement case of the organisation, as its member units read it.
    Filters: `unit`, `ip_type`, `kind` (key), `state`, `township`, `year` (of the lead); newest lead first."""

    queryset = PooledCase.objects.all()
    serializer_class = PoolCaseSerializer
    filterset_class = PoolFilter
    allowed_roles = STAFF

    def get_queryset(self):
        return pooling.pool(self.request.user)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        rows = pooling.pooled_cases(request.user, page)
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        row = pooling.pooled_cases(request.user, [self.get_object()])[0]
        return Response(self.get_serializer(row).data)


class PartyHitSerializer(serializers.Serializer):
    name = serializers.CharField()
    credit_code = serializers.CharField(allow_blank=True)
    kind = serializers.ChoiceField(PARTY_KINDS, help_text="Empty: a name known only outside cases.")
    kind_label = serializers.CharField(allow_blank=True)
    cases = serializers.IntegerField()
    decided = serializers.IntegerField()
    other_records = serializers.IntegerField(help_text="Complaints, mediations and requests for assistance.")
    units = serializers.ListField(child=serializers.CharField())
    repeat = serializers.BooleanField()
    url = serializers.CharField()


def _valid(form):
    """The query parameters read by the page's form; a 400 naming each bad one (both missing: non_field_errors)."""
    if not form.is_valid():
        raise ValidationError({("non_field_errors" if k == "__all__" else k): list(v) for k, v in form.errors.items()})
    return form.cleaned_data


@extend_schema(
    parameters=[
        OpenApiParameter(
            "q",
            {"type": "string", "minLength": 2, "maxLength": 200},
            required=True,
            description="A unified social credit code, or a part of a name.",
        )
    ],
    responses=PartyHitSerializer(many=True),
)
@api_view(["GET"])
@permission_classes([RolePermission])
def party_search(request):
    """Parties found by credit code or name across every unit, as the reader may read them (a person only by the
    office and the unit holding the case), repeat infringers first."""
    data = _valid(PartySearchForm(request.query_params))
    return Response(PartyHitSerializer(pooling.find_parties(request.user, data["q"]), many=True).data)


party_search.cls.allowed_roles = STAFF


class PoolComplaintSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind_label = serializers.CharField()
    received_on = serializers.DateField()
    unit_name = serializers.CharField()
    ip_type_label = serializers.CharField()
    state_label = serializers.CharField()
    url = serializers.CharField(allow_blank=True)


class PoolMediationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    kind_label = serializers.CharField()
    side_label = serializers.CharField()
    unit_name = serializers.CharField()
    received_on = serializers.DateField()
    state_label = serializers.CharField()
    ended_on = serializers.DateField(allow_null=True)
    url = serializers.CharField(allow_blank=True)


class PoolRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind_label = serializers.CharField()
    unit_name = serializers.CharField()
    requested_on = serializers.DateField()
    outcome_label = serializers.CharField(allow_blank=True)
    closed_on = serializers.DateField(allow_null=True)
    url = serializers.CharField(allow_blank=True)


class PartyRecordSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True)
    credit_code = serializers.CharField(allow_blank=True)
    kind = serializers.ChoiceField(PARTY_KINDS)
    kind_label = serializers.CharField(allow_blank=True)
    cases = PoolCaseSerializer(many=True)
    complaints = PoolComplaintSerializer(many=True)
    mediations = PoolMediationSerializer(many=True)
    requests = PoolRequestSerializer(many=True)
    decided = serializers.IntegerField()
    fines = serializers.DecimalField(max_digits=16, decimal_places=2)
    repeat = serializers.BooleanField()


@extend_schema(
    parameters=[
        OpenApiParameter(
            "code",
            {"type": "string", "pattern": "^[0-9A-Za-z]{18}$"},
            description="The organisation's unified social credit code.",
        ),
        OpenApiParameter(
            "name",
            {"type": "string", "minLength": 1, "maxLength": 200},
            description="Or the party's exact name (an organisation without a code, a person).",
        ),
    ],
    responses=PartyRecordSerializer,
)
@api_view(["GET"])
@permission_classes([RolePermission])
def party_record(request):
    """One party's record across units — cases, complaints naming it, mediations, requests for assistance — by
    `code` or exact `name` (one of the two), as the reader may read it."""
    data = _valid(PartyForm(request.query_params))
    record = pooling.party_record(request.user, code=data["code"], name=data["name"])
    return Response(PartyRecordSerializer(record).data)


party_record.cls.allowed_roles = STAFF


class RepeatInfringerSerializer(serializers.Serializer):
    name = serializers.CharField()
    credit_code = serializers.CharField(allow_blank=True)
    kind = serializers.ChoiceField(PartyKind.choices)
    kind_label = serializers.CharField()
    cases = serializers.IntegerField()
    decided = serializers.IntegerField()
    units = serializers.IntegerField()
    last_decided_on = serializers.DateField(allow_null=True)
    url = serializers.CharField()


class RepeatInfringerList(generics.ListAPIView):
    """Parties with two or more decided cases in the office's organisation, the most decided first (the office)."""

    serializer_class = RepeatInfringerSerializer
    allowed_roles = OFFICE
    permission_classes = [RolePermission]
    filter_backends = []

    def get_queryset(self):
        return pooling.repeat_infringers(self.request.user)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(pooling.infringer_rows(page), many=True).data)
