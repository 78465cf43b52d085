"""The forms of the transfer steps (the transfer page and the API's step endpoint) and of the report on the case: they
read and check the input; services/transfers.py acts and checks the order of the dates."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Unit

from .models import Outcome, PoliceDecision, TransferState

DATE = forms.DateInput(attrs={"type": "date"})
MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


NOTE = _("note")


def _note(label=NOTE, required=False):
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 2}), required=required)


class NamesField(forms.CharField):
    """Names in one text; the API may give them as a list."""

    def to_python(self, value):
        if isinstance(value, list | tuple):
            value = "、".join(str(name) for name in value)
        return super().to_python(value)


class ReportForm(BootstrapMixin, forms.Form):
    """The transfer report, a step of the case."""

    reported_on = forms.DateField(label=_("reported on"), widget=DATE)
    officers = NamesField(
        label=_("officers"),
        max_length=300,
        help_text=_("At least two names, separated by 、 or commas."),
    )
    report_note = _note(_("summary of the report"))


class ChiefForm(BootstrapMixin, forms.Form):
    approver = forms.CharField(label=_("the chief who decided"), max_length=100)
    at = forms.DateTimeField(label=_("decided at"), widget=MOMENT, help_text=_("Date and time."))


class NotApproveForm(ChiefForm):
    reasons = _note(_("reasons"), required=True)


def _units(transfer, key):
    """The other units of the transfer's organisation, the one with `key` first chosen."""
    units = Unit.objects.filter(active=True, organisation=transfer.unit.organisation).exclude(pk=transfer.unit_id)
    return units.order_by("order", "pk"), units.filter(key=key).values_list("pk", flat=True).first()


class SendForm(BootstrapMixin, forms.Form):
    at = forms.DateTimeField(label=_("sent at"), widget=MOMENT, help_text=_("Date and time."))
    police = forms.ModelChoiceField(Unit.objects.none(), label=_("police unit"))
    copied_on = forms.DateField(label=_("copy sent to the procuratorate on"), widget=DATE, required=False)
    procuratorate = forms.ModelChoiceField(Unit.objects.none(), label=_("procuratorate"), required=False)

    def __init__(self, *args, transfer, **kwargs):
        super().__init__(*args, **kwargs)
        for name, key in (("police", "police"), ("procuratorate", "procuratorate")):
            units, initial = _units(transfer, key)
            self.fields[name].queryset = units
            self.fields[name].initial = initial


class ProcuratorateForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE)
    procuratorate = forms.ModelChoiceField(Unit.objects.none(), label=_("procuratorate"), required=False)

    def __init__(self, *args, transfer, **kwargs):
        super().__init__(*args, **kwargs)
        units, initial = _units(transfer, "procuratorate")
        self.fields["procuratorate"].queryset = units
        self.fields["procuratorate"].initial = transfer.procuratorate_id or initial
        if transfer.procuratorate_id:
            self.fields["procuratorate"].disabled = True


class DayForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE)


class DayNoteForm(DayForm):
    note = _note()


class ReturnForm(DayForm):
    note = _note(_("the police's reasons"), required=True)


class PoliceDecisionForm(BootstrapMixin, forms.Form):
    decision = forms.ChoiceField(label=_("decision"), choices=PoliceDecision.choices)
    day = forms.DateField(label=_("decided on"), widget=DATE)
    reasons = _note(_("reasons"))
    passed_to = forms.CharField(
        label=_("passed on to"), max_length=200, required=False, help_text=_("When passed on to another body.")
    )


class OutcomeForm(BootstrapMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("outcome"), choices=Outcome.choices)
    day = forms.DateField(label=_("date"), widget=DATE)
    note = _note()


class TransferFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("state"), choices=[("", _("all states")), *TransferState.choices], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].widget.attrs["class"] = "form-select form-select-sm"
