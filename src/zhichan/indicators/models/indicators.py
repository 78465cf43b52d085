"""Indicators (formulas over metrics and data elements) and their materialized values per region × period."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..reasons import describe


class Indicator(models.Model):
    """A measure: value = numerator / denominator, each a formula over metric and data-element names (simpleeval).

    The code names the measure, shared by every programme so that their figures compare; how a programme counts
    it (since when, over which window, with which options) is that programme's `Reading`.

    Numerator and denominator are kept apart so a value for a county is sum(numerator) / sum(denominator)
    over its territory, never an average of its townships' ratios.
    """

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=20)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=0)
    numerator = models.CharField(_("numerator"), max_length=500)
    denominator = models.CharField(_("denominator"), max_length=500, blank=True)
    definition = models.TextField(_("what counts"), blank=True)
    excludes = models.TextField(_("what does not count"), blank=True)
    source = models.TextField(_("source of the definition"), blank=True)
    # Another way to the same figure, kept for comparison and shown with the definition: {"numerator": formula,
    # "denominator": formula, "note": text} (a target read from records names the reported figures here).
    second_source = models.JSONField(_("second source"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The file that defined the measure first: another file may use the code only with the same measure.
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
    """A computed value of an indicator under one programme's reading, for a region and period, with what it was
    computed from (the reading's revision among them) and when."""

    reading = models.ForeignKey("Reading", models.CASCADE, related_name="values", verbose_name=_("reading"))
    # The reading's indicator, kept on the value so the lists filter and order by it without a join.
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
    # The reading's revision the value was computed under: a value of an earlier revision is stale, never read.
    revision = models.PositiveIntegerField(_("reading revision"), default=1)

    scope = Scope(region="region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator__order", "period_end", "region__path"]
        constraints = [models.UniqueConstraint(fields=["reading", "region", "period"], name="indicatorvalue_unique")]
        indexes = [
            models.Index(fields=["reading", "period", "region"]),
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

    @property
    def stale(self) -> bool:
        """Computed under an earlier revision of its reading (one query unless the reading is loaded)."""
        return self.revision != self.reading.revision
