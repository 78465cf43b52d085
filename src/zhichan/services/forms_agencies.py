"""The forms of the agency pages: they read and check the input; services/agencies.py acts and checks the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.roles import Role, role_of

from .forms_common import DATE, FilterForm, ValuesMixin, regions_of, units_of
from .models import Agency, ServiceKind


class AgencyForm(ValuesMixin, BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("name of the agency"), max_length=200)
    uscc = forms.CharField(label=_("unified social credit code"), max_length=30)
    kinds = forms.MultipleChoiceField(
        label=_("services offered"),
        choices=ServiceKind.choices,
        widget=forms.SelectMultiple(attrs={"size": len(ServiceKind.choices)}),
    )
    supervisor = forms.ModelChoiceField(None, label=_("supervising unit"), required=False)
    region = forms.ModelChoiceField(None, label=_("region"))
    address = forms.CharField(label=_("address"), max_length=300, required=False)
    contact_person = forms.CharField(label=_("contact person"), max_length=50, required=False)
    contact_phone = forms.CharField(label=_("contact phone"), max_length=30, required=False)
    settled_on = forms.DateField(
        label=_("settled in the county on"),
        widget=DATE,
        required=False,
        help_text=_("Leave empty if the agency has not settled in the county."),
    )
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs["initial"] = {name: getattr(instance, name) for name in self.base_fields if name != "supervisor"}
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(user)
        if instance is not None or role_of(user) != Role.OFFICE:
            del self.fields["supervisor"]  # a liaison's own unit; an agency's unit is not moved here
        else:
            self.fields["supervisor"].queryset = units_of(user)
            self.fields["supervisor"].help_text = _("Empty: the unit hosting the office.")


class QualificationForm(ValuesMixin, BootstrapMixin, forms.Form):
    prefix = "q"
    kind = forms.CharField(label=_("qualification"), max_length=100)
    number = forms.CharField(label=_("certificate number"), max_length=60, required=False)
    issuer = forms.CharField(label=_("issued by"), max_length=100, required=False)
    valid_from = forms.DateField(label=_("valid from"), widget=DATE, required=False)
    valid_to = forms.DateField(label=_("valid to"), widget=DATE, required=False)


class PractitionerForm(ValuesMixin, BootstrapMixin, forms.Form):
    prefix = "p"
    name = forms.CharField(label=_("name"), max_length=50)
    licence_number = forms.CharField(label=_("qualification or licence number"), max_length=60, required=False)
    id_number = forms.CharField(
        label=_("ID number"),
        max_length=18,
        required=False,
        help_text=_("Kept for those who keep the agency; never published."),
    )
    note = forms.CharField(label=_("note"), max_length=200, required=False)


class PurchasedServiceForm(ValuesMixin, BootstrapMixin, forms.Form):
    prefix = "s"
    purchaser = forms.ModelChoiceField(None, label=_("purchasing unit"))
    contract_number = forms.CharField(label=_("contract number"), max_length=60, required=False)
    subject = forms.CharField(label=_("subject of the service"), max_length=200)
    amount = forms.DecimalField(label=_("amount (yuan)"), min_value=0, max_digits=14, decimal_places=2)
    start = forms.DateField(label=_("starts on"), widget=DATE)
    end = forms.DateField(label=_("ends on"), widget=DATE)
    contract = forms.FileField(label=_("contract file"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purchaser"].queryset = units_of(user)


class PublishForm(BootstrapMixin, forms.Form):
    prefix = "pub"
    day = forms.DateField(label=_("published on"), widget=DATE, required=False, help_text=_("Empty: today."))


class AgencyFilterForm(FilterForm):
    q = forms.CharField(label=_("search"), widget=forms.TextInput(attrs={"placeholder": _("name or credit code")}))
    kind = forms.ChoiceField(label=_("services offered"), choices=[("", _("all services")), *ServiceKind.choices])
    region = forms.ModelChoiceField(None, label=_("region"), empty_label=_("all regions"))
    settled = forms.ChoiceField(
        label=_("settled in the county"),
        choices=[("", _("settled or not")), ("yes", _("settled in the county")), ("no", _("not settled"))],
    )
    expiring = forms.BooleanField(label=_("qualifications expiring within 30 days"), widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(user)


__all__ = ["Agency"]
