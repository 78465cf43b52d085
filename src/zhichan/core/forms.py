from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import CalendarDay, CalendarYear, Membership, Person, Unit
from .roles import Role, role_of


class BootstrapMixin:
    """Give every widget Bootstrap's class, so templates render fields with one include."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = (
                "form-check-input"
                if getattr(widget, "input_type", None) in ("checkbox", "radio")
                else ("form-select" if isinstance(widget, forms.Select) else "form-control")
            )
            widget.attrs.setdefault("class", css)


def five_points(label, *, help_text="", widget=forms.RadioSelect) -> forms.TypedChoiceField:
    """A score from 5 down to 1, as the platform asks every question of satisfaction or usefulness."""
    return forms.TypedChoiceField(
        label=label, choices=[(str(n), str(n)) for n in range(5, 0, -1)], coerce=int, widget=widget, help_text=help_text
    )


def comment_field(label) -> forms.CharField:
    """The free comment that goes with a score."""
    return forms.CharField(label=label, required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class PersonForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "unit", "title", "phone", "email", "is_ip_staff", "active"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A liaison can only place people in its own unit.
        if role_of(user) == Role.OFFICE:
            self.fields["unit"].queryset = Unit.objects.all()
        else:
            self.fields["unit"].queryset = Unit.objects.filter(pk=user.unit_id)


class ChangeSeatForm(BootstrapMixin, forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), label=Person._meta.verbose_name)
    post = forms.CharField(max_length=100, label=Membership._meta.get_field("post").verbose_name)
    on = forms.DateField(
        label=Membership._meta.get_field("start").verbose_name, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.fields["person"].queryset = Person.objects.filter(active=True).exclude(pk=membership.person_id)

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on <= self.membership.start:
            raise forms.ValidationError(
                _("The change must come after %(date)s, when the seat was last filled.")
                % {"date": self.membership.start}
            )
        return on


class CalendarDayForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = CalendarDay
        fields = ["date", "kind", "name", "source"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].required = False  # left empty: the office entered it


class CalendarYearForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(min_value=1949, max_value=2200, label=CalendarYear._meta.get_field("year").verbose_name)
    complete = forms.BooleanField(
        required=False,
        label=gettext_lazy("The calendar knows this year in full"),
        help_text=gettext_lazy("Mark it once every holiday and make-up working day of the year's notice is entered."),
    )
    source = forms.CharField(
        max_length=300,
        required=False,
        label=CalendarYear._meta.get_field("source").verbose_name,
        help_text=gettext_lazy("The notice the year's arrangement comes from."),
    )


class ApiTokenForm(BootstrapMixin, forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What the token is for"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("For example the program or computer that uses it."),
    )
