from decimal import InvalidOperation
from itertools import zip_longest

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Unit
from zhichan.core.numbers import parse_figure

from .models import Assignment, Milestone, Task
from .periods import periods


def _date_input():
    # type="date" takes ISO dates only; the Chinese locale's own format (2022/01/25) would leave it empty.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AssignForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.filter(active=True), label=_("unit"))
    role = forms.ChoiceField(choices=Assignment.Role.choices, label=_("role"))
    first_period = forms.DateField(
        label=_("reports from"),
        help_text=_("Periods before this one are never overdue for the unit."),
        widget=forms.Select,
    )

    def __init__(self, *args, programme, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The units of the programme's own region's organisation: another region's may have the same names.
        self.fields["unit"].queryset = Unit.objects.filter(active=True, organisation=programme.region)
        field = self.fields["first_period"]
        field.widget.choices = [(p.key, p.shown) for p in periods(programme)]
        if current is not None:
            field.initial = current.key


class ScheduleForm(BootstrapMixin, forms.ModelForm):
    """Shows the dates in force: a task without its own start or deadline has the programme's."""

    class Meta:
        model = Task
        fields = ["start", "deadline", "completed_on"]
        widgets = {name: _date_input() for name in fields}

    def __init__(self, *args, instance, **kwargs):
        kwargs.setdefault("initial", {"start": instance.effective_start, "deadline": instance.effective_deadline})
        super().__init__(*args, instance=instance, **kwargs)


class MilestoneForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due", "done_on"]
        labels = {"title": _("milestone"), "due": _("due date"), "done_on": _("done on")}
        widgets = {"due": _date_input(), "done_on": _date_input()}


class UrgeForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("note to the unit"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What the unit is to do, and by when."),
    )


class AnswerForm(BootstrapMixin, forms.Form):
    answer = forms.CharField(label=_("answer"), widget=forms.Textarea(attrs={"rows": 3}))


class UnitPlanForm(BootstrapMixin, forms.Form):
    text = forms.CharField(label=_("work plan"), widget=forms.Textarea(attrs={"rows": 8}))


def figure_number(text: str):
    """A figure's value as typed (thousands separators and full-width digits allowed), or None if not a number."""
    try:
        number = parse_figure(text or "")
    except InvalidOperation:
        return None
    return int(number) if number == number.to_integral_value() else float(number)  # 3, not 3.0


def shown_number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ReportForm(BootstrapMixin, forms.Form):
    """The whole report in one form: the text, percent complete, the figures as rows and evidence to attach.

    Figures come as parallel lists `figure_name`, `figure_value`, `figure_unit`, one entry per row on the page,
    so rows can be added and removed without renumbering; blank rows are ignored.
    """

    narrative = forms.CharField(label=_("progress"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    percent = forms.IntegerField(
        label=_("percent complete"), min_value=0, max_value=100, widget=forms.NumberInput(attrs={"min": 0, "max": 100})
    )
    file = forms.FileField(label=_("evidence file"), required=False)

    def __init__(self, data=None, files=None, *, report):
        initial = {"narrative": report.narrative, "percent": report.percent}
        super().__init__(data, files, initial=initial)
        if data is None:
            self.rows = [
                {"name": f.get("name", ""), "value": shown_number(f.get("value")), "unit": f.get("unit", "")}
                for f in report.figures
            ]
        else:
            names, values, units = (data.getlist(f"figure_{key}") for key in ("name", "value", "unit"))
            self.rows = [
                {"name": n.strip(), "value": v.strip(), "unit": u.strip()}
                for n, v, u in zip_longest(names, values, units, fillvalue="")
            ]
            self.rows = [row for row in self.rows if row["name"] or row["value"] or row["unit"]]
        for row in self.rows:
            row["errors"] = []

    def clean(self):
        cleaned = super().clean()
        figures = []
        for number, row in enumerate(self.rows, start=1):
            value = figure_number(row["value"])
            if not row["name"]:
                row["errors"].append("name")
                self.add_error(None, _("Figure %(row)d, name: give the figure a name.") % {"row": number})
            if row["value"] == "":
                row["errors"].append("value")
                self.add_error(None, _("Figure %(row)d, value: enter a number.") % {"row": number})
            elif value is None:
                row["errors"].append("value")
                self.add_error(
                    None,
                    _("Figure %(row)d, value: “%(value)s” is not a number.") % {"row": number, "value": row["value"]},
                )
            figures.append({"name": row["name"], "value": value, "unit": row["unit"]})
        cleaned["figures"] = figures
        return cleaned


class EvidenceForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("evidence file"))


class ReviewForm(BootstrapMixin, forms.Form):
    note = forms.CharField(label=_("review note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
