import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .agencies import Agency


class CustodyScope(models.TextChoices):
    """Full custody puts all the enterprise's IP under one agreement; partial custody hands over single matters."""

    FULL = "full", _("Full custody")
    PARTIAL = "partial", _("Partial custody")


class CustodyService(models.TextChoices):
    """The typical custody services. Watching annuity and renewal deadlines is not confirmed as a standard item:
    it stays one choice among the others."""

    ADVICE = "advice", _("Advice")
    FILING = "filing", _("Filing and prosecution")
    MAINTENANCE = "maintenance", _("Maintenance (annuity and renewal deadlines)")
    LICENSING = "licensing", _("Use, transfer and licensing")
    STRATEGY = "strategy", _("IP strategy")
    VALUATION = "valuation", _("Valuation and pledge financing")
    COMMERCIALISATION = "commercialisation", _("Turning IP into money")
    ENFORCEMENT = "enforcement", _("Monitoring infringement and enforcing rights")


class Payer(models.TextChoices):
    ENTERPRISE = "enterprise", _("The enterprise")
    GOVERNMENT = "government", _("Government subsidy")
    BOTH = "both", _("Both")


class EngagementState(models.TextChoices):
    """Where an engagement's period stands on a day (read from its dates, never stored)."""

    UPCOMING = "upcoming", _("Not begun")
    ACTIVE = "active", _("Under way")
    ENDED = "ended", _("Ended")


def service_labels(values) -> list[str]:
    labels = dict(CustodyService.choices)
    return [str(labels.get(value, value)) for value in values]


class CustodyEngagement(Plausible):
    """An IP custody engagement (知识产权托管): an enterprise hands the management of its IP, in full or in part, to
    an agency under an agreement; the unit following it records the services, the visits and the enterprise's
    satisfaction."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="custody_engagements", verbose_name=_("following unit"))
    enterprise = models.ForeignKey(
        "registry.Enterprise", models.PROTECT, related_name="custody_engagements", verbose_name=_("enterprise")
    )
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="custody_engagements", verbose_name=_("service agency")
    )
    agreement_number = models.CharField(_("agreement number"), max_length=60)
    start = models.DateField(_("starts on"))
    end = models.DateField(_("ends on"))
    custody_scope = models.CharField(_("custody scope"), max_length=10, choices=CustodyScope.choices)
    services = models.JSONField(_("services contracted"), default=list, blank=True)
    patents = models.ManyToManyField("registry.Patent", blank=True, related_name="+", verbose_name=_("patents covered"))
    trademarks = models.ManyToManyField(
        "registry.Trademark", blank=True, related_name="+", verbose_name=_("trademarks covered")
    )
    rights_note = models.TextField(_("rights covered (other)"), blank=True)
    fee = models.DecimalField(_("fee (yuan)"), max_digits=12, decimal_places=2, default=0)
    payer = models.CharField(_("paid by"), max_length=20, choices=Payer.choices)
    enterprise_share = models.DecimalField(
        _("paid by the enterprise (yuan)"), max_digits=12, decimal_places=2, default=0
    )
    subsidy = models.DecimalField(_("government subsidy (yuan)"), max_digits=12, decimal_places=2, default=0)
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction (1–5)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    satisfaction_comment = models.TextField(_("comment on satisfaction"), blank=True)
    rated_on = models.DateField(_("rated on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # Every staff member reads the custody ledger; the office and the following unit's liaison write it.
    scope = Scope(shared=True, unit="unit", owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("start", "end")

    class Meta:
        verbose_name = _("custody engagement")
        verbose_name_plural = _("custody engagements")
        ordering = ["-start", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "agreement_number"], name="custody_agreement_unique"),
        ]

    def __str__(self):
        return f"{self.agreement_number} {self.enterprise}"

    def get_absolute_url(self):
        return reverse("custody-detail", args=[self.pk])

    def state_on(self, day: datetime.date) -> str:
        if day < self.start:
            return EngagementState.UPCOMING
        if day > self.end:
            return EngagementState.ENDED
        return EngagementState.ACTIVE

    def service_labels(self) -> list[str]:
        return service_labels(self.services)


_CHILD_SCOPE = Scope(
    shared=True, unit="engagement__unit", owners_write=True, organisation="engagement__unit__organisation"
)


class CustodyServiceRecord(Plausible):
    """A service the agency rendered under the engagement."""

    engagement = models.ForeignKey(
        CustodyEngagement, models.CASCADE, related_name="service_records", verbose_name=_("custody engagement")
    )
    day = models.DateField(_("date"))
    item = models.CharField(_("service item"), max_length=20, choices=CustodyService.choices)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    scope = _CHILD_SCOPE
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("custody service record")
        verbose_name_plural = _("custody service records")
        ordering = ["-day", "-pk"]

    def __str__(self):
        return f"{self.day} {self.get_item_display()}"


class CustodyVisit(Plausible):
    """A visit to the enterprise (by an expert or the agency): the needs found and what follows."""

    engagement = models.ForeignKey(
        CustodyEngagement, models.CASCADE, related_name="visits", verbose_name=_("custody engagement")
    )
    day = models.DateField(_("date"))
    visitor = models.CharField(_("visitor"), max_length=100)
    # An expert of the pool (人才专家库) when one came; the visitor's name is kept as written either way.
    expert = models.ForeignKey(
        "services.Expert",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="custody_visits",
        verbose_name=_("expert of the pool"),
    )
    visitor_note = models.CharField(_("about the visitor"), max_length=200, blank=True)
    needs = models.TextField(_("needs found"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    history = HistoricalRecords()

    scope = _CHILD_SCOPE
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("custody visit")
        verbose_name_plural = _("custody visits")
        ordering = ["-day", "-pk"]

    def __str__(self):
        return f"{self.day} {self.visitor}"
