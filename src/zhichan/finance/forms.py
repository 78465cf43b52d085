"""The forms of the finance pages: they read and check the input; the actions decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.forms import BootstrapMixin

from .models import Bank, LicenceScope, LoanProduct, RightType, TransactionKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
WAN = {"max_digits": 14, "decimal_places": 4, "min_value": 0}


class BankForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    credit_code = forms.CharField(label=_("unified social credit code"), max_length=18, required=False)
    address = forms.CharField(label=_("address"), max_length=300, required=False)
    contact = forms.CharField(label=_("contact person"), max_length=100, required=False)
    phone = forms.CharField(label=_("phone"), max_length=40, required=False)


class ProductForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("product"), max_length=200)
    rights = forms.MultipleChoiceField(
        label=_("rights accepted"), choices=RightType.choices, widget=forms.CheckboxSelectMultiple
    )
    rate_from = forms.DecimalField(label=_("annual rate from (%)"), max_digits=5, decimal_places=2, required=False)
    rate_to = forms.DecimalField(label=_("annual rate to (%)"), max_digits=5, decimal_places=2, required=False)
    term_months = forms.IntegerField(label=_("longest term (months)"), min_value=1, max_value=600, required=False)
    risk_sharing = forms.CharField(label=_("risk sharing or compensation pool"), max_length=300, required=False)
    interest_subsidy = forms.BooleanField(label=_("eligible for an interest subsidy"), required=False)


def _numbers(text: str) -> list[str]:
    return [line.strip() for line in (text or "").replace("，", "\n").replace(",", "\n").splitlines() if line.strip()]


def rights_of(data) -> list[tuple[str, str]]:
    """The rights the three number boxes give, one number a line (or separated by commas)."""
    return [
        (kind, number)
        for kind, field in (
            (RightType.PATENT, "patents"),
            (RightType.TRADEMARK, "trademarks"),
            (RightType.COPYRIGHT, "copyrights"),
        )
        for number in _numbers(data.get(field, ""))
    ]


class PledgeForm(BootstrapMixin, forms.Form):
    bank = forms.ModelChoiceField(Bank.objects.none(), label=_("pledgee bank"))
    registration_number = forms.CharField(label=_("registration number"), max_length=60)
    registered_on = forms.DateField(label=_("registered on"), widget=DATE)
    pledgor = forms.CharField(
        label=_("pledgor's unified social credit code"), max_length=18, help_text=_("The enterprise in the register.")
    )
    secured_amount = forms.DecimalField(label=_("registered secured amount (10,000 yuan)"), **WAN)
    product = forms.ModelChoiceField(LoanProduct.objects.none(), label=_("product"), required=False)
    patents = forms.CharField(
        label=_("patents pledged"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Application or patent numbers, one a line."),
    )
    trademarks = forms.CharField(
        label=_("trademarks pledged"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Registration numbers, one a line."),
    )
    copyrights = forms.CharField(
        label=_("copyrights pledged"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Registration numbers, one a line."),
    )
    first_loan = forms.BooleanField(label=_("first IP-backed loan of the enterprise"), required=False)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, banks=None, **kwargs):
        super().__init__(*args, **kwargs)
        banks = banks if banks is not None else Bank.objects.none()
        self.fields["bank"].queryset = banks
        self.fields["product"].queryset = LoanProduct.objects.filter(bank__in=banks, active=True).select_related("bank")
        self.fields["product"].label_from_instance = lambda product: f"{product.bank} · {product.name}"
        if len(banks[:2]) == 1:
            self.fields["bank"].initial = banks[0].pk
        self.fields["registered_on"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        data["rights"] = rights_of(data)
        if not data["rights"] and not self.errors:
            self.add_error("patents", _("Give at least one right pledged."))
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        keys = (
            "bank",
            "registration_number",
            "registered_on",
            "pledgor",
            "secured_amount",
            "product",
            "first_loan",
            "note",
            "rights",
        )
        return {key: data[key] for key in keys}


class TransactionForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("kind of transaction"), choices=TransactionKind.choices)
    day = forms.DateField(label=_("date"), widget=DATE)
    record_number = forms.CharField(label=_("record or contract number"), max_length=60, required=False)
    party_from = forms.CharField(label=_("licensor or transferor"), max_length=200, required=False)
    party_from_code = forms.CharField(
        label=pgettext_lazy("party", "its unified social credit code"),
        max_length=18,
        required=False,
        help_text=_("When it is in the register."),
    )
    party_to = forms.CharField(label=_("licensee or transferee"), max_length=200, required=False)
    party_to_code = forms.CharField(
        label=pgettext_lazy("party", "its unified social credit code"),
        max_length=18,
        required=False,
        help_text=_("When it is in the register."),
    )
    amount = forms.DecimalField(label=_("amount (10,000 yuan)"), required=False, **WAN)
    licence_scope = forms.ChoiceField(
        label=_("kind of licence"), choices=[("", "—"), *LicenceScope.choices], required=False
    )
    patents = PledgeForm.base_fields["patents"]
    trademarks = PledgeForm.base_fields["trademarks"]
    copyrights = PledgeForm.base_fields["copyrights"]
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        data["rights"] = rights_of(data)
        if not data["rights"] and not self.errors:
            self.add_error("patents", _("Give at least one right."))
        if not (data.get("party_from") or data.get("party_from_code")) and not self.errors:
            self.add_error("party_from", _("Name the licensor or transferor, or give its credit code."))
        if not (data.get("party_to") or data.get("party_to_code")) and not self.errors:
            self.add_error("party_to", _("Name the licensee or transferee, or give its credit code."))
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        keys = (
            "kind",
            "day",
            "record_number",
            "party_from",
            "party_from_code",
            "party_to",
            "party_to_code",
            "amount",
            "licence_scope",
            "note",
            "rights",
        )
        return {key: data[key] for key in keys}


class LoanForm(BootstrapMixin, forms.Form):
    contract_number = forms.CharField(label=_("loan contract number"), max_length=60)
    amount = forms.DecimalField(label=_("amount lent (10,000 yuan)"), **WAN)
    drawn_on = forms.DateField(label=pgettext_lazy("loan", "drawn on"), widget=DATE)
    matures_on = forms.DateField(label=_("due on"), widget=DATE)


class ReleaseForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("released on"), widget=DATE)


class NothingForm(forms.Form):
    """A step that asks for nothing."""
