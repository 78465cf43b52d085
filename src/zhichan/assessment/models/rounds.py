"""A round of the assessment (考核轮次): the scheme as it was when the round opened, the units assessed in each
group, and every item's score with what it rests on.

A round moves open (units assess themselves) → review (the office checks and adjusts) → approval (the leadership
approves or sends it back) → approved → published (each unit reads its result and may appeal until the deadline)
→ closed. A closed round is frozen: nothing recomputes or edits it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.models import Attachment, Unit
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..points import counted, shown

POINTS = {"max_digits": 7, "decimal_places": 2}


class RoundState(models.TextChoices):
    OPEN = "open", _("Self-assessment")
    REVIEW = "review", _("Office review")
    APPROVAL = "approval", _("Awaiting approval")
    APPROVED = "approved", pgettext_lazy("assessment", "Approved")
    PUBLISHED = "published", pgettext_lazy("assessment", "Published")
    CLOSED = "closed", pgettext_lazy("assessment", "Closed")


class Round(models.Model):
    scheme = models.ForeignKey(
        "Scheme", models.SET_NULL, null=True, blank=True, related_name="rounds", verbose_name=_("assessment scheme")
    )
    data = models.JSONField(_("scheme as opened"))
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("half-year"), null=True, blank=True)  # 1 or 2; empty: the year
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    as_of = models.DateField(_("as of"))
    state = models.CharField(_("state"), max_length=12, choices=RoundState.choices, default=RoundState.OPEN)
    organisation = models.ForeignKey("core.Region", models.PROTECT, related_name="+", verbose_name=_("organisation"))
    computed_at = models.DateTimeField(_("automatic items computed at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    published_on = models.DateField(pgettext_lazy("assessment", "published on"), null=True, blank=True)
    appeal_deadline = models.DateField(_("appeals until"), null=True, blank=True)
    closed_on = models.DateField(pgettext_lazy("assessment", "closed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["data"])

    # Every staff role reads the round itself (its dates and state); what a unit reads of the scores is the
    # participants' and items' own scope.
    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        ordering = ["-year", "-half", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assessment-round", args=[self.pk])

    @property
    def frozen(self) -> bool:
        return self.state == RoundState.CLOSED

    @property
    def results_public(self) -> bool:
        """Units read their grade, rank and the office's scores once the round is published."""
        return self.state in (RoundState.PUBLISHED, RoundState.CLOSED)

    def group(self, key: str) -> dict:
        return next(group for group in self.data["groups"] if group["key"] == key)


class ParticipantState(models.TextChoices):
    DRAFT = "draft", _("Self-assessing")
    SUBMITTED = "submitted", _("Self-assessment submitted")
    MISSED = "missed", _("Self-assessment not submitted")


class Participant(models.Model):
    """A unit in a round: its group, its self-assessment's state and its result."""

    round = models.ForeignKey(Round, models.CASCADE, related_name="participants", verbose_name=_("assessment round"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="assessments", verbose_name=_("unit"))
    group = models.CharField(_("group"), max_length=40)
    state = models.CharField(
        _("state"), max_length=10, choices=ParticipantState.choices, default=ParticipantState.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    base = models.DecimalField(_("item points"), **POINTS, default=0)
    bonus = models.DecimalField(_("bonus points"), **POINTS, default=0)
    deduction = models.DecimalField(_("points deducted"), **POINTS, default=0)
    total = models.DecimalField(_("total score"), **POINTS, default=0)
    vetoed = models.BooleanField(_("vetoed"), default=False)
    grade = models.CharField(_("grade"), max_length=40, blank=True)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    history = HistoricalRecords()

    # A unit reads its own; its self-assessment is its draft until submitted (hidden from the leadership).
    scope = Scope(
        unit="unit",
        owners_write=True,
        unfinished=("state", (ParticipantState.DRAFT,)),
        organisation="round__organisation",
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessed unit")
        verbose_name_plural = _("assessed units")
        ordering = ["round", "group", "rank", "unit__order"]
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="assessment_participant_once")]

    def __str__(self):
        return f"{self.unit} · {self.round}"

    def get_absolute_url(self):
        return reverse("assessment-participant", args=[self.pk])

    @property
    def group_name(self) -> str:
        from zhichan.core.locale import in_language

        group = self.round.group(self.group)
        return in_language(group["name"], group.get("name_en", ""))

    @property
    def grade_name(self) -> str:
        from zhichan.core.locale import in_language

        for grade in self.round.group(self.group)["grades"]:
            if grade["key"] == self.grade:
                return in_language(grade["name"], grade.get("name_en", ""))
        return ""


class ItemKind(models.TextChoices):
    SCORE = "score", _("Scored item")
    BONUS = "bonus", _("Bonus")
    DEDUCTION = "deduction", _("Deduction")
    VETO = "veto", _("Veto item")


class ItemScore(models.Model):
    """One item of one unit: what the platform measured (with the records behind it), what the unit claimed, and
    what the office or the item's assessor settled on, with the reason."""

    participant = models.ForeignKey(Participant, models.CASCADE, related_name="items", verbose_name=_("assessed unit"))
    key = models.CharField(_("key"), max_length=40)
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    source = models.CharField(_("source"), max_length=40)  # a source's key, or "manual"
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    max_points = models.DecimalField(_("full marks"), **POINTS)
    value = models.DecimalField(_("measured value"), max_digits=14, decimal_places=4, null=True, blank=True)
    auto_points = models.DecimalField(_("computed points"), **POINTS, null=True, blank=True)
    basis = models.JSONField(_("what it rests on"), default=dict, blank=True)
    self_points = models.DecimalField(_("self-assessed points"), **POINTS, null=True, blank=True)
    self_note = models.TextField(_("self-assessment"), blank=True)
    points = models.DecimalField(_("reviewed points"), **POINTS, null=True, blank=True)
    reason = models.TextField(_("reason for the review"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # The unit that scores a manual item instead of the office (组织部 scoring a department's leadership item).
    assessor = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="assessed_items", verbose_name=_("assessor")
    )
    evidence = GenericRelation(Attachment, content_type_field="record_type", object_id_field="record_id")
    history = HistoricalRecords(excluded_fields=["basis"])

    scope = Scope(
        unit="participant__unit",
        owners_write=True,
        with_units=("assessor",),
        unfinished=("participant__state", (ParticipantState.DRAFT,)),
        organisation="participant__round__organisation",
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("item score")
        verbose_name_plural = _("item scores")
        ordering = ["participant", "order"]
        constraints = [models.UniqueConstraint(fields=["participant", "key"], name="assessment_item_once")]

    def __str__(self):
        return f"{self.participant.unit} · {self.name}"

    def get_absolute_url(self):
        return reverse("assessment-item", args=[self.pk])

    @property
    def item(self) -> dict:
        group = self.participant.round.group(self.participant.group)
        return next(item for item in group["items"] if item["key"] == self.key)

    @property
    def name(self) -> str:
        from zhichan.core.locale import in_language

        item = self.item
        return in_language(item["name"], item.get("name_en", ""))

    @property
    def full_marks(self) -> str:
        return shown(self.max_points)

    @property
    def manual(self) -> bool:
        return self.source == "manual"

    @property
    def settled(self):
        """The points that count: the review's, else what the platform computed, else the unit's submitted claim."""
        submitted = self.participant.state == ParticipantState.SUBMITTED
        return counted(self.points, self.auto_points, self.self_points, submitted)
