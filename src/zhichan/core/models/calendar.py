from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..scoping import Scope, ScopedQuerySet

# Days seeded from the chinese-calendar package carry a source starting with this; any other source means the
# office entered or corrected the day, and seeding leaves it alone.
LIBRARY_SOURCE_PREFIX = "chinese-calendar"


class CalendarDay(models.Model):
    """A day that differs from the plain week, or is part of a named statutory holiday.

    Ordinary weekdays are working days and weekends rest days; only the days of statutory holiday periods
    (放假) and the make-up working days on weekends (调休上班) are stored.
    """

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Statutory holiday")
        WORKDAY = "workday", _("Make-up working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=60, help_text=_("The holiday it belongs to, e.g. 春节."))
    source = models.CharField(
        _("source"), max_length=300, help_text=_("Where the day comes from, e.g. the State Council's notice.")
    )
    history = HistoricalRecords()

    scope = Scope(shared=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name} ({self.get_kind_display()})"

    @property
    def is_workday(self) -> bool:
        return self.kind == self.Kind.WORKDAY

    @property
    def from_library(self) -> bool:
        return self.source.startswith(LIBRARY_SOURCE_PREFIX)


class CalendarYear(models.Model):
    """Whether the calendar knows a year in full; a year not marked complete is counted Monday to Friday."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    complete = models.BooleanField(_("complete"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")
        ordering = ["year"]

    def __str__(self):
        return str(self.year)
