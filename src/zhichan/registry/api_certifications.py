"""REST API of GB/T 29490 certificates (贯标), scoped like the enterprises they belong to; filter by `enterprise`
(id), `standard_version` and `synthetic`. Every programme user reads them. Who may write is who may on the pages,
through the same actions: the office any enterprise's, an enterprise user its own enterprise's. POST records one
(`record_certification`: the enterprise by id among those the caller reads, the certificate's fields, a `scan`
when sent as multipart); POST to a certificate's `step` corrects it (`change`) or enters its renewal (`renew`),
by the table its page reads; DELETE removes one recorded in error (the office only, as the page's step
`remove`). The import of a certification ledger writes them too (`import_batch`); `synthetic` and
`import_batch` are never written here."""

from django.utils import timezone
from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.roles import PROGRAMME_USERS

from .certification_steps import API_CERTIFICATION_STEPS
from .models import Certification, Enterprise
from .services import certifications
from .views.certifications import WRITERS


class VisibleEnterprise(serializers.PrimaryKeyRelatedField):
    """An enterprise by id among those the caller reads (another is "not found", as on the pages)."""

    def get_queryset(self):
        return Enterprise.objects.visible_to(self.context["request"].user)


class CertificationSerializer(serializers.ModelSerializer):
    enterprise = VisibleEnterprise(queryset=Enterprise.objects.all())
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    state_today = serializers.SerializerMethodField()
    last_valid_day = serializers.DateField(read_only=True)
    renewals = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="The certificates that renew this one."
    )
    scan = serializers.FileField(
        write_only=True,
        required=False,
        help_text="The scan of the certificate (multipart): a PDF, an image or an office file.",
    )

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
            "renewals",
            "note",
            "import_batch",
            "synthetic",
            "scan",
        ]
        read_only_fields = ["renews", "import_batch", "synthetic"]
        extra_kwargs = {
            "expires_on": {
                "required": False,
                "allow_null": True,
                "help_text": "The last valid day; empty: 3 years less a day from the issue.",
            },
            "note": {"required": False},
        }
        # A number's uniqueness per body is the action's to check: its refusal names the enterprise that holds it.
        validators = []

    def get_state_today(self, certification) -> str:
        return str(certification.state_on(timezone.localdate()))


class CertificationViewSet(ScopedViewSet):
    """GB/T 29490 certificates with their state today (valid, expiring, not-yet, lapsed, expired). POST records one
    (the office any enterprise's, an enterprise user its own's); DELETE removes one recorded in error (the office)."""

    queryset = Certification.objects.select_related("enterprise").prefetch_related("renewals")
    serializer_class = CertificationSerializer
    filterset_fields = ["enterprise", "standard_version", "synthetic"]
    allowed_roles = PROGRAMME_USERS
    write_roles = WRITERS
    http_method_names = ["get", "head", "options", "post", "delete"]

    create_action = certifications.record_certification
    step = step_endpoint(
        API_CERTIFICATION_STEPS,
        "CertificationStep",
        CertificationSerializer,
        "Correct the certificate (`change`: all its fields, as its page's form: `standard_version`, `body`, `number`,"
        " `issued_on`, `expires_on` (empty: 3 years less a day from the issue), `note`, `scan`) or enter the renewed"
        " certificate (`renew`: `standard_version`, `number`, `issued_on`, `expires_on`, `body` (empty: the same"
        " body), `note`, `scan`), whose id the answer lists under `renewals`.",
    )

    def perform_destroy(self, instance):
        certifications.remove_certification(instance, self.request.user)
