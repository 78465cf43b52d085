"""The forms of the mediation and rights-assistance pages and of the API's steps: they read and check the input;
the services act."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Region, Unit
from zhichan.core.roles import Role, role_of

from .forms import DATE
from .models import AssistanceKind, AssistanceOutcome, MediationKind, Ruling, Side
from .services.cases import township_choices


class UnitChoiceMixin:
    """The unit field offers the office every active unit of its organisation, a liaison its own."""

    def _units(self, user):
        units = (
            Unit.objects.filter(active=True) if role_of(user) == Role.OFFICE else Unit.objects.filter(pk=user.unit_id)
        )
        if user.unit_id:
            units = units.filter(organisation=user.unit.organisation)
        self.fields["unit"].queryset = units.order_by("order", "pk")
        if user.unit_id:
            self.fields["unit"].initial = user.unit_id
            self.fields["township"].queryset = township_choices(user.unit)


class MediationForm(UnitChoiceMixin, BootstrapMixin, forms.Form):
    """A dispute taken in, with its applicant and respondent."""

    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("mediating unit"))
    number = forms.CharField(label=_("mediation number"), max_length=60)
    title = forms.CharField(label=_("dispute"), max_length=200)
    kind = forms.ChoiceField(label=_("kind of mediation"), choices=MediationKind.choices)
    rights = forms.CharField(label=_("rights involved"), widget=forms.Textarea(attrs={"rows": 2}))
    claim = forms.CharField(label=_("claim"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    mediator = forms.CharField(label=_("mediator"), max_length=100, required=False)
    received_on = forms.DateField(label=_("received on"), widget=DATE)
    township = forms.ModelChoiceField(Region.objects.none(), label=_("township"), required=False)
    applicant = forms.CharField(label=_("applicant"), max_length=200)
    applicant_code = forms.CharField(label=_("applicant's credit code"), max_length=18, required=False)
    respondent = forms.CharField(label=_("respondent"), max_length=200, required=False)
    respondent_code = forms.CharField(label=_("respondent's credit code"), max_length=18, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._units(user)

    def parties(self) -> list:
        data = self.cleaned_data
        found = [{"side": Side.APPLICANT, "name": data["applicant"], "credit_code": data.get("applicant_code", "")}]
        if data.get("respondent"):
            found.append(
                {"side": Side.RESPONDENT, "name": data["respondent"], "credit_code": data.get("respondent_code", "")}
            )
        return found


class AssistanceForm(UnitChoiceMixin, BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("handling unit"))
    kind = forms.ChoiceField(label=_("kind of assistance"), choices=AssistanceKind.choices)
    requester = forms.CharField(label=_("requester"), max_length=200)
    credit_code = forms.CharField(label=_("unified social credit code"), max_length=18, required=False)
    matter = forms.CharField(label=_("matter"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    requested_on = forms.DateField(label=_("requested on"), widget=DATE)
    township = forms.ModelChoiceField(Region.objects.none(), label=_("township"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._units(user)


# The steps of a mediation and of a request, each with the form that reads what it needs.
class SessionForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE)
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class OutcomeForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE)
    note = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))


class AgreementForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("agreement in effect on"), widget=DATE)
    note = forms.CharField(label=_("terms in brief"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    agreement = forms.FileField(label=_("agreement file"), required=False)


class AttachForm(BootstrapMixin, forms.Form):
    agreement = forms.FileField(label=_("agreement file"))


class ApplyForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("applied on"), widget=DATE)
    court = forms.ModelChoiceField(Unit.objects.filter(active=True), label=_("court"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        courts = Unit.objects.filter(active=True)
        if user is not None and user.unit_id:
            courts = courts.filter(organisation=user.unit.organisation)
        self.fields["court"].queryset = courts.order_by("order", "pk")
        self.fields["court"].initial = courts.filter(key="court").values_list("pk", flat=True).first()


class RulingForm(BootstrapMixin, forms.Form):
    ruling = forms.ChoiceField(label=_("ruling"), choices=Ruling.choices)
    day = forms.DateField(label=_("ruled on"), widget=DATE)
    number = forms.CharField(label=_("ruling number"), max_length=100, required=False)
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class CloseRequestForm(BootstrapMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("outcome"), choices=AssistanceOutcome.choices)
    day = forms.DateField(label=_("closed on"), widget=DATE)
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
