"""The forms of the special-action pages and of the case's step that names its action: they read and check the
input; services/special_actions.py acts and checks that it fits together."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Region, Unit
from zhichan.core.roles import Role, role_of

from .forms import DATE
from .models import ActionState, Case, IPType, SpecialAction
from .services.cases import township_choices
from .services.special_actions import actions_of
from .services.special_actions import township_choices as action_townships


def _organisation_units(user):
    units = Unit.objects.filter(active=True)
    if user.unit_id:
        units = units.filter(organisation=user.unit.organisation)
    return units.order_by("order", "pk")


class SpecialActionForm(BootstrapMixin, forms.Form):
    """An action as the office sets it up or changes it."""

    name = forms.CharField(label=_("name of the action"), max_length=200)
    start = forms.DateField(label=_("starts on"), widget=DATE)
    end = forms.DateField(label=_("ends on"), widget=DATE)
    ip_types = forms.MultipleChoiceField(
        label=_("IP types"),
        choices=IPType.choices,
        widget=forms.SelectMultiple(attrs={"size": len(IPType.choices)}),
    )
    lead_unit = forms.ModelChoiceField(Unit.objects.none(), label=_("lead unit"))
    units = forms.ModelMultipleChoiceField(
        Unit.objects.none(),
        label=_("participating units"),
        required=False,
        help_text=_("The lead unit always takes part."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    areas = forms.ModelMultipleChoiceField(
        Region.objects.none(),
        label=_("townships covered"),
        required=False,
        help_text=_("None chosen: the whole region."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    targets = forms.CharField(
        label=_("targets of the action"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    planned_inspections = forms.IntegerField(label=_("planned inspections"), min_value=0, required=False)
    planned_cases = forms.IntegerField(label=_("planned cases"), min_value=0, required=False)
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs["initial"] = {
                "name": instance.name,
                "start": instance.start,
                "end": instance.end,
                "ip_types": instance.ip_types,
                "lead_unit": instance.lead_unit_id,
                "units": [unit.pk for unit in instance.units.all()],
                "areas": [area.pk for area in instance.areas.all()],
                "targets": instance.targets,
                "planned_inspections": instance.planned_inspections,
                "planned_cases": instance.planned_cases,
                "note": instance.note,
            }
        super().__init__(*args, **kwargs)
        units = _organisation_units(user)
        self.fields["lead_unit"].queryset = units
        self.fields["units"].queryset = units
        organisation = instance.organisation if instance is not None else getattr(user.unit, "organisation", None)
        if organisation is not None:
            self.fields["areas"].queryset = action_townships(organisation)
        else:
            self.fields["areas"].queryset = Region.objects.none()

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "start": data["start"],
            "end": data["end"],
            "ip_types": data["ip_types"],
            "lead_unit": data["lead_unit"],
            "units": list(data.get("units") or []),
            "areas": list(data.get("areas") or []),
            "targets": data.get("targets", ""),
            "planned_inspections": data.get("planned_inspections"),
            "planned_cases": data.get("planned_cases"),
            "note": data.get("note", ""),
        }


class ActionFilterForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=1950, max_value=2100, required=False)
    state = forms.ChoiceField(
        label=_("state"), choices=[("", _("current and past")), *ActionState.choices], required=False
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        if years:
            self.fields["year"] = forms.TypedChoiceField(
                label=_("year"),
                choices=[("", _("all years")), *((year, year) for year in years)],
                coerce=int,
                empty_value=None,
                required=False,
            )
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"


class InspectionForm(BootstrapMixin, forms.Form):
    """An inspection a unit made, under a special action it takes part in or on its own."""

    action = forms.ModelChoiceField(SpecialAction.objects.none(), label=_("special enforcement action"), required=False)
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("inspecting unit"))
    day = forms.DateField(label=_("inspected on"), widget=DATE)
    township = forms.ModelChoiceField(Region.objects.none(), label=_("township"), required=False)
    subject = forms.CharField(label=_("place or party inspected"), max_length=200)
    credit_code = forms.CharField(label=_("unified social credit code"), max_length=18, required=False)
    findings = forms.CharField(label=_("findings"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    seized_goods = forms.CharField(label=_("goods seized"), max_length=300, required=False)
    seized_quantity = forms.IntegerField(label=_("goods seized (pieces)"), min_value=0, required=False)
    case = forms.ModelChoiceField(
        Case.objects.none(),
        label=_("case opened"),
        required=False,
        help_text=_("If the inspection opened a case: one of the inspecting unit's cases."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        office = role_of(user) == Role.OFFICE
        units = _organisation_units(user) if office else Unit.objects.filter(pk=user.unit_id)
        self.fields["unit"].queryset = units
        actions = SpecialAction.objects.visible_to(user)
        if not office and user.unit_id:
            actions = actions.filter(pk__in=actions_of(user.unit).values("pk"))
        self.fields["action"].queryset = actions.order_by("-start", "-pk")
        self.fields["case"].queryset = Case.objects.editable_by(user).order_by("-lead_on", "-pk")
        if user.unit_id:
            self.fields["unit"].initial = user.unit_id
            self.fields["township"].queryset = township_choices(user.unit)

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "action": data.get("action"),
            "unit": data["unit"],
            "day": data["day"],
            "township": data.get("township"),
            "subject": data["subject"],
            "credit_code": data.get("credit_code", ""),
            "findings": data.get("findings", ""),
            "seized_goods": data.get("seized_goods", ""),
            "seized_quantity": data.get("seized_quantity") or 0,
            "case": data.get("case"),
        }


class CaseActionForm(BootstrapMixin, forms.Form):
    """The case's step that names the special action it belongs to (empty: none)."""

    action = forms.ModelChoiceField(
        SpecialAction.objects.none(),
        label=_("special enforcement action"),
        required=False,
        help_text=_("An action the case's unit takes part in, whose period covers the lead's date."),
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions_of(case.unit) if case is not None else SpecialAction.objects.all()
        if case is not None and case.action_id:
            self.fields["action"].initial = case.action_id
