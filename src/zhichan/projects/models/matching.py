"""Industry–university–research matching (产学研合作对接, 四(三)1): technology matching events (技术对接活动) held by a
member unit, the technology demands (技术需求) enterprises post and the technology offers (技术成果) universities and
institutes post — at an event or on their own —, and the matches between a demand and an offer (对接成果) with where
each ended: in talks, a co-operation agreement signed, a licence or transfer (the one entered in IP finance, when
there), or not pursued.

Each record is held like a project (`project_scope`): by the member unit that entered it, in the township it lies
in, and read by the enterprise it concerns."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import ScopedQuerySet

from .projects import project_scope


class Held(Plausible):
    """What every matching record repeats: the unit that entered it, where it lies, its organisation, who entered
    it, when, and whether it is demo data."""

    unit = models.ForeignKey("core.Unit", models.PROTECT, related_name="+", verbose_name=_("member unit in charge"))
    region = models.ForeignKey(
        "core.Region", models.PROTECT, related_name="+", verbose_name=pgettext_lazy("project", "where it lies")
    )
    organisation = models.ForeignKey(
        "core.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True


class MatchingEvent(Held):
    """A technology matching event (技术对接活动), entered once held, with how many took part."""

    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(pgettext_lazy("activity", "held on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    enterprises_count = models.PositiveIntegerField(_("enterprises taking part"), default=0)
    institutions_count = models.PositiveIntegerField(_("universities and institutes taking part"), default=0)
    persons_count = models.PositiveIntegerField(_("persons taking part"), default=0)
    history = HistoricalRecords()

    # An enterprise reads the events it posted a demand at.
    scope = project_scope(enterprise="postings__enterprise", many=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("technology matching event")
        verbose_name_plural = _("technology matching events")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("matching-event-detail", args=[self.pk])


class PostingKind(models.TextChoices):
    DEMAND = "demand", _("technology demand")
    OFFER = "offer", _("technology offer")


class Posting(Held):
    """A technology demand an enterprise posts, or a technology offer (an achievement to transfer) a university or
    an institute posts, at a matching event or on its own. The party is named; a demand's enterprise is the
    register's when its credit code is given, so its users read it and its matches."""

    kind = models.CharField(_("demand or offer"), max_length=20, choices=PostingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    party = models.CharField(
        _("posted by"), max_length=200, help_text=_("The enterprise, university or institute posting it.")
    )
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="tech_postings",
        verbose_name=_("enterprise in the register"),
    )
    field = models.CharField(_("technical field"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    event = models.ForeignKey(
        MatchingEvent,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="postings",
        verbose_name=_("technology matching event"),
    )
    history = HistoricalRecords()

    scope = project_scope(enterprise="enterprise")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("technology demand or offer")
        verbose_name_plural = _("technology demands and offers")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["kind"])]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.title}"


class Outcome(models.TextChoices):
    TALKS = "talks", _("in talks")
    SIGNED = "signed", _("agreement signed")
    LICENSED = "licensed", _("licensed or transferred")
    DROPPED = "dropped", _("not pursued")


class Match(Plausible):
    """A demand and an offer matched (对接成果), at an event or not, and where it ended. It belongs to the demand's
    side: the demand's unit records it and follows it, the demand's enterprise reads it."""

    demand = models.ForeignKey(
        Posting, models.PROTECT, related_name="matches_as_demand", verbose_name=_("technology demand")
    )
    offer = models.ForeignKey(
        Posting, models.PROTECT, related_name="matches_as_offer", verbose_name=_("technology offer")
    )
    event = models.ForeignKey(
        MatchingEvent,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="matches",
        verbose_name=_("technology matching event"),
    )
    matched_on = models.DateField(_("matched on"))
    outcome = models.CharField(
        pgettext_lazy("match", "outcome"), max_length=20, choices=Outcome.choices, default=Outcome.TALKS
    )
    outcome_on = models.DateField(_("outcome on"))
    agreement = models.ForeignKey(
        "projects.CooperationAgreement",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="matches",
        verbose_name=_("co-operation agreement"),
    )
    transaction = models.ForeignKey(
        "finance.RightTransaction",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="tech_matches",
        verbose_name=_("licence or transfer"),
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    scope = project_scope("demand", enterprise="enterprise")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("technology match")
        verbose_name_plural = _("technology matches")
        ordering = ["-matched_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["demand", "offer"], name="project_match_once")]

    def __str__(self):
        return f"{self.demand.title} × {self.offer.title}"

    def get_absolute_url(self):
        return reverse("matching-match-detail", args=[self.pk])
