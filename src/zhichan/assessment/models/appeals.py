"""An appeal (申诉) against a published result: the unit's reasons, filed before the round's deadline, and the
office's decision on a clock (core clocks, rule `assessment-appeal-decision`)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet

from .rounds import POINTS, Participant


class AppealState(models.TextChoices):
    PENDING = "pending", _("Awaiting decision")
    UPHELD = "upheld", _("Upheld")
    REJECTED = "rejected", pgettext_lazy("appeal", "Rejected")


class Appeal(models.Model):
    participant = models.ForeignKey(
        Participant, models.CASCADE, related_name="appeals", verbose_name=_("assessed unit")
    )
    item = models.CharField(_("item"), max_length=40, blank=True)  # an item's key; empty: the result as a whole
    reason = models.TextField(_("reasons"))
    filed_on = models.DateField(_("filed on"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("filed by")
    )
    state = models.CharField(_("state"), max_length=10, choices=AppealState.choices, default=AppealState.PENDING)
    answer = models.TextField(_("decision"), blank=True)
    points = models.DecimalField(_("points after the appeal"), **POINTS, null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    history = HistoricalRecords()

    scope = Scope(unit="participant__unit", owners_write=True, organisation="participant__round__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-filed_on", "-pk"]

    def __str__(self):
        return f"{self.participant.unit} · {self.participant.round} · {self.filed_on:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("assessment-participant", args=[self.participant_id]) + f"#appeal-{self.pk}"
