"""Co-operation agreements (合作协议) between an enterprise and universities or research institutes, the written
outcome of industry–university–research co-operation (产学研合作, 四(三)1): who, in what technical field, signed
when, for which period and amount (万元), the member unit following it, and the matching event it came from. The
signed text and its annexes are attachments (core's `attach`)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import ScopedQuerySet

from .matching import Held
from .projects import AMOUNT, project_scope


class CooperationAgreement(Held):
    title = models.CharField(_("title"), max_length=200)
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="cooperation_agreements",
        verbose_name=_("enterprise in the register"),
    )
    enterprise_name = models.CharField(_("enterprise"), max_length=200)
    partners = models.TextField(
        _("university and institute partners"), help_text=_("One a line: the universities and institutes.")
    )
    field = models.CharField(_("technical field"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"))
    starts_on = models.DateField(_("period from"), null=True, blank=True)
    ends_on = models.DateField(_("period until"), null=True, blank=True)
    amount = models.DecimalField(_("amount (10,000 yuan)"), null=True, blank=True, **AMOUNT)
    event = models.ForeignKey(
        "projects.MatchingEvent",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("technology matching event"),
    )
    history = HistoricalRecords()

    scope = project_scope(enterprise="enterprise")
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("starts_on", "ends_on")  # the period runs on after the signing

    class Meta:
        verbose_name = _("co-operation agreement")
        verbose_name_plural = _("co-operation agreements")
        ordering = ["-signed_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreement-detail", args=[self.pk])
