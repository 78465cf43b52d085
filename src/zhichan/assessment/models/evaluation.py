"""CNIPA's evaluation index (评价指标) as the office enters it from the notice it holds, one version per notice
(e.g. the annex of 国知发运字〔2025〕28号): the indicators, their points and scoring rules, and for some the target
or indicator the platform fills the value from. The platform ships no index: the list is not published in any
source found, so every version is the office's own entry (services/evaluation.py reads it)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet


class EvaluationIndex(models.Model):
    organisation = models.ForeignKey("core.Region", models.PROTECT, related_name="+", verbose_name=_("organisation"))
    key = models.SlugField(_("key"), max_length=60)
    version = models.CharField(_("version"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    source_document = models.CharField(_("source document"), max_length=300)
    text = models.TextField(_("index file"))
    data = models.JSONField(_("evaluation index"))
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["data"])

    # The office and the leadership read the versions of their organisation; the office writes them.
    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation index")
        verbose_name_plural = _("evaluation indexes")
        ordering = ["key", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key", "version"], name="assessment_evaluation_version")
        ]

    def __str__(self):
        return f"{self.name} ({self.version})"

    def get_absolute_url(self):
        return reverse("assessment-evaluation-index", args=[self.pk])

    @property
    def indicators(self) -> list[dict]:
        return self.data.get("indicators", [])
