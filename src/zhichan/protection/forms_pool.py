"""The shared pool's filters and the party look-up forms, shared by its pages and its API."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zhichan.core.filters import ChoiceFilter, FilterSet, ModelChoiceFilter, YearFilter
from zhichan.core.models import Region, RegionKind, Unit

from .models import CaseKind, IPType, PooledCase, State
from .services.pool import is_credit_code


def _units(request):
    units = Unit.objects.order_by("order", "pk")
    user = getattr(request, "user", None)
    return units.filter(Unit.scope.of_organisation(user, below=True)) if user is not None else units


def _townships(request):
    townships = Region.objects.filter(kind__in=RegionKind.township_level()).order_by("path")
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "unit_id", None):
        townships = townships.filter(path__startswith=user.unit.organisation.path)
    return townships


class PoolFilter(FilterSet):
    """unit, IP type, kind (by key), state, township and the year of the lead."""

    unit = ModelChoiceFilter(queryset=_units, label=_("enforcing unit"), empty_label=_("all units"))
    ip_type = ChoiceFilter(choices=IPType.choices, label=_("IP type"), empty_label=_("all IP types"))
    kind = ModelChoiceFilter(
        queryset=CaseKind.objects.order_by("pk"), to_field_name="key", label=_("case kind"), empty_label=_("all kinds")
    )
    state = ChoiceFilter(choices=State.choices, label=_("state"), empty_label=_("all states"))
    township = ModelChoiceFilter(queryset=_townships, label=_("township"), empty_label=_("all townships"))
    year = YearFilter(field_name="lead_on", label=_("year of the lead"))

    class Meta:
        model = PooledCase
        fields = ["unit", "ip_type", "kind", "state", "township", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            css = (
                "form-select form-select-sm"
                if isinstance(field.widget, forms.Select)
                else "form-control form-control-sm"
            )
            field.widget.attrs.setdefault("class", css)
            if name == "year":
                field.widget.attrs.setdefault("placeholder", _("year"))


class PartySearchForm(forms.Form):
    q = forms.CharField(
        label=_("credit code or name"),
        min_length=2,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}),
    )


class PartyForm(forms.Form):
    """One party: by its unified social credit code, or by its exact name."""

    code = forms.CharField(label=_("unified social credit code"), required=False, max_length=18)
    name = forms.CharField(label=_("name"), required=False, max_length=200)

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if code and not is_credit_code(code):
            raise ValidationError(_("A unified social credit code has 18 letters and digits."))
        return code.upper()

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if bool(data.get("code")) == bool(data.get("name", "").strip()):
            raise ValidationError(_("Give the party's credit code or its exact name, one of the two."))
        return data
