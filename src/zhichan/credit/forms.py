"""The credit forms: entering a record or a listing, the steps on them (the pages and the API's step endpoints),
the list filters. They read and check the input; the services act and check the rules."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Unit
from zhichan.core.roles import Role, role_of
from zhichan.protection.models import Case

from .models import DishonestyKind, RecordSource, RecordState, SubjectKind
from .models.serious import ListingState
from .services.repair import LISTING_CONDITIONS, RECORD_CONDITIONS

# ISO in the value whatever the language: a date input reads no other.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label, required=True):
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 2}), required=required)


def _units(user):
    units = Unit.objects.filter(active=True) if role_of(user) == Role.OFFICE else Unit.objects.filter(pk=user.unit_id)
    if user.unit_id:
        units = units.filter(organisation=user.unit.organisation)
    return units.order_by("order", "pk")


class SubjectForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("finding unit"))
    subject_kind = forms.ChoiceField(label=_("kind of subject"), choices=SubjectKind.choices)
    subject_name = forms.CharField(label=_("name of the subject"), max_length=200)
    credit_code = forms.CharField(
        label=_("unified social credit code"), max_length=18, required=False, help_text=_("For an organisation.")
    )
    id_number = forms.CharField(label=_("ID number"), max_length=18, required=False, help_text=_("For a person."))
    case = forms.ModelChoiceField(Case.objects.none(), label=_("enforcement case"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units(user)
        if user.unit_id:
            self.fields["unit"].initial = user.unit_id
        self.fields["case"].queryset = Case.objects.editable_by(user).order_by("-lead_on", "-pk")


class RecordForm(SubjectForm):
    kind = forms.ModelChoiceField(DishonestyKind.objects.all(), label=_("kind of dishonesty"))
    source = forms.ChoiceField(label=_("source"), choices=RecordSource.choices, initial=RecordSource.MANUAL)
    inspection_reference = forms.CharField(label=_("inspection reference"), max_length=100, required=False)
    found_on = forms.DateField(label=_("found on"), widget=DATE)
    document_number = forms.CharField(label=_("document number"), max_length=100)
    facts = _text(_("facts"))
    field_order = ["unit", "subject_kind", "subject_name", "credit_code", "id_number", "kind", "source", "case"]


class ListingForm(SubjectForm):
    decision_number = forms.CharField(label=_("listing decision number"), max_length=100)
    listed_on = forms.DateField(label=_("listed on"), widget=DATE)
    reasons = _text(_("reasons for listing"))


class RepairAskForm(BootstrapMixin, forms.Form):
    asked_on = forms.DateField(label=_("asked on"), widget=DATE, initial=datetime.date.today)
    conditions = forms.MultipleChoiceField(
        label=_("conditions declared met"),
        choices=list(RECORD_CONDITIONS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Every condition must be met."),
    )
    statement = _text(_("the applicant's statement"), required=False)


class RemovalAskForm(RepairAskForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conditions"].choices = list(LISTING_CONDITIONS.items())


class DecisionForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("decided on"), widget=DATE, initial=datetime.date.today)
    reasons = _text(_("reasons"), required=False)


class RefusalForm(DecisionForm):
    reasons = _text(_("reasons"))


class PeriodForm(BootstrapMixin, forms.Form):
    published_to = forms.DateField(label=_("published until"), widget=DATE)
    reason = _text(_("reason"))


class RevokeForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE, initial=datetime.date.today)
    reason = _text(_("reason"))


class DayForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE, initial=datetime.date.today)


class DayNoteForm(DayForm):
    note = _text(_("note"), required=False)


class RecordFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("name, credit code or document number"), required=False)
    kind = forms.ModelChoiceField(DishonestyKind.objects.all(), label=_("kind"), required=False)
    state = forms.ChoiceField(label=_("state"), choices=[("", _("any state")), *RecordState.choices], required=False)
    ending = forms.BooleanField(label=_("publication ends within 30 days"), required=False)


class ListingFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("name, credit code or decision number"), required=False)
    state = forms.ChoiceField(label=_("state"), choices=[("", _("any state")), *ListingState.choices], required=False)


class GradeRunForm(BootstrapMixin, forms.Form):
    as_of = forms.DateField(label=_("as of"), widget=DATE, initial=datetime.date.today)
