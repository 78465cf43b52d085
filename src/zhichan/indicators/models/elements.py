"""Data elements: figures that units report per region and period, with validation rules and approval."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region, Unit
from zhichan.core.numbers import format_figure, rounded
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..periods import PeriodError, parse_period


class ValueType(models.TextChoices):
    INTEGER = "integer", _("whole number")
    NUMBER = "number", _("number")
    PERCENT = "percent", _("percentage")


class Aggregation(models.TextChoices):
    SUM = "sum", _("sum over the region tree")
    NONE = "none", _("not added up (each region's own figure)")
    # A total held (服务网点总数) or a rank: the latest approved figure at the period's end, the region's own.
    LATEST = "latest", _("latest figure at the period's end (each region's own)")


class PeriodType(models.TextChoices):
    MONTH = "month", _("monthly")
    QUARTER = "quarter", _("quarterly")
    YEAR = "year", _("yearly")


class DataElement(models.Model):
    """A figure units report, e.g. 维权援助案件数 per quarter (DHIS2's data element)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what to count"), blank=True)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=20)
    value_type = models.CharField(_("value type"), max_length=10, choices=ValueType.choices)
    aggregation = models.CharField(_("aggregation"), max_length=10, choices=Aggregation.choices, default="sum")
    period_type = models.CharField(_("reported"), max_length=10, choices=PeriodType.choices, default="quarter")
    min_value = models.DecimalField(_("smallest value"), max_digits=18, decimal_places=4, null=True, blank=True)
    max_value = models.DecimalField(_("largest value"), max_digits=18, decimal_places=4, null=True, blank=True)
    decimals = models.PositiveSmallIntegerField(
        _("decimals shown"), default=2, help_text=_("For numbers and percentages; whole numbers show none.")
    )
    units = models.ManyToManyField(Unit, related_name="data_elements", blank=True, verbose_name=_("reported by"))
    # Population lives in one place, core's population table: a reported population is a proposal until the
    # office approves it, and approving writes it there (services/entry.py).
    is_population = models.BooleanField(
        _("resident population"),
        default=False,
        help_text=_("Approved values become the region's resident population for the period's year."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The indicators file that defined it: another programme's file may use the code only with the same definition.
    source_file = models.CharField(_("loaded from"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("data element")
        verbose_name_plural = _("data elements")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name

    @property
    def variable(self) -> str:
        """The name formulas use: the code with hyphens as underscores."""
        return self.code.replace("-", "_")

    @property
    def shown_decimals(self) -> int:
        """A count shows no decimals; an amount or a percentage its own (万元: 2)."""
        return 0 if self.value_type == ValueType.INTEGER else self.decimals

    def rounded(self, value):
        """The value as it is shown and exported: an int for a count, a Decimal with the element's decimals."""
        return rounded(value, self.shown_decimals)

    def format(self, value) -> str:
        return format_figure(value, self.shown_decimals)

    def check_value(self, value) -> None:
        """The element's validation rules; raises ValidationError with a message for the form."""
        if value is None:
            return
        if self.value_type == ValueType.INTEGER and value != int(value):
            raise ValidationError(_("Enter a whole number."))
        if self.value_type == ValueType.PERCENT and not 0 <= value <= 100:
            raise ValidationError(_("A percentage lies between 0 and 100."))
        if self.min_value is not None and value < self.min_value:
            raise ValidationError(_("At least %(min)s.") % {"min": f"{self.min_value.normalize():f}"})
        if self.max_value is not None and value > self.max_value:
            raise ValidationError(_("At most %(max)s.") % {"max": f"{self.max_value.normalize():f}"})


class ValueState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")
    RETURNED = "returned", _("returned")


# A unit's unfinished work: only the unit itself and the office (which corrects figures) see it.
UNFINISHED = (ValueState.DRAFT, ValueState.RETURNED)


class DataValue(models.Model):
    """One reported figure: data element × region × period, entered by a unit, approved by the office."""

    element = models.ForeignKey(DataElement, models.PROTECT, related_name="values", verbose_name=_("data element"))
    region = models.ForeignKey(Region, models.PROTECT, related_name="data_values", verbose_name=_("region"))
    period = models.CharField(_("period"), max_length=10)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="data_values", verbose_name=_("reporting unit"))
    comment = models.TextField(_("comment"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=ValueState.choices, default=ValueState.DRAFT)
    # Why the office returned it, while it is returned; earlier reasons are in the history.
    return_reason = models.TextField(_("reason returned"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    history = HistoricalRecords()

    # A liaison reads its own unit's values and those placed in its region; it writes its own unit's. Drafts and
    # returned values are the unit's unfinished work: other units and the leadership do not see them.
    scope = Scope(
        unit="unit",
        region="region",
        owners_write=True,
        unfinished=("state", UNFINISHED),
        organisation="unit__organisation",
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("data value")
        verbose_name_plural = _("data values")
        ordering = ["element__order", "period_start", "region__path"]
        constraints = [
            models.UniqueConstraint(fields=["element", "region", "period"], name="datavalue_element_region_period")
        ]
        indexes = [models.Index(fields=["element", "state", "period_start", "period_end"])]

    def __str__(self):
        return f"{self.element} {self.region} {self.period}: {self.shown}"

    @property
    def shown(self) -> str:
        """The value as a person reads it: 12,000 for a count, 1,234.50 for an amount in 万元."""
        return self.element.format(self.value)

    @property
    def figure(self):
        """The value as a number with the element's decimals (exports)."""
        return self.element.rounded(self.value)

    def clean(self):
        try:
            period = parse_period(self.period)
        except PeriodError as error:
            raise ValidationError({"period": str(error)}) from None
        self.period, self.period_start, self.period_end = period.key, period.start, period.end
        if self.element_id and period.kind != self.element.period_type:
            raise ValidationError(
                {"period": _("This figure is reported %(type)s.") % {"type": self.element.get_period_type_display()}}
            )
        if self.element_id:
            try:
                self.element.check_value(self.value)
            except ValidationError as error:
                raise ValidationError({"value": error.messages}) from None
