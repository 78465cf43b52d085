from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region, Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


class MediationKind(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("Administrative mediation")
    PEOPLES = "peoples", _("People's mediation")
    PRE_LITIGATION = "pre-litigation", _("Pre-litigation mediation")
    ARBITRATION = "arbitration", _("Arbitration")


class MediationState(models.TextChoices):
    OPEN = "open", _("Being mediated")
    AGREED = "agreed", _("Agreement reached")
    FAILED = "failed", _("Mediation failed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REFERRED = "referred", _("Referred to arbitration")


# Ended with a result (办结): what the T7 count reads. A withdrawn dispute ended without one.
CONCLUDED = [MediationState.AGREED, MediationState.FAILED, MediationState.REFERRED]


class Side(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    RESPONDENT = "respondent", _("Respondent")


class Mediation(ConcurrentTransitionMixin, Plausible):
    """An IP dispute a unit takes in to mediate (调解), from its receipt to its outcome: an agreement (which the
    parties may bring to a court for judicial confirmation within its time limit), a failure, a withdrawal or a
    referral to arbitration. The state moves only by the actions in services/mediation.py."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="mediations", verbose_name=_("mediating unit"))
    number = models.CharField(_("mediation number"), max_length=60)
    title = models.CharField(_("dispute"), max_length=200)
    kind = models.CharField(_("kind of mediation"), max_length=20, choices=MediationKind.choices)
    rights = models.TextField(_("rights involved"))
    claim = models.TextField(_("claim"), blank=True)
    mediator = models.CharField(_("mediator"), max_length=100, blank=True)
    township = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("township")
    )
    received_on = models.DateField(_("received on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    outcome_note = models.TextField(_("note on the outcome"), blank=True)
    state = FSMField(_("state"), default=MediationState.OPEN, choices=MediationState.choices, protected=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # As cases: the mediating unit reads and writes its own; the office and the leadership read them all.
    scope = Scope(unit="unit", owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("mediation")
        verbose_name_plural = _("mediations")
        ordering = ["-received_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["unit", "number"], name="mediation_number_unique_in_unit")]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("mediation-detail", args=[self.pk])

    # The outcomes; services/mediation.py guards, times and records them.
    @transition(field=state, source=MediationState.OPEN, target=MediationState.AGREED)
    def agree(self, day, note):
        self.ended_on, self.outcome_note = day, note

    @transition(field=state, source=MediationState.OPEN, target=MediationState.FAILED)
    def fail(self, day, note):
        self.ended_on, self.outcome_note = day, note

    @transition(field=state, source=MediationState.OPEN, target=MediationState.WITHDRAWN)
    def withdraw(self, day, note):
        self.ended_on, self.outcome_note = day, note

    @transition(field=state, source=[MediationState.OPEN, MediationState.FAILED], target=MediationState.REFERRED)
    def refer(self, day, note):
        self.ended_on, self.outcome_note = day, note


class MediationParty(Plausible):
    """A party to a dispute by name, and by credit code when an organisation (linked to the registry's enterprise
    with that code, as a case's party is)."""

    mediation = models.ForeignKey(Mediation, models.CASCADE, related_name="parties", verbose_name=_("mediation"))
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    name = models.CharField(_("name"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="mediation_parties",
        verbose_name=_("enterprise"),
    )
    history = HistoricalRecords()

    scope = Scope(unit="mediation__unit", owners_write=True, organisation="mediation__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("party to a mediation")
        verbose_name_plural = _("parties to mediations")
        ordering = ["mediation", "pk"]

    def __str__(self):
        return self.name


class MediationSession(Plausible):
    """A mediation session held, with what came of it."""

    mediation = models.ForeignKey(Mediation, models.CASCADE, related_name="sessions", verbose_name=_("mediation"))
    held_on = models.DateField(_("held on"))
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    scope = Scope(unit="mediation__unit", owners_write=True, organisation="mediation__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("mediation session")
        verbose_name_plural = _("mediation sessions")
        ordering = ["mediation", "held_on", "pk"]

    def __str__(self):
        return f"{self.mediation.number} {self.held_on}"


class Ruling(models.TextChoices):
    CONFIRMED = "confirmed", _("Agreement confirmed as valid")
    REJECTED = "rejected", _("Application rejected")


class JudicialConfirmation(Plausible):
    """The parties' application to a court to confirm a mediation agreement (司法确认), and the court's ruling.
    It belongs to the court: the court's liaison reads it and enters the ruling; the mediating unit reads it on
    its mediation's page."""

    mediation = models.OneToOneField(
        Mediation, models.CASCADE, related_name="confirmation", verbose_name=_("mediation")
    )
    court = models.ForeignKey(Unit, models.PROTECT, related_name="confirmations", verbose_name=_("court"))
    applied_on = models.DateField(_("applied on"))
    ruling = models.CharField(_("ruling"), max_length=20, choices=Ruling.choices, blank=True)
    ruled_on = models.DateField(_("ruled on"), null=True, blank=True)
    ruling_number = models.CharField(_("ruling number"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    scope = Scope(unit="court", owners_write=True, organisation="court__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("judicial confirmation")
        verbose_name_plural = _("judicial confirmations")
        ordering = ["-applied_on", "-pk"]

    def __str__(self):
        return f"{self.mediation.number} {self.applied_on}"
