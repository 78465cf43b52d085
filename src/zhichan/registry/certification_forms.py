"""The forms of the GB/T 29490 certificate steps: they read and check the input; the actions decide."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.forms import BootstrapMixin

from .models import StandardVersion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NO_END = _("Leave empty when the certificate does not say: it then runs 3 years less a day from its issue.")


class CertificateForm(BootstrapMixin, forms.Form):
    standard_version = forms.ChoiceField(
        label=_("standard version"), choices=StandardVersion.choices, initial=StandardVersion.V2023
    )
    body = forms.CharField(label=_("certification body"), max_length=200)
    number = forms.CharField(label=_("certificate number"), max_length=100)
    issued_on = forms.DateField(label=pgettext_lazy("certificate", "issued on"), widget=DATE)
    expires_on = forms.DateField(label=_("valid until"), widget=DATE, required=False, help_text=NO_END)
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    scan = forms.FileField(label=_("scan of the certificate"), required=False)


class RenewalForm(BootstrapMixin, forms.Form):
    standard_version = forms.ChoiceField(
        label=_("standard version"), choices=StandardVersion.choices, initial=StandardVersion.V2023
    )
    number = forms.CharField(label=_("number of the new certificate"), max_length=100)
    issued_on = forms.DateField(label=pgettext_lazy("certificate", "issued on"), widget=DATE)
    expires_on = forms.DateField(label=_("valid until"), widget=DATE, required=False, help_text=NO_END)
    body = forms.CharField(
        label=_("certification body"), max_length=200, required=False, help_text=_("Empty: the same body.")
    )
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    scan = forms.FileField(label=_("scan of the certificate"), required=False)


class RemovalForm(BootstrapMixin, forms.Form):
    confirm = forms.BooleanField(label=_("Yes, this certificate was recorded in error: remove it."))
