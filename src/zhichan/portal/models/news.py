"""News and notices (新闻动态、通知公告) the programme office writes for the public portal: a title and a text, each
with its English, and the day from which the public reads it. Without that day the item is a draft, and an item
whose day is still to come is not public yet either: the public pages read only `published(day)`."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .catalogue import in_language


class NoticeKind(models.TextChoices):
    NEWS = "news", pgettext_lazy("news", "News")
    NOTICE = "notice", pgettext_lazy("news", "Notice")


class NoticeQuerySet(ScopedQuerySet):
    def published(self, day: datetime.date | None = None):
        """What the public reads on the day (today by default): published on it or before, newest first."""
        day = day or timezone.localdate()
        return self.filter(published_on__isnull=False, published_on__lte=day).order_by("-published_on", "-pk")


class Notice(Plausible):
    kind = models.CharField(_("kind"), max_length=10, choices=NoticeKind.choices, default=NoticeKind.NEWS)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    body = models.TextField(
        pgettext_lazy("news", "text"), help_text=_("Plain text; leave a blank line between paragraphs.")
    )
    body_en = models.TextField(pgettext_lazy("news", "text in English"), blank=True)
    # Read by the public from this day (it may lie ahead: published on that morning); None: a draft.
    published_on = models.DateField(pgettext_lazy("news", "published on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # The office writes; the leadership reads the drafts too. The public reads only what `published` gives.
    scope = Scope()
    objects = NoticeQuerySet.as_manager()
    dates_ahead = ("published_on",)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news and notices")
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["published_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal-news-item", args=[self.pk])

    @property
    def worded_title(self) -> str:
        return in_language(self.title, self.title_en)

    @property
    def worded_body(self) -> str:
        # The English text only with its English title: a page never mixes a Chinese title with an English text.
        return in_language(self.body, self.body_en if self.title_en else "")

    def is_public(self, day: datetime.date | None = None) -> bool:
        return self.published_on is not None and self.published_on <= (day or timezone.localdate())
