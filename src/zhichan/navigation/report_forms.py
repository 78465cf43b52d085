"""The form of a set's navigation report: the analyses to put in it, the office's text for each, the options the
analyses are drawn with, and the office's introduction and conclusions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin

from .models import PatentSet
from .services.analyses import CATALOGUE, LEVEL_NAMES
from .services.report import CONCLUSIONS, INTRODUCTION

TEXT_ROWS = 4


def text_field(key: str) -> str:
    return f"text_{key}"


def _text(label, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=20000, help_text=help_text,
        widget=forms.Textarea(attrs={"rows": TEXT_ROWS}),
    )  # fmt: skip


class ReportForm(BootstrapMixin, forms.Form):
    sections = forms.MultipleChoiceField(
        label=_("analyses in the report"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one analysis for the report.")},
    )
    level = forms.ChoiceField(label=_("technology composition by"), choices=list(LEVEL_NAMES.items()))
    against = forms.ModelChoiceField(PatentSet.objects.none(), label=_("compare with"), required=False, empty_label="—")

    def __init__(self, *args, patent_set=None, user=None, feedable=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sections"].choices = [(found.key, found.title) for found in feedable]
        self.fields["against"].queryset = (
            PatentSet.objects.visible_to(user).exclude(pk=patent_set.pk).filter(patent_count__gt=0)
        )
        self.fields[text_field(INTRODUCTION)] = _text(
            _("introduction"), _("Why the navigation was made and what it asks; it opens the report.")
        )
        for key in CATALOGUE:
            self.fields[text_field(key)] = _text(_("your text for this analysis"))
        self.fields[text_field(CONCLUSIONS)] = _text(
            _("conclusions and suggestions"), _("What the analyses show and what to do; it closes the report.")
        )
        for name, field in self.fields.items():
            if name.startswith("text_"):
                field.widget.attrs.setdefault("class", "form-control")

    def texts(self) -> dict:
        """The office's texts by section (and introduction, conclusions), as typed."""
        keys = [INTRODUCTION, *CATALOGUE, CONCLUSIONS]
        return {key: self.cleaned_data.get(text_field(key), "") for key in keys}
