from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


class RepairState(models.TextChoices):
    ASKED = "asked", _("Under review")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class RepairApplication(Plausible):
    """An application for credit repair (信用修复): of a dishonesty record (its publication ended early) or of a
    serious-list entry (removed early), with the conditions the applicant declares met, reviewed by the office or
    the unit that made the finding."""

    record = models.ForeignKey(
        "credit.DishonestyRecord",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="repairs",
        verbose_name=_("dishonesty record"),
    )
    entry = models.ForeignKey(
        "credit.SeriousListEntry",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="repairs",
        verbose_name=_("serious-list entry"),
    )
    unit = models.ForeignKey("core.Unit", models.PROTECT, related_name="+", verbose_name=_("reviewing unit"))
    asked_on = models.DateField(_("asked on"))
    conditions = models.JSONField(_("conditions declared met"), default=list)
    statement = models.TextField(_("the applicant's statement"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=RepairState.choices, default=RepairState.ASKED)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_reasons = models.TextField(_("reasons of the decision"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = HistoricalRecords()

    scope = Scope(unit="unit", shared=True, owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("credit repair application")
        verbose_name_plural = _("credit repair applications")
        ordering = ["-asked_on", "-pk"]

    def __str__(self):
        return str(self.record or self.entry)

    def get_absolute_url(self):
        target = self.record or self.entry
        return target.get_absolute_url() if target else reverse("credit-record-list")
