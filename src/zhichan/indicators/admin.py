from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import DataElement, DataValue, Indicator, IndicatorValue, Reading, ValidationRule
from .periods import PeriodError, parse_period
from .services.entry import rule_violations, violation_message


@admin.register(DataElement)
class DataElementAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit_of_measure", "value_type", "decimals", "aggregation", "period_type"]
    filter_horizontal = ["units"]


@admin.register(ValidationRule)
class ValidationRuleAdmin(SimpleHistoryAdmin):
    """Rules come from the indicators data file; a change here holds until the file is loaded again."""

    list_display = ["code", "name", "left", "operator", "right", "message"]


class DataValueForm(forms.ModelForm):
    """A figure changed here is held to the validation rules as on the entry page."""

    class Meta:
        model = DataValue
        fields = [
            "element",
            "region",
            "period",
            "period_start",
            "period_end",
            "value",
            "unit",
            "comment",
            "state",
            "entered_by",
            "submitted_at",
            "approved_by",
            "approved_at",
        ]

    def clean(self):
        data = super().clean()
        element, region, value = data.get("element"), data.get("region"), data.get("value")
        try:
            period = parse_period(data.get("period") or "")
        except PeriodError:
            return data  # the model's own check names the period
        if element and region and value is not None:
            broken = rule_violations(region, period.key, {element: value})
            if broken:
                raise forms.ValidationError([violation_message(v) for v in broken])
        return data


@admin.register(DataValue)
class DataValueAdmin(SimpleHistoryAdmin):
    form = DataValueForm
    list_display = ["element", "region", "period", "shown_value", "unit", "state"]
    list_filter = ["state", "element"]
    list_select_related = ["element", "region", "unit"]
    raw_id_fields = ["region", "unit", "entered_by", "approved_by"]

    @admin.display(description=_("value"), ordering="value")
    def shown_value(self, row):
        return row.shown


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit_of_measure", "numerator", "denominator"]


@admin.register(Reading)
class ReadingAdmin(SimpleHistoryAdmin):
    """Shown, not edited here: a changed reading must make its values stale and recompute them, which the indicators
    file and the indicator page do (`services/readings.py`)."""

    list_display = ["indicator", "programme", "window", "since", "revision"]
    list_filter = ["programme"]
    readonly_fields = [f.name for f in Reading._meta.fields]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "reading", "region", "period", "value", "reason", "computed_at"]
    list_filter = ["indicator", "reading__programme"]
    raw_id_fields = ["region"]
    readonly_fields = [f.name for f in IndicatorValue._meta.fields]
