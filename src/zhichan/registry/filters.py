"""Filters of the register lists, shared by the pages, their Excel exports and the API (django-filter).

`q` searches (services/search.py); the other parameters narrow the list. The querysets passed in are already
scoped with visible_to(user).
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhichan.core.filters import (
    CharFilter,
    ChoiceFilter,
    DateFilter,
    FilterSet,
    IdFilter,
    IntegerFilter,
    ModelChoiceFilter,
    YearFilter,
)
from zhichan.core.models import Region
from zhichan.core.models.regions import RegionKind

from .models import (
    Copyright,
    CopyrightKind,
    DesignationKind,
    Enterprise,
    GeographicalIndication,
    GIKind,
    Patent,
    PatentType,
    Trademark,
    TrademarkKind,
)
from .services import search as searching
from .services.enterprises import designations_on

YES_NO = [("true", _("yes")), ("false", _("no"))]
STATE_CHOICES = [("valid", _("valid")), ("not-valid", _("not valid"))]


class YesNoFilter(ChoiceFilter):
    """A boolean field offered as all / yes / no."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", YES_NO)
        kwargs.setdefault("empty_label", _("all"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if value in ("true", "false"):
            return queryset.filter(**{self.field_name: value == "true"})
        return queryset


def township_regions():
    return Region.objects.filter(kind__in=RegionKind.township_level()).order_by("path")


class RegisterFilter(FilterSet):
    """Common parts: the search box, the township and the demo flag; Bootstrap classes on every field."""

    q = CharFilter(method="search", label=_("search"))
    region = ModelChoiceFilter(
        queryset=township_regions(), method="within_region", label=_("township"), empty_label=_("all townships")
    )
    synthetic = YesNoFilter(label=_("demo records"))

    region_field = "region"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def search(self, queryset, name, value):
        return searching.search(queryset, value)

    def within_region(self, queryset, name, region):
        return queryset.filter(**{f"{self.region_field}__path__startswith": region.path})


def _validity_day(filterset) -> datetime.date:
    return filterset.form.cleaned_data.get("on") or timezone.localdate()


class ValidityFilter(RegisterFilter):
    """`state` valid / not-valid on the day `on` (today when not given), through the set-based valid_on."""

    state = ChoiceFilter(choices=STATE_CHOICES, method="filter_state", label=_("validity"), empty_label=_("any"))
    on = DateFilter(method="keep", label=_("on date"), widget=forms.DateInput(attrs={"type": "date"}))

    def keep(self, queryset, name, value):
        return queryset  # read by filter_state

    def filter_state(self, queryset, name, value):
        valid = self.Meta.model.objects.valid_on(_validity_day(self))
        if value == "valid":
            return queryset.filter(pk__in=valid.values("pk"))
        return queryset.exclude(pk__in=valid.values("pk"))


class PatentFilter(ValidityFilter):
    patent_type = ChoiceFilter(choices=PatentType.choices, label=_("patent type"), empty_label=_("all types"))
    filing_year = YearFilter(field_name="filing_date", label=_("filing year"))
    grant_year = YearFilter(field_name="grant_date", label=_("grant year"))
    holder = IdFilter(field_name="holders", label=_("holder"), widget=forms.HiddenInput)

    class Meta:
        model = Patent
        fields = ["q", "patent_type", "region", "state", "on", "filing_year", "grant_year", "holder", "synthetic"]


class TrademarkFilter(ValidityFilter):
    kind = ChoiceFilter(choices=TrademarkKind.choices, label=_("kind"), empty_label=_("all kinds"))
    nice_class = IntegerFilter(min_value=1, max_value=45, method="filter_nice_class", label=_("Nice class"))
    gi_mark = YesNoFilter(label=_("GI mark"))
    madrid = YesNoFilter(label=_("Madrid"))
    holder = IdFilter(field_name="holders", label=_("holder"), widget=forms.HiddenInput)

    class Meta:
        model = Trademark
        fields = ["q", "kind", "nice_class", "gi_mark", "madrid", "region", "state", "on", "holder", "synthetic"]

    def filter_nice_class(self, queryset, name, value):
        # Stored as "19;21": match the number as a whole item of the list.
        number = str(int(value))
        return queryset.filter(nice_classes__regex=rf"(^|;){number}(;|$)")


class CopyrightFilter(RegisterFilter):
    kind = ChoiceFilter(choices=CopyrightKind.choices, label=_("kind"), empty_label=_("all kinds"))
    registration_year = YearFilter(field_name="registration_date", label=_("registration year"))
    owner = IdFilter(field_name="owners", label=_("owner"), widget=forms.HiddenInput)

    class Meta:
        model = Copyright
        fields = ["q", "kind", "registration_year", "region", "owner", "synthetic"]


class GIFilter(RegisterFilter):
    kind = ChoiceFilter(choices=GIKind.choices, label=_("kind"), empty_label=_("all kinds"))
    holder = IdFilter(field_name="holder", label=_("holder"), widget=forms.HiddenInput)

    class Meta:
        model = GeographicalIndication
        fields = ["q", "kind", "region", "holder", "synthetic"]


class EnterpriseFilter(RegisterFilter):
    designation = ChoiceFilter(
        choices=DesignationKind.choices,
        method="filter_designation",
        label=_("designation held today"),
        empty_label=_("any"),
    )
    ip_institution = YesNoFilter(label=_("IP institution"))
    ip_strategy = YesNoFilter(label=_("IP strategy"))

    class Meta:
        model = Enterprise
        fields = ["q", "region", "designation", "ip_institution", "ip_strategy", "synthetic"]

    def filter_designation(self, queryset, name, value):
        return designations_on(queryset, timezone.localdate(), value)
