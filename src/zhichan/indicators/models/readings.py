"""A programme's reading of an indicator: how that programme counts the measure the indicator names."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet

from ..periods import WindowKind
from .indicators import Indicator


class Reading(models.Model):
    """The counting start, window and options a programme chose for an indicator, and why.

    The indicator (its formula and unit) is shared, so two programmes' figures compare; the reading is each
    programme's own. A value is computed under one revision of a reading: changing the reading moves `revision`,
    and the values computed under an earlier one are no longer read (they are stale) until they are recomputed.
    The programme is named by its key, not by a foreign key, so the indicators' file and the programme's file load
    in either order.
    """

    programme = models.SlugField(_("programme"), max_length=60)
    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="readings", verbose_name=_("indicator"))
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
    reading = models.TextField(_("reading chosen"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source_file = models.CharField(_("loaded from"), max_length=200, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    # Published on the public portal (its definition and latest value, open data) from this day, by the programme's
    # office; None: not public. Loading the indicators' file never changes it.
    published_on = models.DateField(_("published on"), null=True, blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        ordering = ["programme", "order", "indicator__code"]
        constraints = [models.UniqueConstraint(fields=["programme", "indicator"], name="reading_unique")]

    def __str__(self):
        return f"{self.indicator.code} ({self.programme})"

    def basis(self) -> dict:
        """What a value computed under this reading was computed under (kept with the value)."""
        return {
            "window": self.window,
            "since": self.since.isoformat() if self.since else None,
            "options": self.options,
            "revision": self.revision,
        }
