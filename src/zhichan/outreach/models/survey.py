"""The satisfaction survey (知识产权保护社会满意度, 三(二)2): a round of the questionnaire (kept with the round as
it was when the round opened, so later edits of the questionnaire file change no past score), answered on a public
page without signing in, and its responses.

A response keeps its answers and, computed once when it is written, its score per dimension and overall, so the
index of a round is a handful of sums over the responses, not a pass over every answer. A respondent is known only
by a random key the browser keeps (and the network it answered from, kept as a keyed digest for the rate limit):
nothing personal is asked or stored."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


def new_token() -> str:
    return secrets.token_urlsafe(12)


class RoundState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("survey", "being prepared")
    OPEN = "open", pgettext_lazy("survey", "open")
    CLOSED = "closed", pgettext_lazy("survey", "closed")


def round_scope(path: str = "") -> Scope:
    """The office runs the survey; the leadership reads a round once it is open (one being prepared is the office's
    draft). No unit or township reads it: it is the county's, not a unit's."""
    prefix = f"{path}__" if path else ""
    return Scope(organisation=f"{prefix}organisation", unfinished=(f"{prefix}state", (RoundState.DRAFT,)))


class SurveyRound(Plausible):
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveIntegerField(_("year"))
    region = models.ForeignKey("core.Region", models.PROTECT, related_name="+", verbose_name=_("region"))
    organisation = models.ForeignKey(
        "core.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )
    questionnaire = models.JSONField(_("questionnaire"))
    state = models.CharField(_("state"), max_length=20, choices=RoundState.choices, default=RoundState.DRAFT)
    opened_on = models.DateField(pgettext_lazy("survey", "opened on"), null=True, blank=True)
    closed_on = models.DateField(pgettext_lazy("survey", "closed on"), null=True, blank=True)
    token = models.CharField(_("public link"), max_length=40, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["questionnaire"])

    scope = round_scope()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["-year", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("survey-detail", args=[self.pk])


class SurveyResponse(models.Model):
    round = models.ForeignKey(SurveyRound, models.CASCADE, related_name="responses", verbose_name=_("survey round"))
    respondent = models.CharField(_("respondent key"), max_length=64)
    network = models.CharField(_("network digest"), max_length=64, blank=True)
    group = models.CharField(_("respondent group"), max_length=30)
    answers = models.JSONField(_("answers"))  # {question key: the scale's point, 1 = lowest}; unknown left out
    scores = models.JSONField(_("scores"))  # {dimension key: 0–100}; a dimension with no answer left out
    overall = models.FloatField(_("overall score"), null=True, blank=True)
    answered = models.DateTimeField(_("answered at"))
    times = models.PositiveIntegerField(_("times answered"), default=1)
    history = HistoricalRecords(excluded_fields=["respondent", "network"])

    scope = Scope(organisation="round__organisation")  # a round takes answers only once open: no draft of its own
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["round", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "respondent"], name="survey_response_once")]
        indexes = [models.Index(fields=["round", "network", "answered"])]

    def __str__(self):
        return f"{self.round_id}:{self.pk}"
