from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import DataElement, DataValue, Indicator, IndicatorValue, ValidationRule


@admin.register(DataElement)
class DataElementAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit_of_measure", "value_type", "decimals", "aggregation", "period_type"]
    filter_horizontal = ["units"]


@admin.register(ValidationRule)
class ValidationRuleAdmin(SimpleHistoryAdmin):
    """Rules come from the indicators data file; a change here holds until the file is loaded again."""

    list_display = ["code", "name", "left", "operator", "right", "message"]


@admin.register(DataValue)
class DataValueAdmin(SimpleHistoryAdmin):
    list_display = ["element", "region", "period", "shown_value", "unit", "state"]
    list_filter = ["state", "element"]
    list_select_related = ["element", "region", "unit"]
    raw_id_fields = ["region", "unit", "entered_by", "approved_by"]

    @admin.display(description=_("value"), ordering="value")
    def shown_value(self, row):
        return row.shown


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit_of_measure", "numerator", "denominator", "window"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "region", "period", "value", "reason", "computed_at"]
    list_filter = ["indicator"]
    raw_id_fields = ["region"]
    readonly_fields = [f.name for f in IndicatorValue._meta.fields]
