"""The forms of the complaint pages and the API's step endpoint: they read and check the input; the services act."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Region, Unit
from zhichan.core.roles import Role, role_of

from .forms import DATE
from .models import CaseKind, Channel, ComplaintKind, ComplaintState, IPType
from .services.cases import township_choices


def _units_for(user):
    """The units the user may act for: every active unit of the office's organisation, a liaison's own."""
    units = Unit.objects.filter(active=True) if role_of(user) == Role.OFFICE else Unit.objects.filter(pk=user.unit_id)
    if user.unit_id:
        units = units.filter(organisation=user.unit.organisation)
    return units.order_by("order", "pk")


class ComplaintForm(BootstrapMixin, forms.Form):
    """A complaint or tip as it comes in."""

    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("received by"))
    kind = forms.ChoiceField(label=_("complaint or tip"), choices=ComplaintKind.choices)
    channel = forms.ChoiceField(label=_("channel"), choices=Channel.choices)
    received_on = forms.DateField(label=_("received on"), widget=DATE)
    anonymous = forms.BooleanField(label=_("anonymous (tips only)"), required=False)
    complainant_name = forms.CharField(label=_("complainant"), max_length=100, required=False)
    complainant_contact = forms.CharField(label=_("complainant's contact"), max_length=100, required=False)
    complainant_id_number = forms.CharField(
        label=_("complainant's ID number"),
        max_length=18,
        required=False,
        help_text=_("Only the handling unit and the office see the complainant's identity."),
    )
    matter = forms.CharField(label=_("the matter"), widget=forms.Textarea(attrs={"rows": 3}))
    respondent_name = forms.CharField(label=_("party complained about"), max_length=200, required=False)
    respondent_credit_code = forms.CharField(label=_("its unified social credit code"), max_length=18, required=False)
    ip_type = forms.ChoiceField(label=_("IP type"), choices=IPType.choices, initial=IPType.TRADEMARK)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units_for(user)
        if user.unit_id:
            self.fields["unit"].initial = user.unit_id


class ComplaintFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("state"), choices=[("", _("all states")), *ComplaintState.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("complaint or tip"), choices=[("", _("complaints and tips")), *ComplaintKind.choices], required=False
    )
    unit = forms.ModelChoiceField(
        Unit.objects.all(), label=_("handling unit"), required=False, empty_label=_("all units")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if user.unit_id:
            self.fields["unit"].queryset = Unit.objects.filter(organisation=user.unit.organisation).order_by("order")
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"


# The steps, each with the form that reads what it needs.
class RouteForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(Unit.objects.filter(active=True).order_by("order", "pk"), label=_("to the unit"))
    day = forms.DateField(label=_("date"), widget=DATE)

    def __init__(self, *args, complaint=None, **kwargs):
        super().__init__(*args, **kwargs)
        if complaint is not None:  # the units of the complaint's organisation
            units = self.fields["unit"].queryset.filter(organisation_id=complaint.unit.organisation_id)
            self.fields["unit"].queryset = units


class HandBackForm(BootstrapMixin, forms.Form):
    note = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))


class AcceptForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE)


class DeclineForm(AcceptForm):
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ReplyForm(AcceptForm):
    text = forms.CharField(label=_("reply"), widget=forms.Textarea(attrs={"rows": 3}))


class OpenCaseForm(BootstrapMixin, forms.Form):
    number = forms.CharField(label=_("case number"), max_length=60)
    title = forms.CharField(label=_("case name"), max_length=200)
    kind = forms.ModelChoiceField(CaseKind.objects.all(), label=_("case kind"), to_field_name="key")
    lead_on = forms.DateField(label=_("lead received on"), widget=DATE)
    township = forms.ModelChoiceField(Region.objects.all(), label=_("township"), required=False)

    def __init__(self, *args, complaint=None, **kwargs):
        super().__init__(*args, **kwargs)
        if complaint is not None:
            self.fields["township"].queryset = township_choices(complaint.unit)
