"""REST API of IP finance: the banks with their products (the office POSTs a bank; the office or the bank's liaison
POSTs to its `step` a product) and the pledges with their rights and loans (the office or the pledgee bank's liaison
POSTs a pledge, with its rights, and to its `step` a loan, the release, or — the office — matching its rights)."""

from rest_framework import serializers

from zhichan.core.api import ScopedViewSet, step_endpoint
from zhichan.core.roles import Role

from .apps import BANK_READERS, READERS, TRANSACTION_READERS
from .models import Bank, Loan, LoanProduct, Pledge, PledgedRight, RightTransaction, RightType, TransactionRight
from .services import banks, pledges, transactions
from .steps import BANK_STEPS, PLEDGE_STEPS


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = LoanProduct
        fields = [
            "id",
            "name",
            "rights",
            "rate_from",
            "rate_to",
            "term_months",
            "risk_sharing",
            "interest_subsidy",
            "active",
        ]


class BankSerializer(serializers.ModelSerializer):
    products = ProductSerializer(many=True, read_only=True)

    class Meta:
        model = Bank
        fields = ["id", "name", "credit_code", "address", "contact", "phone", "active", "synthetic", "products"]
        read_only_fields = ["active", "synthetic"]


class BankViewSet(ScopedViewSet):
    """Banks lending against IP in the county, with their loan products."""

    queryset = Bank.objects.prefetch_related("products")
    serializer_class = BankSerializer
    allowed_roles = BANK_READERS
    write_roles = frozenset({Role.OFFICE, Role.BANK})
    http_method_names = ["get", "head", "options", "post"]

    create_action = banks.add_bank
    step = step_endpoint(BANK_STEPS, "BankStep", BankSerializer, "Add a loan product.")


class PledgedRightSerializer(serializers.ModelSerializer):
    right_type = serializers.ChoiceField(RightType.choices)
    matched = serializers.BooleanField(read_only=True)

    class Meta:
        model = PledgedRight
        fields = ["right_type", "number", "patent", "trademark", "copyright", "matched"]
        read_only_fields = ["patent", "trademark", "copyright"]


class LoanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Loan
        fields = ["id", "contract_number", "amount", "drawn_on", "matures_on"]


class PledgeSerializer(serializers.ModelSerializer):
    pledgor = serializers.CharField(source="pledgor.uscc", help_text="The pledgor's unified social credit code.")
    pledgor_name = serializers.CharField(source="pledgor.name", read_only=True)
    rights = PledgedRightSerializer(many=True)
    loans = LoanSerializer(many=True, read_only=True)

    class Meta:
        model = Pledge
        fields = [
            "id",
            "registration_number",
            "registered_on",
            "pledgor",
            "pledgor_name",
            "bank",
            "product",
            "secured_amount",
            "first_loan",
            "note",
            "released_on",
            "rights",
            "loans",
            "synthetic",
        ]
        read_only_fields = ["released_on", "synthetic"]
        # The registration number's uniqueness is the action's to check: a duplicate names the pledge entered.
        extra_kwargs = {"registration_number": {"validators": []}}


def _register(user, *, pledgor, rights, **values):
    return pledges.register_pledge(
        user, pledgor=pledgor["uscc"], rights=[(row["right_type"], row["number"]) for row in rights], **values
    )


class PledgeViewSet(ScopedViewSet):
    """IP pledges, newest first, with the rights pledged (matched to the register or flagged) and the loans."""

    queryset = Pledge.objects.select_related("pledgor").prefetch_related("rights", "loans")
    serializer_class = PledgeSerializer
    allowed_roles = READERS
    write_roles = frozenset({Role.OFFICE, Role.BANK})
    http_method_names = ["get", "head", "options", "post"]

    create_action = _register
    step = step_endpoint(
        PLEDGE_STEPS, "PledgeStep", PledgeSerializer, "Enter a loan, release the pledge, match its rights."
    )


class TransactionRightSerializer(PledgedRightSerializer):
    class Meta(PledgedRightSerializer.Meta):
        model = TransactionRight


class TransactionSerializer(serializers.ModelSerializer):
    party_from_code = serializers.CharField(
        write_only=True, required=False, allow_blank=True, help_text="A credit code in the register."
    )
    party_to_code = serializers.CharField(
        write_only=True, required=False, allow_blank=True, help_text="A credit code in the register."
    )
    rights = TransactionRightSerializer(many=True)

    class Meta:
        model = RightTransaction
        fields = [
            "id",
            "kind",
            "day",
            "record_number",
            "amount",
            "licence_scope",
            "party_from",
            "party_from_code",
            "party_from_enterprise",
            "party_to",
            "party_to_code",
            "party_to_enterprise",
            "note",
            "rights",
            "synthetic",
        ]
        read_only_fields = ["party_from_enterprise", "party_to_enterprise", "synthetic"]
        extra_kwargs = {"party_from": {"required": False}, "party_to": {"required": False}}


def _record(user, *, rights, **values):
    return transactions.record_transaction(
        user, rights=[(row["right_type"], row["number"]) for row in rights], **values
    )


class TransactionViewSet(ScopedViewSet):
    """Licences, transfers and sales at auction, newest first; the office POSTs one (a transfer or an auction
    changes the holder of each right the register holds)."""

    queryset = RightTransaction.objects.prefetch_related("rights")
    serializer_class = TransactionSerializer
    allowed_roles = TRANSACTION_READERS
    write_roles = frozenset({Role.OFFICE})
    http_method_names = ["get", "head", "options", "post"]

    create_action = _record
