"""A praise or criticism notice (通报表扬、通报批评) drafted from a round's results: which units, for what. The office
edits it, gives it its number and issues it; it is kept with the round, written as an official document (GB/T
9704-2012, through documents) and, when public, put on the portal."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet

from .rounds import Participant, Round


class NoticeKind(models.TextChoices):
    PRAISE = "praise", _("Praise notice")
    CRITICISM = "criticism", _("Criticism notice")


class NoticeState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class Notice(models.Model):
    round = models.ForeignKey(Round, models.CASCADE, related_name="notices", verbose_name=_("assessment round"))
    kind = models.CharField(_("kind"), max_length=10, choices=NoticeKind.choices)
    participants = models.ManyToManyField(Participant, related_name="notices", verbose_name=_("units named"))
    number = models.CharField(_("document number"), max_length=60, blank=True)
    title = models.CharField(_("title"), max_length=200)
    addressee = models.CharField(_("addressee"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Paragraphs separated by a blank line."))
    authority = models.CharField(_("issued by"), max_length=100)
    public = models.BooleanField(_("public"), default=False, help_text=_("Put on the portal when issued."))
    state = models.CharField(_("state"), max_length=10, choices=NoticeState.choices, default=NoticeState.DRAFT)
    issued_on = models.DateField(pgettext_lazy("notice", "issued on"), null=True, blank=True)
    portal_notice = models.ForeignKey(
        "portal.Notice", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("on the portal")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = HistoricalRecords()

    # The office drafts; once issued, every staff role reads it.
    scope = Scope(shared=True, unfinished=("state", (NoticeState.DRAFT,)), organisation="round__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment notice")
        verbose_name_plural = _("assessment notices")
        ordering = ["round", "kind", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assessment-notice", args=[self.pk])
