"""REST API of the special-fund subsidies: the schemes with their items and budgets (read), and the applications —
an enterprise (or the office) POSTs one, with its claims, and POSTs to its `step` what its page offers: a claim, a
document (multipart), submission; the reviewers' pass, return and refusal; the office's amounts and objections;
the payment. The claims come back with the amount the rules give and why, line by line."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.roles import PROGRAMME_USERS, Role

from .models import Claim, SchemeBudget, Stage, SubsidyApplication, SubsidyItem, SubsidyScheme
from .services import subsidies
from .services.eligibility import worded
from .subsidy_steps import SUBSIDY_STEPS


class ItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = SubsidyItem
        fields = ["id", "key", "name", "name_en", "purpose", "basis", "amount", "percent", "cap", "cap_per_applicant"]


class BudgetSerializer(serializers.ModelSerializer):
    class Meta:
        model = SchemeBudget
        fields = ["purpose", "amount"]


class SchemeSerializer(serializers.ModelSerializer):
    items = ItemSerializer(many=True, read_only=True)
    budgets = BudgetSerializer(many=True, read_only=True)

    class Meta:
        model = SubsidyScheme
        fields = [
            "id", "key", "name", "name_en", "document", "year", "opens_on", "closes_on", "window_from", "window_to",
            "payer", "synthetic", "items", "budgets",
        ]  # fmt: skip


class SchemeViewSet(ScopedViewSet):
    """Subsidy schemes (one year's call each), with their items and their budget by purpose."""

    queryset = SubsidyScheme.objects.prefetch_related("items", "budgets")
    serializer_class = SchemeSerializer
    allowed_roles = PROGRAMME_USERS
    http_method_names = ["get", "head", "options"]


class ClaimSerializer(serializers.ModelSerializer):
    item = serializers.SlugRelatedField(slug_field="key", queryset=SubsidyItem.objects.all())
    reasons = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = ["id", "item", "subject", "declared", "eligible", "reasons", "approved", "approval_note", "patent",
                  "trademark", "loan"]  # fmt: skip
        read_only_fields = ["eligible", "approved", "approval_note", "patent", "trademark", "loan"]

    def get_reasons(self, claim) -> list[dict]:
        return [{"passed": passed, "text": text} for passed, text in worded(claim.reasons)]


class ApplicationSerializer(serializers.ModelSerializer):
    applicant = serializers.CharField(
        source="applicant.uscc", required=False, help_text="The applicant's credit code; an enterprise user's own."
    )
    applicant_name = serializers.CharField(source="applicant.name", read_only=True)
    returned_from = serializers.ChoiceField(choices=Stage.choices, allow_blank=True, read_only=True)
    claims = ClaimSerializer(many=True, required=False)

    class Meta:
        model = SubsidyApplication
        fields = [
            "id", "number", "scheme", "applicant", "applicant_name", "stage", "returned_from", "contact", "phone",
            "account_name", "account_bank", "account_number", "submitted_on", "notice_from", "notice_to", "paid_on",
            "paid_amount", "voucher", "synthetic", "claims",
        ]  # fmt: skip
        read_only_fields = [
            "number", "stage", "returned_from", "submitted_on", "notice_from", "notice_to", "paid_on", "paid_amount",
            "voucher", "synthetic",
        ]  # fmt: skip


def _open(user, *, claims=(), applicant=None, **values):
    """A draft with its claims, in one transaction: a claim refused refuses the whole."""
    from django.db import transaction

    with transaction.atomic():
        application = subsidies.open_application(user, applicant=(applicant or {}).get("uscc"), **values)
        for claim in claims:
            if claim["item"].scheme_id != application.scheme_id:
                raise serializers.ValidationError({"claims": [f"item {claim['item'].key} is another scheme's"]})
            subsidies.add_claim(
                application, user, item=claim["item"], subject=claim["subject"], declared=claim.get("declared")
            )
    return application


class ApplicationViewSet(ScopedViewSet):
    """Subsidy applications, newest first: the applicant's own, those its township reviews, those its unit pays, or
    all for the office and the leadership."""

    queryset = SubsidyApplication.objects.select_related("applicant").prefetch_related("claims__item")
    serializer_class = ApplicationSerializer
    allowed_roles = PROGRAMME_USERS
    write_roles = frozenset({Role.OFFICE, Role.ENTERPRISE, Role.TOWNSHIP_LIAISON, Role.UNIT_LIAISON})
    http_method_names = ["get", "head", "options", "post"]

    create_action = _open
    step = step_endpoint(
        SUBSIDY_STEPS,
        "SubsidyStep",
        ApplicationSerializer,
        "Add or remove a claim, attach a document, submit; pass, return or refuse a review; set an approved "
        "amount; record or decide an objection; record the payment.",
    )
