"""The API's filters of figures: a period is filtered by its key in the one form the values store."""

from django import forms

from zhichan.core.filters import CharFilter, FilterSet

from .models import DataValue, IndicatorValue
from .periods import PeriodError, parse_period


class PeriodField(forms.CharField):
    """2024, 2024Q3, 2024-07 (or 2024q3): cleaned to the stored key; anything else is the filter's error."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return parse_period(value).key
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error


class PeriodFilter(CharFilter):
    field_class = PeriodField


class IndicatorValueFilter(FilterSet):
    period = PeriodFilter()

    class Meta:
        model = IndicatorValue
        fields = ["indicator", "indicator__code", "region", "period"]


class DataValueFilter(FilterSet):
    period = PeriodFilter()

    class Meta:
        model = DataValue
        fields = ["element", "region", "period", "unit", "state"]
