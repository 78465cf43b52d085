"""What the services module's forms share: a date input, the regions and units of the user's organisation, and
`values()` handing the cleaned input to an action."""

from django import forms
from django.db.models import Q

from zhichan.core.models import Region, RegionKind, Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def organisation_of(user):
    return user.unit.organisation if getattr(user, "unit_id", None) else None


def regions_of(user):
    """The user's organisation's region and its townships (every organisation and township for an account without a
    unit)."""
    organisation = organisation_of(user)
    townships = Q(kind__in=RegionKind.township_level())
    if organisation is None:
        return Region.objects.filter(townships | Q(organisation_units__isnull=False)).distinct().order_by("path")
    return Region.objects.filter(Q(pk=organisation.pk) | (townships & Q(path__startswith=organisation.path))).order_by(
        "path"
    )


def units_of(user):
    units = Unit.objects.filter(active=True)
    organisation = organisation_of(user)
    if organisation is not None:
        units = units.filter(organisation=organisation)
    return units.order_by("order", "pk")


class ValuesMixin:
    """The cleaned input as the action's keyword arguments (fields left out with `not_passed`)."""

    not_passed: tuple = ()

    def values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name not in self.not_passed}


class FilterForm(forms.Form):
    """A list's filters: small selects and a search box, none required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            css = (
                "form-select form-select-sm"
                if isinstance(field.widget, forms.Select)
                else "form-control form-control-sm"
            )
            field.widget.attrs["class"] = css
