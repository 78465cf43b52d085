"""The forms of the random inspection pages: they read and check the input; the actions decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Region, Unit
from zhichan.registry.models import EnterpriseSize

from .forms_experts import DATE
from .models import Finding, InspectionTarget, ObjectKind, ServiceKind, TargetInspector


def _own_unit(field, units):
    """The units the user acts for; a liaison's own unit chosen already."""
    field.queryset = units if units is not None else Unit.objects.none()
    if units is not None and len(units[:2]) == 1:
        field.initial = units[0].pk


class InspectorForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("unit"))
    name = forms.CharField(label=_("name"), max_length=100)
    certificate_number = forms.CharField(label=_("enforcement certificate number"), max_length=40)
    field = forms.CharField(label=_("enforcement field"), max_length=100)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        _own_unit(self.fields["unit"], units)


class InspectorTieForm(BootstrapMixin, forms.Form):
    prefix = "tie"
    credit_code = forms.CharField(label=_("unified social credit code"), max_length=18)
    note = forms.CharField(label=_("tie"), max_length=200, required=False)


class PlanForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("unit"))
    name = forms.CharField(label=_("plan"), max_length=200)
    items = forms.CharField(label=_("inspection items"), widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = forms.DateField(label=_("inspection from"), widget=DATE)
    ends_on = forms.DateField(label=_("inspection until"), widget=DATE)
    object_kind = forms.ChoiceField(label=_("objects inspected"), choices=ObjectKind.choices)
    region = forms.ModelChoiceField(Region.objects.none(), label=_("region"), required=False)
    service_kind = forms.ChoiceField(
        label=_("agencies offering"), choices=[("", _("any"))] + ServiceKind.choices, required=False
    )
    industry_code = forms.CharField(label=_("industry code starts with"), max_length=5, required=False)
    size = forms.ChoiceField(label=_("size"), choices=[("", _("any"))] + EnterpriseSize.choices, required=False)
    inspectors_per_object = forms.IntegerField(label=_("inspectors per object"), min_value=1, max_value=10, initial=2)

    def __init__(self, *args, units=None, regions=None, proportions=None, **kwargs):
        super().__init__(*args, **kwargs)
        _own_unit(self.fields["unit"], units)
        self.fields["region"].queryset = regions if regions is not None else Region.objects.none()
        # One proportion per credit grade (差异化监管), the grade's setting proposed.
        for grade, percent in (proportions or {}).items():
            self.fields[f"percent_{grade}"] = forms.DecimalField(
                label=_("proportion of grade %(grade)s (%%)") % {"grade": grade},
                min_value=0,
                max_value=100,
                decimal_places=1,
                initial=percent,
                widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.1"}),
                help_text=_("Of the objects of the grade, rounded up; the grade's setting is proposed."),
            )

    def proportions(self) -> dict[str, float]:
        return {
            name.removeprefix("percent_"): float(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("percent_")
        }

    def plan_values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if not name.startswith("percent_")}


class ResultForm(BootstrapMixin, forms.Form):
    finding = forms.ChoiceField(label=_("finding"), choices=Finding.choices)
    inspected_on = forms.DateField(label=_("inspected on"), widget=DATE)
    note = forms.CharField(label=_("note on the result"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ResultEntryForm(ResultForm):
    """The API's result entry: the object of the plan it is for, then its result."""

    target = forms.ModelChoiceField(InspectionTarget.objects.none(), label=_("object"))

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = plan.targets.all()


class StepAsideEntryForm(BootstrapMixin, forms.Form):
    """The API's stepping aside: the inspector's assignment on an object of the plan, and why."""

    assignment = forms.ModelChoiceField(TargetInspector.objects.none(), label=_("inspector"))
    reason = forms.CharField(label=_("reason for stepping aside"), max_length=500)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignment"].queryset = TargetInspector.objects.filter(target__plan=plan)
