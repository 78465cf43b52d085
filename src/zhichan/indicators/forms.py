"""The office's form for a programme's reading of an indicator."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zhichan.core.forms import BootstrapMixin

from .models import Reading
from .periods import WindowKind


class ReadingForm(BootstrapMixin, forms.Form):
    window = forms.ChoiceField(label=_("counting window"), choices=Reading._meta.get_field("window").choices)
    since = forms.DateField(
        label=_("counted since"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),  # type="date" takes ISO dates only
    )
    text = forms.CharField(label=_("reading chosen"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("window") == WindowKind.CUMULATIVE and not data.get("since"):
            self.add_error("since", _("A cumulative window needs the date it counts from."))
        return data
