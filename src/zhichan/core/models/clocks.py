"""Deadlines as data: a rule says how long a period runs from which event; a clock ties a rule to one record of
any app, with the extensions granted and the periods that do not count. `core/clocks.py` reads them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from ..scoping import Scope, ScopedQuerySet


class PeriodUnit(models.TextChoices):
    CALENDAR_DAYS = "days", pgettext_lazy("period unit", "calendar days")
    WORKING_DAYS = "working-days", _("working days")
    MONTHS = "months", _("months")


def _warning_days(value):
    if not isinstance(value, list) or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value):
        raise ValidationError(_("Write the warning thresholds as a list of whole numbers of days, e.g. [10, 3]."))


class DeadlineRule(models.Model):
    """A time limit: `length` units from the named start event, extendable or not, warned about in advance.

    Loaded from `data/clocks/*.yaml`; the office corrects a rule in the admin, and a reload then leaves it as
    the office wrote it (`from_file` is cleared)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    length = models.PositiveIntegerField(_("length"), validators=[MinValueValidator(1)])
    unit = models.CharField(_("counted in"), max_length=12, choices=PeriodUnit.choices)
    start_event = models.CharField(
        _("start event"), max_length=60, help_text=_("The event the period runs from, e.g. 立案.")
    )
    start_event_en = models.CharField(_("start event in English"), max_length=60, blank=True)
    start_day_counts = models.BooleanField(
        _("start day counts"), default=False, help_text=_("By law the day of the start event is usually not counted.")
    )
    roll_to_workday = models.BooleanField(
        _("ends on a working day"),
        default=True,
        help_text=_("When the last day is a rest day, the period ends on the next working day."),
    )
    warn_days = models.JSONField(
        _("warning thresholds"),
        default=list,
        blank=True,
        validators=[_warning_days],
        help_text=_(
            "Days before the due date at which the clock warns, e.g. [10, 3]; working days for a rule "
            "counted in working days."
        ),
    )
    extensions_allowed = models.BooleanField(_("may be extended"), default=False)
    max_extensions = models.PositiveSmallIntegerField(
        _("most extensions"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    max_extension_total = models.PositiveIntegerField(
        _("longest extension in all"), null=True, blank=True, help_text=_("In the rule's unit; empty: no limit.")
    )
    source = models.TextField(_("source"), blank=True, help_text=_("The law or rule that sets the limit."))
    confirmed = models.BooleanField(
        _("confirmed"), default=True, help_text=_("Cleared while the figure has not been checked against the text.")
    )
    from_file = models.BooleanField(
        _("from the data file"),
        default=True,
        help_text=_("Cleared when the office edits the rule here; reloading the data file then keeps the edit."),
    )
    history = HistoricalRecords()

    scope = Scope(shared=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["key"]

    def __str__(self):
        return self.name

    @property
    def worded_name(self) -> str:
        from zhichan.core.locale import in_language

        return in_language(self.name, self.name_en)

    @property
    def in_working_days(self) -> bool:
        return self.unit == PeriodUnit.WORKING_DAYS


class Clock(models.Model):
    """One rule running for one record of any app (content type and id): when it started and when it stopped.

    A record may run several clocks (filing, decision, publication), one per rule. Clocks are read through
    their record, so their own scope is the office's and the leadership's."""

    rule = models.ForeignKey(DeadlineRule, models.PROTECT, related_name="clocks", verbose_name=_("deadline rule"))
    content_type = models.ForeignKey(ContentType, models.CASCADE, verbose_name=_("record type"))
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    started_on = models.DateField(_("started on"))
    stopped_on = models.DateField(_("stopped on"), null=True, blank=True)
    history = HistoricalRecords()

    scope = Scope()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("clock")
        verbose_name_plural = _("clocks")
        ordering = ["started_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "rule"], name="clock_one_per_record_rule")
        ]

    def __str__(self):
        return f"{self.rule} · {self.content_type.model} {self.object_id} · {self.started_on:%Y-%m-%d}"


class ClockEntry(models.Model):
    """What an extension and a period not counted share: who recorded it, its history, and a scope read through
    its clock's record (written only by core/services/clocks.py, which checks the record)."""

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    history = HistoricalRecords(inherit=True)

    scope = Scope()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class Extension(ClockEntry):
    """An extension granted to a clock, in the rule's unit."""

    clock = models.ForeignKey(Clock, models.CASCADE, related_name="extensions", verbose_name=_("clock"))
    length = models.PositiveIntegerField(_("length"), validators=[MinValueValidator(1)])
    approver = models.CharField(_("approver"), max_length=120)
    approved_on = models.DateField(_("approved on"))
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        ordering = ["approved_on", "pk"]

    def __str__(self):
        return f"+{self.length} · {self.approved_on:%Y-%m-%d}"


class ExcludedPeriod(ClockEntry):
    """Days that do not count towards a clock (suspension, hearing, public notice, expert appraisal …).
    An open end means the period still runs."""

    clock = models.ForeignKey(Clock, models.CASCADE, related_name="excluded", verbose_name=_("clock"))
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"), null=True, blank=True, help_text=_("Empty while it still runs."))
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        verbose_name = _("period not counted")
        verbose_name_plural = _("periods not counted")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="excluded_period_end_after_start",
            )
        ]

    def __str__(self):
        return f"{self.start:%Y-%m-%d}–{self.end:%Y-%m-%d} {self.reason}" if self.end else f"{self.start} {self.reason}"
