"""A scheme of the target-responsibility assessment (目标责任考核办法): its unit groups, items, weights, caps,
vetoes and grades, kept as the YAML text the office loaded or edited (services/schemes.py reads it) and as the
data read from that text. A round keeps a copy of the data as it was when the round opened."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet


class Scheme(models.Model):
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey("core.Region", models.PROTECT, related_name="+", verbose_name=_("organisation"))
    text = models.TextField(_("scheme file"))
    data = models.JSONField(_("scheme"))
    source_file = models.CharField(_("loaded from"), max_length=200, blank=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["data"])

    # Every staff role reads how it is assessed; the office writes it.
    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment scheme")
        verbose_name_plural = _("assessment schemes")
        ordering = ["key"]
        constraints = [models.UniqueConstraint(fields=["organisation", "key"], name="assessment_scheme_key")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("assessment-scheme", args=[self.pk])
