"""The one filter mechanism of lists, for pages and the API: django-filter with bounded filters.

Every filterset of the project extends `FilterSet`, and the API's filter backend (`FilterBackend`, the default in
settings) builds the filtersets of `filterset_fields` on it too. A value a filter cannot take — a year that is not a
year, an id past what the database stores, a yes/no that is neither — is a form error with a message: the API
answers 400 with it, a page shows it above the list (the other filters still apply). No value reaches the database
that it cannot compare, so no filter answers 500.
"""

import django_filters
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.rest_framework import FilterSet as RestFilterSet
from django_filters.rest_framework.filterset import FILTER_FOR_DBFIELD_DEFAULTS

# What a 64-bit integer column holds.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# Years a date can carry (Python's date range).
YEAR_MIN, YEAR_MAX = 1, 9999


# The other filters, for filtersets to import from one place.
CharFilter = django_filters.CharFilter
ChoiceFilter = django_filters.ChoiceFilter
DateFilter = django_filters.DateFilter
ModelChoiceFilter = django_filters.ModelChoiceFilter


class IntegerFilter(django_filters.NumberFilter):
    """A whole number within what a 64-bit column holds (or the narrower `min_value`, `max_value`)."""

    field_class = forms.IntegerField
    minimum, maximum = INT64_MIN, INT64_MAX

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", self.minimum)
        kwargs.setdefault("max_value", self.maximum)
        super().__init__(*args, **kwargs)

    def get_max_validator(self):
        return None  # the field's own bounds


class IdFilter(IntegerFilter):
    """A row's id: a whole number from 1 to the largest a 64-bit key holds."""

    minimum = 1


class YearFilter(IntegerFilter):
    """A calendar year (1–9999) of a date field: `YearFilter(field_name="filing_date")`."""

    minimum, maximum = YEAR_MIN, YEAR_MAX

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        super().__init__(*args, **kwargs)


class StrictBooleanField(forms.NullBooleanField):
    """true / false (also 1 / 0, yes / no, any case); empty is "not given"; anything else is an error."""

    widget = forms.TextInput
    WORDS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}

    def to_python(self, value):
        if value in (None, "") or isinstance(value, bool):
            return value if isinstance(value, bool) else None
        found = self.WORDS.get(str(value).strip().lower())
        if found is None:
            raise forms.ValidationError(_("Enter true or false."), code="invalid")
        return found

    def validate(self, value):
        pass


class BooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


BOUNDED = {
    models.AutoField: {"filter_class": IdFilter},
    models.IntegerField: {"filter_class": IntegerFilter},
    models.SmallIntegerField: {"filter_class": IntegerFilter},
    models.PositiveIntegerField: {"filter_class": IntegerFilter, "extra": lambda f: {"min_value": 0}},
    models.PositiveSmallIntegerField: {"filter_class": IntegerFilter, "extra": lambda f: {"min_value": 0}},
    models.BooleanField: {"filter_class": BooleanFilter},
    models.NullBooleanField: {"filter_class": BooleanFilter},
}


class FilterSet(RestFilterSet):
    """The base of every filterset: generated filters of whole numbers, ids, years and booleans are bounded."""

    FILTER_DEFAULTS = {**FILTER_FOR_DBFIELD_DEFAULTS, **BOUNDED}

    @classmethod
    def filter_for_lookup(cls, field, lookup_type):
        if lookup_type == "year":
            return YearFilter, {}
        if lookup_type == "isnull":
            return BooleanFilter, {}
        return super().filter_for_lookup(field, lookup_type)


class FilterBackend(DjangoFilterBackend):
    """The API's filter backend: `filterset_fields` become a `FilterSet` of this module."""

    filterset_base = FilterSet
