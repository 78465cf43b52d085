"""An enterprise's application for IP custody (知识产权托管申请): what it asks for before there is any agency or
agreement. The following unit accepts it by entering the engagement it becomes, or declines it with a reason. The
contact person's name, phone and e-mail are read only by that unit and the office (services/custody_applications.py
masks them for every other reader)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.models import Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .custody import CustodyEngagement, CustodyScope, service_labels


class ApplicationState(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("custody application", "Awaiting a decision")
    ACCEPTED = "accepted", pgettext_lazy("custody application", "Accepted")
    DECLINED = "declined", pgettext_lazy("custody application", "Declined")


class CustodyApplication(Plausible):
    unit = models.ForeignKey(
        Unit, models.PROTECT, related_name="custody_applications", verbose_name=_("following unit")
    )
    # The register's enterprise when its credit code is found there; the name and code are kept as given either way.
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="custody_applications",
        verbose_name=_("enterprise in the register"),
    )
    enterprise_name = models.CharField(_("enterprise"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18)
    contact_name = models.CharField(_("contact person"), max_length=100)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    services = models.JSONField(_("services wanted"), default=list, blank=True)
    custody_scope = models.CharField(_("custody scope wanted"), max_length=10, choices=CustodyScope.choices, blank=True)
    matter = models.TextField(_("what the enterprise asks for"))
    reference = models.CharField(
        _("reference number"), max_length=40, blank=True, help_text=_("The portal's tracking number, when made there.")
    )
    received_on = models.DateField(_("received on"))
    state = models.CharField(
        _("state"), max_length=10, choices=ApplicationState.choices, default=ApplicationState.RECEIVED
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    reason = models.TextField(_("why it was declined"), blank=True)
    engagement = models.OneToOneField(
        CustodyEngagement,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("custody engagement made"),
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # As the custody ledger: every staff member reads it, the office and the following unit's liaison decide it.
    scope = Scope(shared=True, unit="unit", owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("custody application")
        verbose_name_plural = _("custody applications")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["state", "received_on"])]

    def __str__(self):
        # Read in the event log by every staff member: the enterprise, never the contact person.
        return f"{self.enterprise_name}（{self.received_on:%Y-%m-%d}）"

    def get_absolute_url(self):
        return reverse("custody-application-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state == ApplicationState.RECEIVED

    def service_labels(self) -> list[str]:
        return service_labels(self.services)
