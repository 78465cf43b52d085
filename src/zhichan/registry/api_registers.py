"""REST API (/api/v1/) of the registers: patents, trademarks, copyrights, geographical indications, enterprises.

Reads are scoped with visible_to(user) for every role that may see the pages; only the office writes. Writes go
through services/entries.py (create_patent and the like, save_entry for enterprises and GIs), which take the
acting user and leave an event, and check a record as imports do. The
list filters are the pages' (filters.py).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from zhichan.core.api import ScopedViewSet
from zhichan.core.roles import PROGRAMME_USERS, Role
from zhichan.core.scoping import save_checked

from .filters import CopyrightFilter, EnterpriseFilter, GIFilter, PatentFilter, TrademarkFilter
from .identifiers import IdentifierError, parse_patent_application, parse_trademark_registration
from .models import (
    Copyright,
    Enterprise,
    EnterpriseDesignation,
    GeographicalIndication,
    Patent,
    PatentEvent,
    Trademark,
    TrademarkEvent,
)
from .models.copyrights import normalize_copyright_number
from .services import patents as patent_rules
from .services import trademarks as trademark_rules
from .services.entries import create_copyright, create_patent, create_trademark, save_entry


class ValiditySerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    state = serializers.CharField()
    since = serializers.DateField(allow_null=True)
    reason = serializers.CharField(allow_blank=True)


def _validity(result) -> dict:
    return {"valid": result.valid, "state": result.state, "since": result.since, "reason": result.reason}


class PatentEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = PatentEvent
        fields = ["id", "date", "kind", "text"]


class PatentSerializer(serializers.ModelSerializer):
    events = PatentEventSerializer(many=True, read_only=True)
    validity_today = serializers.SerializerMethodField()
    holders = serializers.PrimaryKeyRelatedField(many=True, queryset=Enterprise.objects.all(), required=False)

    class Meta:
        model = Patent
        fields = [
            "id",
            "application_number",
            "patent_type",
            "title",
            "applicants",
            "holders",
            "inventors",
            "address",
            "region",
            "filing_date",
            "publication_number",
            "publication_date",
            "grant_number",
            "grant_date",
            "ipc_codes",
            "main_ipc",
            "agency",
            "strategic_emerging",
            "foreign_family",
            "high_pledge_financing",
            "award",
            "source",
            "import_batch",
            "synthetic",
            "events",
            "validity_today",
        ]
        read_only_fields = ["patent_type", "import_batch"]
        # The number is normalized and checked by create_patent; uniqueness is checked there too.
        extra_kwargs = {"application_number": {"validators": []}}

    @extend_schema_field(ValiditySerializer)
    def get_validity_today(self, patent):
        return _validity(patent_rules.status_on(patent, timezone.localdate(), patent.events.all()))

    def validate_application_number(self, value):
        try:
            normalized = parse_patent_application(value).normalized
        except IdentifierError as error:
            raise ValidationError(error.message) from None
        existing = Patent.objects.filter(application_number=normalized)
        if self.instance is not None:
            if normalized != self.instance.application_number:
                raise ValidationError(_("The application number cannot be changed."))
        elif existing.exists():
            raise ValidationError(_("A patent with this application number is already registered."))
        return normalized


class RegisterViewSet(ScopedViewSet):
    """Read for every role that sees the register pages (scoped), write for the office."""

    allowed_roles = PROGRAMME_USERS
    write_roles = frozenset({Role.OFFICE})
    http_method_names = ["get", "head", "options", "post", "patch"]
    create_function = None  # create_patent and the like: (user, number, *, parties, **fields) -> (record, created)
    number_field = ""
    parties_field = ""

    def create(self, request, *args, **kwargs):
        if type(self).create_function is None:
            return super().create(request, *args, **kwargs)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = save_checked(request.user, lambda: self._write(request.user, dict(serializer.validated_data)))
        return Response(self.get_serializer(self._fresh(record)).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        if type(self).create_function is None:
            return super().update(request, *args, **kwargs)
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=kwargs.pop("partial", False))
        serializer.is_valid(raise_exception=True)
        data = {self.number_field: getattr(instance, self.number_field), **serializer.validated_data}
        record = save_checked(request.user, lambda: self._write(request.user, data))
        return Response(self.get_serializer(self._fresh(record)).data)

    def _write(self, user, data):
        number = data.pop(self.number_field)
        parties = data.pop(self.parties_field, None)
        record, _created = type(self).create_function(user, number, **data)
        if parties is not None:
            getattr(record, self.parties_field).set(parties)
        return record

    def _fresh(self, record):
        return self.get_queryset().get(pk=record.pk)


class PatentViewSet(RegisterViewSet):
    """Patents with their legal-status events (read-only here) and their validity today."""

    queryset = Patent.objects.select_related("region").prefetch_related("holders", "events")
    serializer_class = PatentSerializer
    filterset_class = PatentFilter
    create_function = staticmethod(create_patent)
    number_field = "application_number"
    parties_field = "holders"


class TrademarkEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrademarkEvent
        fields = ["id", "date", "kind", "text"]


class TrademarkSerializer(serializers.ModelSerializer):
    events = TrademarkEventSerializer(many=True, read_only=True)
    validity_today = serializers.SerializerMethodField()
    holders = serializers.PrimaryKeyRelatedField(many=True, queryset=Enterprise.objects.all(), required=False)

    class Meta:
        model = Trademark
        fields = [
            "id",
            "registration_number",
            "mark",
            "nice_classes",
            "kind",
            "gi_mark",
            "madrid",
            "international_registration_date",
            "holders",
            "applicant_name",
            "address",
            "region",
            "application_date",
            "preliminary_publication_date",
            "registration_date",
            "expiry_date",
            "agency",
            "source",
            "import_batch",
            "synthetic",
            "events",
            "validity_today",
        ]
        read_only_fields = ["import_batch"]
        extra_kwargs = {"registration_number": {"validators": []}}

    @extend_schema_field(ValiditySerializer)
    def get_validity_today(self, trademark):
        return _validity(trademark_rules.status_on(trademark, timezone.localdate(), trademark.events.all()))

    def validate_registration_number(self, value):
        try:
            normalized = parse_trademark_registration(value)
        except IdentifierError as error:
            raise ValidationError(error.message) from None
        if self.instance is not None:
            if normalized != self.instance.registration_number:
                raise ValidationError(_("The registration number cannot be changed."))
        elif Trademark.objects.filter(registration_number=normalized).exists():
            raise ValidationError(_("A trademark with this registration number is already registered."))
        return normalized


class TrademarkViewSet(RegisterViewSet):
    queryset = Trademark.objects.select_related("region").prefetch_related("holders", "events")
    serializer_class = TrademarkSerializer
    filterset_class = TrademarkFilter
    create_function = staticmethod(create_trademark)
    number_field = "registration_number"
    parties_field = "holders"


class CopyrightSerializer(serializers.ModelSerializer):
    owners = serializers.PrimaryKeyRelatedField(many=True, queryset=Enterprise.objects.all(), required=False)

    class Meta:
        model = Copyright
        fields = [
            "id",
            "registration_number",
            "kind",
            "category",
            "title",
            "owners",
            "owner_name",
            "region",
            "completion_date",
            "first_publication_date",
            "registration_date",
            "source",
            "import_batch",
            "synthetic",
        ]
        read_only_fields = ["import_batch"]
        extra_kwargs = {"registration_number": {"validators": []}}

    def validate_registration_number(self, value):
        try:
            normalized = normalize_copyright_number(value)
        except DjangoValidationError as error:
            raise ValidationError(error.messages) from None
        if self.instance is not None:
            if normalized != self.instance.registration_number:
                raise ValidationError(_("The registration number cannot be changed."))
        elif Copyright.objects.filter(registration_number=normalized).exists():
            raise ValidationError(_("This registration number is already registered."))
        return normalized


class CopyrightViewSet(RegisterViewSet):
    queryset = Copyright.objects.select_related("region").prefetch_related("owners")
    serializer_class = CopyrightSerializer
    filterset_class = CopyrightFilter
    create_function = staticmethod(create_copyright)
    number_field = "registration_number"
    parties_field = "owners"


class EntryViewSet(RegisterViewSet):
    """Registers without a number to upsert by (enterprises, GIs): written whole through save_entry."""

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        model = serializer.Meta.model
        entry = save_checked(request.user, lambda: save_entry(request.user, model, dict(serializer.validated_data)))
        return Response(self.get_serializer(self._fresh(entry)).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=kwargs.pop("partial", False))
        serializer.is_valid(raise_exception=True)
        entry = save_checked(request.user, lambda: save_entry(request.user, instance, dict(serializer.validated_data)))
        return Response(self.get_serializer(self._fresh(entry)).data)


class GISerializer(serializers.ModelSerializer):
    class Meta:
        model = GeographicalIndication
        fields = [
            "id",
            "name",
            "kind",
            "holder",
            "holder_name",
            "approval_date",
            "announcement_number",
            "area",
            "region",
            "product_category",
            "trademark",
            "source",
            "import_batch",
            "synthetic",
        ]
        read_only_fields = ["import_batch"]


class GIViewSet(EntryViewSet):
    queryset = GeographicalIndication.objects.select_related("region", "holder", "trademark")
    serializer_class = GISerializer
    filterset_class = GIFilter


class DesignationSerializer(serializers.ModelSerializer):
    class Meta:
        model = EnterpriseDesignation
        fields = ["id", "kind", "level", "granted_on", "expires_on", "document"]


class EnterpriseSerializer(serializers.ModelSerializer):
    designations = DesignationSerializer(many=True, read_only=True)

    class Meta:
        model = Enterprise
        fields = [
            "id",
            "name",
            "uscc",
            "region",
            "address",
            "industry_code",
            "size",
            "ip_institution",
            "ip_institution_name",
            "ip_staff_full_time",
            "ip_strategy",
            "ip_strategy_adopted",
            "ip_strategy_note",
            "merged_into",
            "import_batch",
            "synthetic",
            "designations",
        ]
        # A merger moves holdings too: it goes through services.enterprises.merge, not a field write.
        read_only_fields = ["merged_into", "import_batch"]
        # Checked by full_clean after the model has normalized it (" c3032 " is C3032).
        extra_kwargs = {"industry_code": {"validators": []}}


class EnterpriseViewSet(EntryViewSet):
    """Enterprises with their designations (read-only here)."""

    queryset = Enterprise.objects.select_related("region").prefetch_related("designations")
    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilter
