"""REST API of GB/T 29490 certificates (贯标): read-only, scoped like the enterprises they belong to; filter by
`enterprise` (id), `standard_version` and `synthetic`. Certificates are written on the pages (their actions) and by
the import of a certification ledger."""

from django.utils import timezone
from rest_framework import serializers

from zhichan.core.api import ScopedViewSet
from zhichan.core.roles import PROGRAMME_USERS

from .models import Certification


class CertificationSerializer(serializers.ModelSerializer):
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    state_today = serializers.SerializerMethodField()
    last_valid_day = serializers.DateField(read_only=True)

    class Meta:
        model = Certification
        fields = [
            "id",
            "enterprise",
            "enterprise_name",
            "standard_version",
            "body",
            "number",
            "issued_on",
            "expires_on",
            "last_valid_day",
            "state_today",
            "renews",
            "note",
            "import_batch",
            "synthetic",
        ]
        read_only_fields = fields

    def get_state_today(self, certification) -> str:
        return str(certification.state_on(timezone.localdate()))


class CertificationViewSet(ScopedViewSet):
    """GB/T 29490 certificates with their state today (valid, expiring, not-yet, lapsed, expired)."""

    queryset = Certification.objects.select_related("enterprise")
    serializer_class = CertificationSerializer
    filterset_fields = ["enterprise", "standard_version", "synthetic"]
    allowed_roles = PROGRAMME_USERS
