"""The forms of the joint-meeting pages and of the API's decision steps: they read and check the input; the actions
(services/meetings.py) decide."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Unit

from .forms import DATE
from .models import MeetingKind
from .services.meetings import MAX_MONTHS, MAX_NOTICE_DAYS

NOTE = forms.Textarea(attrs={"rows": 2})


def organisation_units(organisation_id):
    """The active units of the organisation (every unit for an account without one), in the roster's order."""
    units = Unit.objects.filter(active=True)
    if organisation_id is not None:
        units = units.filter(organisation_id=organisation_id)
    return units.order_by("order", "pk")


class MeetingForm(BootstrapMixin, forms.Form):
    """A joint meeting held: what, when, who convened it and who came, the agenda and the minutes."""

    title = forms.CharField(label=_("meeting"), max_length=200, help_text=_("e.g. the first plenary meeting of 2024"))
    kind = forms.ChoiceField(label=_("kind of meeting"), choices=MeetingKind.choices, initial=MeetingKind.PLENARY)
    held_on = forms.DateField(label=pgettext_lazy("joint meeting", "held on"), widget=DATE)
    convener = forms.ModelChoiceField(Unit.objects.none(), label=_("convening unit"))
    units_present = forms.ModelMultipleChoiceField(
        Unit.objects.none(),
        label=_("units present"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick the units present at the meeting.")},
    )
    agenda = forms.CharField(label=_("agenda"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    minutes = forms.FileField(label=_("minutes"), required=False, help_text=_("PDF, scan or office file."))

    def __init__(self, *args, organisation_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = organisation_units(organisation_id)
        self.fields["convener"].queryset = units
        self.fields["units_present"].queryset = units
        # The office's host unit (market supervision) convenes by default, as the plan has it.
        host = units.filter(kind="office").values_list("parent_id", flat=True).first()
        if host:
            self.fields["convener"].initial = host


class DecisionForm(BootstrapMixin, forms.Form):
    text = forms.CharField(label=pgettext_lazy("joint meeting", "decision"), widget=forms.Textarea(attrs={"rows": 3}))
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("assigned unit"))
    deadline = forms.DateField(label=_("deadline"), widget=DATE)

    def __init__(self, *args, organisation_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = organisation_units(organisation_id)


class MinutesForm(BootstrapMixin, forms.Form):
    minutes = forms.FileField(label=_("minutes"), help_text=_("PDF, scan or office file."))


class FrequencyForm(BootstrapMixin, forms.Form):
    months = forms.IntegerField(label=_("a plenary meeting every (months)"), min_value=1, max_value=MAX_MONTHS)
    notice_days = forms.IntegerField(
        label=_("remind the office (days before it is due)"), min_value=0, max_value=MAX_NOTICE_DAYS
    )
    basis = forms.CharField(
        label=_("basis"),
        widget=NOTE,
        required=False,
        help_text=_("The document that sets the interval, e.g. the joint meeting's rules."),
    )


# The steps of a decision.
class ProgressForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE)
    note = forms.CharField(label=_("progress"), widget=NOTE)


class DoneForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("done on"), widget=DATE)
    note = forms.CharField(label=_("what was done"), widget=NOTE)


class ReassignForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("assigned unit"))
    deadline = forms.DateField(label=_("new deadline"), widget=DATE, required=False)
    note = forms.CharField(label=_("reason"), widget=NOTE)

    def __init__(self, *args, organisation_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = organisation_units(organisation_id)


class CancelForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=_("date"), widget=DATE)
    note = forms.CharField(label=_("reason"), widget=NOTE)
