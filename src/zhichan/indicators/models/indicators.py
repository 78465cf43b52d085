"""Indicators (formulas over metrics and data elements) and their materialized values per region × period."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..periods import WindowKind
from ..reasons import describe


class Indicator(models.Model):
    """value = numerator / denominator, each a formula over metric and data-element names (simpleeval).

    Numerator and denominator are kept apart so a value for a county is sum(numerator) / sum(denominator)
    over its territory, never an average of its townships' ratios.
    """

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=20)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=0)
    numerator = models.CharField(_("numerator"), max_length=500)
    denominator = models.CharField(_("denominator"), max_length=500, blank=True)
    window = models.CharField(
        _("counting window"),
        max_length=15,
        choices=[
            (WindowKind.STOCK, _("stock at the period's end")),
            (WindowKind.PERIOD, _("within the period")),
            (WindowKind.YEAR_TO_DATE, _("from 1 January to the period's end")),
            (WindowKind.CUMULATIVE, _("cumulative since a date")),
        ],
        default=WindowKind.STOCK,
    )
    since = models.DateField(_("counted since"), null=True, blank=True)
    options = models.JSONField(_("options"), default=dict, blank=True)
    definition = models.TextField(_("what counts"), blank=True)
    excludes = models.TextField(_("what does not count"), blank=True)
    reading = models.TextField(_("reading chosen"), blank=True)
    source = models.TextField(_("source of the definition"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source_file = models.CharField(_("loaded from"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("indicator-detail", args=[self.pk])


class IndicatorValue(models.Model):
    """A computed value of an indicator for a region and period, with what it was computed from and when."""

    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="values", verbose_name=_("indicator"))
    region = models.ForeignKey(Region, models.CASCADE, related_name="indicator_values", verbose_name=_("region"))
    period = models.CharField(_("period"), max_length=10)
    period_end = models.DateField(_("period end"))
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(_("numerator"), max_digits=20, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(_("denominator"), max_digits=20, decimal_places=4, null=True, blank=True)
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    # A code ("missing:population", "zero-denominator"), worded by reason_text in the reader's language.
    reason = models.CharField(_("why there is no value"), max_length=300, blank=True)
    computed_at = models.DateTimeField(_("computed at"))

    scope = Scope(region="region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator__order", "period_end", "region__path"]
        constraints = [models.UniqueConstraint(fields=["indicator", "region", "period"], name="indicatorvalue_unique")]
        indexes = [
            models.Index(fields=["indicator", "period", "region"]),
            # The latest computation is the version of every cached dashboard figure: read on each dashboard view.
            models.Index(fields=["computed_at"], name="indicatorvalue_computed"),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.region} {self.period}: {self.value}"

    def get_absolute_url(self):
        return reverse("indicator-value", args=[self.pk])

    @property
    def reason_text(self) -> str:
        return describe(self.reason)
