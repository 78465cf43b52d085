import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet

from .kinds import DishonestyKind
from .subjects import CreditSubject


class RecordSource(models.TextChoices):
    CASE = "case", _("Enforcement case")
    INSPECTION = "inspection", _("Random inspection")
    NATIONAL_LIST = "national-list", _("Imported national list")
    MANUAL = "manual", _("Entered by hand")


class RecordState(models.TextChoices):
    IN_FORCE = "in-force", _("In force")
    REPAIR_ASKED = "repair-asked", _("Credit repair asked")
    REPAIRED = "repaired", _("Repaired (removed early)")
    REVOKED = "revoked", _("Revoked")


class Standing(models.TextChoices):
    """A record as read on a day: its stored state, or expired once its publication period has ended."""

    IN_FORCE = "in-force", _("In force")
    REPAIR_ASKED = "repair-asked", _("Credit repair asked")
    EXPIRED = "expired", _("Expired")
    REPAIRED = "repaired", _("Repaired (removed early)")
    REVOKED = "revoked", _("Revoked")


# States in which the record's publication runs until its end date.
RUNNING = (RecordState.IN_FORCE, RecordState.REPAIR_ASKED)


class DishonestyRecord(CreditSubject):
    """A dishonesty record (失信记录): a finding against a subject, of a kind, with its document number, facts and
    measures, published from the finding for the kind's period. Never deleted: a wrong one is revoked."""

    kind = models.ForeignKey(DishonestyKind, models.PROTECT, related_name="records", verbose_name=_("kind"))
    source = models.CharField(_("source"), max_length=20, choices=RecordSource.choices)
    case = models.ForeignKey(
        "protection.Case",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_records",
        verbose_name=_("enforcement case"),
    )
    # A random inspection's reference, filled by the inspections when they record a finding.
    inspection_reference = models.CharField(_("inspection reference"), max_length=100, blank=True)
    found_on = models.DateField(_("found on"))
    document_number = models.CharField(_("document number"), max_length=100)
    facts = models.TextField(_("facts"))
    measures = models.JSONField(_("measures"), default=list)
    published_from = models.DateField(_("published from"))
    published_to = models.DateField(_("published until"))
    period_reason = models.TextField(_("why the period was changed"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=RecordState.choices, default=RecordState.IN_FORCE)
    ended_on = models.DateField(_("repaired or revoked on"), null=True, blank=True)
    revoked_reason = models.TextField(_("why it was revoked"), blank=True)
    history = HistoricalRecords()

    dates_ahead = ("published_to",)
    scope = Scope(unit="unit", shared=True, owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("dishonesty record")
        verbose_name_plural = _("dishonesty records")
        ordering = ["-found_on", "-pk"]
        indexes = [models.Index(fields=["credit_code", "found_on"])]

    def __str__(self):
        return f"{self.document_number} {self.subject_name}"

    def get_absolute_url(self):
        return reverse("credit-record-detail", args=[self.pk])

    def standing(self, day: datetime.date | None = None) -> str:
        day = day or timezone.localdate()
        if self.state in RUNNING and day > self.published_to:
            return Standing.EXPIRED
        return Standing(self.state)

    def standing_label(self, day=None) -> str:
        return str(Standing(self.standing(day)).label)

    @property
    def publication_ends(self) -> datetime.date:
        """The last day it is published: its period's end, or the day it was repaired or revoked."""
        return self.ended_on if self.ended_on and self.state not in RUNNING else self.published_to
