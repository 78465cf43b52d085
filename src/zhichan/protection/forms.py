"""The forms of the case pages and the API's step endpoint: they read and check the input; the services act."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Region, Unit
from zhichan.core.roles import Role, role_of

from .models import CaseKind, IPType, PartyKind, Source, SpecialAction, State
from .pauses import Pause
from .services.cases import AMOUNTS, township_choices

DATE = forms.DateInput(attrs={"type": "date"})


def _amount(label):
    return forms.DecimalField(label=label, min_value=0, max_digits=14, decimal_places=2, required=False)


class CaseForm(BootstrapMixin, forms.Form):
    """A new case as its lead comes in, with its first party."""

    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("enforcing unit"))
    number = forms.CharField(label=_("case number"), max_length=60)
    title = forms.CharField(label=_("case name"), max_length=200)
    kind = forms.ModelChoiceField(CaseKind.objects.all(), label=_("case kind"))
    source = forms.ChoiceField(label=_("source"), choices=Source.choices)
    lead_on = forms.DateField(label=_("lead received on"), widget=DATE)
    township = forms.ModelChoiceField(Region.objects.none(), label=_("township"), required=False)
    goods = forms.CharField(label=_("goods involved"), max_length=300, required=False)
    party_kind = forms.ChoiceField(label=_("party kind"), choices=PartyKind.choices, initial=PartyKind.ORGANISATION)
    party_name = forms.CharField(label=_("party"), max_length=200, required=False)
    credit_code = forms.CharField(label=_("unified social credit code"), max_length=18, required=False)
    id_number = forms.CharField(
        label=_("ID number"),
        max_length=18,
        required=False,
        help_text=_("A person's; only your unit and the office see it."),
    )
    action = forms.ModelChoiceField(
        SpecialAction.objects.none(),
        label=_("special enforcement action"),
        required=False,
        help_text=_("Required when the source is a special action: one the unit takes part in, covering the lead."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = (
            Unit.objects.filter(active=True) if role_of(user) == Role.OFFICE else Unit.objects.filter(pk=user.unit_id)
        )
        if user.unit_id:
            units = units.filter(organisation=user.unit.organisation)
        self.fields["unit"].queryset = units.order_by("order", "pk")
        if user.unit_id:
            self.fields["unit"].initial = user.unit_id
            self.fields["township"].queryset = township_choices(user.unit)
        self.fields["action"].queryset = SpecialAction.objects.visible_to(user).order_by("-start", "-pk")

    def parties(self) -> list:
        data = self.cleaned_data
        if not data.get("party_name"):
            return []
        return [
            {
                "kind": data["party_kind"],
                "name": data["party_name"],
                "credit_code": data.get("credit_code", ""),
                "id_number": data.get("id_number", ""),
            }
        ]


class FilterForm(forms.Form):
    state = forms.ChoiceField(label=_("state"), choices=[("", _("all states")), *State.choices], required=False)
    ip_type = forms.ChoiceField(label=_("IP type"), choices=[("", _("all IP types")), *IPType.choices], required=False)
    unit = forms.ModelChoiceField(
        Unit.objects.all(), label=_("enforcing unit"), required=False, empty_label=_("all units")
    )
    township = forms.ModelChoiceField(
        Region.objects.none(), label=_("township"), required=False, empty_label=_("all townships")
    )
    sort = forms.ChoiceField(
        label=_("sort by"),
        choices=[("days-left", _("days left")), ("newest", _("newest lead"))],
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if user.unit_id:
            self.fields["township"].queryset = township_choices(user.unit)
            self.fields["unit"].queryset = Unit.objects.filter(organisation=user.unit.organisation).order_by("order")
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"


# The steps of a case, each with the form that reads what it needs.
class DayForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE)


class DayNoteForm(DayForm):
    note = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(DayForm):
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class EmptyForm(forms.Form):
    pass


class DecideForm(DayForm):
    number = forms.CharField(label=_("decision document number"), max_length=100)
    illegal_turnover = _amount(_("illegal turnover (yuan)"))
    fine = _amount(_("fine (yuan)"))
    confiscation = _amount(_("confiscated illegal gains (yuan)"))
    compensation = _amount(_("compensation (yuan)"))
    punitive_damages = _amount(_("punitive damages (yuan)"))

    def amounts(self) -> dict:
        return {name: self.cleaned_data.get(name) or 0 for name in AMOUNTS}


class SuspendForm(BootstrapMixin, forms.Form):
    pause = forms.ChoiceField(label=_("why it does not count"), choices=Pause.CHOICES)
    start = forms.DateField(label=_("from"), widget=DATE)
    note = forms.CharField(label=_("note"), max_length=200, required=False)


class ResumeForm(BootstrapMixin, forms.Form):
    period = forms.IntegerField(widget=forms.HiddenInput)
    end = forms.DateField(label=_("last day not counted"), widget=DATE)


class ExtendForm(BootstrapMixin, forms.Form):
    length = forms.IntegerField(
        label=_("length"), min_value=1, help_text=_("In the rule's unit: days, working days or months.")
    )
    approver = forms.CharField(label=_("approved by"), max_length=100)
    approved_on = forms.DateField(label=_("approved on"), widget=DATE)
    reason = forms.CharField(label=_("reason"), max_length=300)
