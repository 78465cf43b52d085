from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin
from zhichan.core.models import Unit

from .models import Assignment, Milestone, ProgressReport, Task
from .services.periods import periods


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
        field = self.fields["first_period"]
        field.widget.choices = [(p.key, p.label) for p in periods(programme)]
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


class FiguresField(forms.CharField):
    """Figures as lines of `name: value unit`, e.g. `培训场次: 3 场`; stored as a list of mappings."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{f['name']}: {f['value']}{' ' + f['unit'] if f.get('unit') else ''}" for f in value)
        return value

    def to_python(self, value):
        figures = []
        for number, line in enumerate((value or "").splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, rest = line.replace("：", ":").partition(":")
            parts = rest.split()
            if not sep or not name.strip() or not parts:
                raise forms.ValidationError(
                    _("Line %(line)d: write a figure as “name: value unit”.") % {"line": number}
                )
            try:
                amount = float(parts[0].replace(",", ""))
            except ValueError:
                raise forms.ValidationError(
                    _("Line %(line)d: %(value)s is not a number.") % {"line": number, "value": parts[0]}
                ) from None
            amount = int(amount) if amount.is_integer() else amount  # 3, not 3.0
            figures.append({"name": name.strip(), "value": amount, "unit": " ".join(parts[1:])})
        return figures


class ReportForm(BootstrapMixin, forms.ModelForm):
    figures = FiguresField(
        label=_("figures"), required=False, help_text=_("One per line: name: value unit, e.g. 培训场次: 3 场")
    )

    class Meta:
        model = ProgressReport
        fields = ["narrative", "percent", "figures"]
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 6}),
            "percent": forms.NumberInput(attrs={"min": 0, "max": 100}),
        }


class EvidenceForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("evidence file"))


class ReviewForm(BootstrapMixin, forms.Form):
    note = forms.CharField(label=_("review note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
