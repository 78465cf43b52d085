"""The upload form of the import page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import kind_choices, kinds_for
from .profiles import all_profiles


def profile_choices(user=None):
    """The profiles of the kinds the user may import (every kind's for the system)."""
    names = {kind.name for kind in kinds_for(user)}
    shown = [p for p in all_profiles() if p.kind in names]
    return [("", _("detect from the header row"))] + [(p.name, f"{p.display_label} ({p.name})") for p in shown]


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("register"), choices=kind_choices)
    file = forms.FileField(label=_("file"), help_text=_("CSV (UTF-8 or GBK) or Excel (.xlsx, .xls)."))
    profile = forms.ChoiceField(label=_("mapping profile"), required=False)
    dry_run = forms.BooleanField(
        label=_("preview only (dry run): check and count, change nothing"), required=False, initial=True
    )
    source = forms.CharField(
        label=_("source"), max_length=300, required=False, help_text=_("e.g. 国家知识产权局专利检索导出 2024-06-30")
    )

    def __init__(self, *args, user=None, **kwargs):
        """`user`: only the kinds (and their profiles) the user's role may import are offered and accepted."""
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(user)
        self.fields["profile"].choices = profile_choices(user)
        for name, field in self.fields.items():
            css = (
                "form-check-input"
                if name == "dry_run"
                else ("form-select" if name in ("kind", "profile") else "form-control")
            )
            field.widget.attrs["class"] = css

    def clean(self):
        data = super().clean()
        profile, kind = data.get("profile"), data.get("kind")
        if profile and kind and profile not in {p.name for p in all_profiles(kind)}:
            self.add_error("profile", _("This profile is for another register."))
        return data
