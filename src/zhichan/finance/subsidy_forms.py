"""The forms of the subsidy pages: they read and check the input; the actions (services/subsidies.py) decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin

from .forms import DATE, WAN
from .models import Basis, Claim, Objection, Stage, SubsidyScheme


class SchemeFileForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("scheme file (YAML)"), help_text=_("The format is in the data formats guide."))


class ApplicationForm(BootstrapMixin, forms.Form):
    scheme = forms.ModelChoiceField(SubsidyScheme.objects.none(), label=_("scheme"))
    applicant = forms.CharField(
        label=_("applicant's unified social credit code"),
        max_length=18,
        required=False,
        help_text=_("Left empty: your own enterprise."),
    )
    contact = forms.CharField(label=_("contact person"), max_length=100)
    phone = forms.CharField(label=_("phone"), max_length=40)
    account_name = forms.CharField(
        label=_("account name"), max_length=200, required=False, help_text=_("Left empty: the applicant's name.")
    )
    account_bank = forms.CharField(label=_("bank of the account"), max_length=200)
    account_number = forms.CharField(label=_("account number"), max_length=40)

    def __init__(self, *args, schemes=None, own_enterprise=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = schemes if schemes is not None else SubsidyScheme.objects.none()
        if schemes is not None and len(schemes[:2]) == 1:
            self.fields["scheme"].initial = schemes[0].pk
        if own_enterprise:  # an enterprise user with one enterprise applies for it
            del self.fields["applicant"]

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        if not data.get("applicant"):
            data.pop("applicant", None)
        return data


class ClaimForm(BootstrapMixin, forms.Form):
    item = forms.ModelChoiceField(None, label=_("item"))
    subject = forms.CharField(
        label=_("number claimed"),
        max_length=100,
        help_text=_("The patent or trademark number, the loan contract number, or the approving document's number."),
    )
    declared = forms.DecimalField(
        label=_("interest paid (10,000 yuan)"), required=False, help_text=_("For an interest subsidy only."), **WAN
    )

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = application.scheme.items.all() if application else Claim.objects.none()

    def clean(self):
        data = super().clean()
        item = data.get("item")
        if item and item.basis == Basis.PLEDGE_INTEREST and not data.get("declared"):
            self.add_error("declared", _("Give the interest paid."))
        return data


class ClaimChoiceForm(BootstrapMixin, forms.Form):
    claim = forms.ModelChoiceField(None, label=_("claim"))

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claim"].queryset = application.claims.select_related("item") if application else None


class FileChoiceForm(BootstrapMixin, forms.Form):
    attachment = forms.ModelChoiceField(None, label=_("document"))

    def __init__(self, *args, application=None, **kwargs):
        from zhichan.core.models import Attachment

        super().__init__(*args, **kwargs)
        self.fields["attachment"].queryset = Attachment.objects.on(application) if application else None
        self.fields["attachment"].label_from_instance = lambda file: file.name


class FileForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("file"), help_text=_("PDF, images or office documents."))
    label = forms.CharField(label=_("what it is"), max_length=200, required=False, help_text=_("e.g. 授权证书"))


class ReasonsForm(BootstrapMixin, forms.Form):
    reasons = forms.CharField(label=_("reasons"), widget=forms.Textarea(attrs={"rows": 3}))


class OpinionForm(BootstrapMixin, forms.Form):
    reasons = forms.CharField(label=_("opinion"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AmountForm(ClaimChoiceForm):
    amount = forms.DecimalField(label=_("approved amount (10,000 yuan)"), **WAN)
    note = forms.CharField(label=_("why it differs from the rules' amount"), max_length=300)


class ObjectionForm(BootstrapMixin, forms.Form):
    received_on = forms.DateField(label=_("received on"), widget=DATE)
    raised_by = forms.CharField(label=_("raised by"), max_length=200, required=False, help_text=_("May be left empty."))
    text = forms.CharField(label=_("objection"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.pop("application", None)
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate()


class DecisionForm(BootstrapMixin, forms.Form):
    objection = forms.ModelChoiceField(None, label=_("objection"))
    upheld = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("no", _("dismissed: the notice goes on")), ("yes", _("upheld: back to the office's review"))],
        coerce=lambda value: value == "yes",
    )
    decision = forms.CharField(label=_("decision and reasons"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        undecided = Objection.objects.filter(application=application, upheld__isnull=True)
        self.fields["objection"].queryset = undecided
        self.fields["objection"].label_from_instance = lambda o: f"{o.received_on:%Y-%m-%d} {o.text[:40]}"


class PaymentForm(BootstrapMixin, forms.Form):
    paid_on = forms.DateField(label=_("paid on"), widget=DATE)
    voucher = forms.CharField(label=_("payment voucher number"), max_length=60, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.pop("application", None)
        super().__init__(*args, **kwargs)
        self.fields["paid_on"].initial = timezone.localdate()


class ApplicationFilter(BootstrapMixin, forms.Form):
    stage = forms.ChoiceField(label=_("stage"), choices=[("", _("all stages")), *Stage.choices], required=False)
    scheme = forms.ModelChoiceField(
        SubsidyScheme.objects.all(), label=_("scheme"), required=False, empty_label=_("all schemes")
    )
    q = forms.CharField(
        label=_("applicant or number"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("applicant or number")}),
    )
