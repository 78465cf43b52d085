from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region, Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


class AssistanceKind(models.TextChoices):
    CONSULTATION = "consultation", _("Consultation")
    EVIDENCE = "evidence", _("Evidence guidance")
    EXPERT_OPINION = "expert-opinion", _("Expert opinion")
    EXHIBITION = "exhibition", _("Exhibition or e-commerce")
    OVERSEAS = "overseas", _("Overseas dispute")


class AssistanceOutcome(models.TextChoices):
    ASSISTED = "assisted", _("Assistance given")
    REFERRED = "referred", _("Referred to another body")
    DECLINED = "declined", _("Declined")


class AssistanceRequest(Plausible):
    """A request for rights assistance (维权援助) a handling unit takes in, and how it ended."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="assistance_requests", verbose_name=_("handling unit"))
    kind = models.CharField(_("kind of assistance"), max_length=20, choices=AssistanceKind.choices)
    requester = models.CharField(_("requester"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="assistance_requests",
        verbose_name=_("enterprise"),
    )
    matter = models.TextField(_("matter"), blank=True)
    township = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("township")
    )
    requested_on = models.DateField(_("requested on"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=AssistanceOutcome.choices, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome_note = models.TextField(_("note on the outcome"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    scope = Scope(unit="unit", owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("rights-assistance request")
        verbose_name_plural = _("rights-assistance requests")
        ordering = ["-requested_on", "-pk"]

    def __str__(self):
        return f"{self.requester} {self.requested_on}"

    def get_absolute_url(self):
        return reverse("assistance-detail", args=[self.pk])
