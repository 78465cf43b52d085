"""The forms of the expert pool's pages: they read and check the input; the actions (services/experts.py) decide."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.forms import BootstrapMixin

from .models import DrawPurpose, ExpertField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ExpertForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("name"), max_length=100)
    id_number = forms.CharField(label=_("ID number"), max_length=18, help_text=_("Seen by the programme office only."))
    fields = forms.MultipleChoiceField(
        label=_("fields of expertise"), choices=ExpertField.choices, widget=forms.CheckboxSelectMultiple
    )
    employer = forms.CharField(label=_("employer"), max_length=200)
    employer_credit_code = forms.CharField(
        label=_("employer's unified social credit code"), max_length=18, required=False
    )
    title = forms.CharField(label=_("professional title"), max_length=100, required=False)
    phone = forms.CharField(label=_("phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("email"), required=False)
    conflicts_note = forms.CharField(
        label=_("other declared conflicts"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class AvailabilityForm(BootstrapMixin, forms.Form):
    prefix = "availability"
    available = forms.BooleanField(label=_("available"), required=False)
    until = forms.DateField(label=_("unavailable until"), widget=DATE, required=False)


class TieForm(BootstrapMixin, forms.Form):
    prefix = "tie"
    credit_code = forms.CharField(label=_("unified social credit code"), max_length=18, required=False)
    name = forms.CharField(label=_("enterprise name"), max_length=200, required=False)


class DrawForm(BootstrapMixin, forms.Form):
    purpose = forms.ChoiceField(label=_("purpose"), choices=DrawPurpose.choices)
    subject = forms.CharField(label=pgettext_lazy("drawn for", "matter"), max_length=300)
    field = forms.ChoiceField(
        label=_("field of expertise"), choices=[("", _("any"))] + ExpertField.choices, required=False
    )
    wanted = forms.IntegerField(label=_("experts wanted"), min_value=1, max_value=50, initial=3)
    parties = forms.CharField(
        label=_("parties named"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One per line: a name or a credit code. Experts tied to them are not drawn."),
    )


class StepAsideForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("reason for stepping aside"), max_length=500)
