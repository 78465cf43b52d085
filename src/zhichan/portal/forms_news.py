"""The forms of the office's news pages: they read the input; services/news.py decides."""

from django import forms
from django.utils.translation import pgettext_lazy

from zhichan.core.forms import BootstrapMixin

from .forms import DATE, PortalBoundField
from .models import Notice
from .services.news import WRITTEN


class NoticeForm(BootstrapMixin, forms.ModelForm):
    bound_field_class = PortalBoundField

    class Meta:
        model = Notice
        fields = list(WRITTEN)
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
            "body_en": forms.Textarea(attrs={"rows": 6}),
        }


class PublishForm(BootstrapMixin, forms.Form):
    day = forms.DateField(
        label=pgettext_lazy("news", "Publish from"),
        required=False,
        widget=DATE,
        help_text=pgettext_lazy("news", "Today when left empty; a day ahead publishes it that morning."),
    )
