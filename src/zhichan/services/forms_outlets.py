"""The forms of the station and outlet pages: they read the input; services/outlets.py acts and checks the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.roles import Role, role_of

from .forms_common import DATE, FilterForm, ValuesMixin, regions_of, units_of
from .models import ActivityKind, OutletKind, OutletLevel

TEXTAREA = forms.Textarea(attrs={"rows": 2})


class OutletForm(ValuesMixin, BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("kind of outlet"), choices=OutletKind.choices)
    level = forms.ChoiceField(label=_("level"), choices=[("", "—"), *OutletLevel.choices], required=False)
    filing_batch = forms.CharField(label=_("filing batch"), max_length=100, required=False)
    name = forms.CharField(label=_("name"), max_length=200)
    host = forms.CharField(label=_("host organisation"), max_length=200)
    unit = forms.ModelChoiceField(None, label=_("responsible unit"), required=False)
    region = forms.ModelChoiceField(None, label=_("region"))
    address = forms.CharField(label=_("address"), max_length=300, required=False)
    basic_services = forms.CharField(label=_("basic services (free)"), widget=TEXTAREA, required=False)
    professional_services = forms.CharField(
        label=_("professional services (low cost)"), widget=TEXTAREA, required=False
    )
    opening_hours = forms.CharField(label=_("opening hours"), max_length=200, required=False)
    contact_person = forms.CharField(label=_("contact person"), max_length=50, required=False)
    contact_phone = forms.CharField(label=_("contact phone"), max_length=30, required=False)
    established_on = forms.DateField(label=_("established on"), widget=DATE, required=False)
    note = forms.CharField(label=_("note"), widget=TEXTAREA, required=False)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs["initial"] = {name: getattr(instance, name) for name in self.base_fields if name != "unit"}
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(user)
        if instance is not None or role_of(user) != Role.OFFICE:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units_of(user)
            self.fields["unit"].help_text = _("Empty: the unit hosting the office.")


class ActivityForm(ValuesMixin, BootstrapMixin, forms.Form):
    prefix = "a"
    day = forms.DateField(label=_("date"), widget=DATE)
    kind = forms.ChoiceField(label=_("kind of activity"), choices=ActivityKind.choices)
    title = forms.CharField(label=_("title"), max_length=200)
    people_served = forms.IntegerField(label=_("people served"), min_value=0, initial=0)
    note = forms.CharField(label=_("note"), widget=TEXTAREA, required=False)


class OutletFilterForm(FilterForm):
    q = forms.CharField(label=_("search"), widget=forms.TextInput(attrs={"placeholder": _("name or host")}))
    kind = forms.ChoiceField(label=_("kind of outlet"), choices=[("", _("all kinds")), *OutletKind.choices])
    region = forms.ModelChoiceField(None, label=_("region"), empty_label=_("all regions"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(user)
