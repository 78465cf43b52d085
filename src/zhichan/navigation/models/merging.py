"""The merge table the office keeps: names an applicant is written under, each counted as the name it merges into."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


class ApplicantAlias(Plausible):
    alias = models.CharField(_("name as written"), max_length=200, unique=True)
    name = models.CharField(_("counted as"), max_length=200)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope = Scope()  # the office's: other staff read the landscapes it shapes, not the table
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("applicant name merge")
        verbose_name_plural = _("applicant name merges")
        ordering = ["name", "alias"]

    def __str__(self):
        return f"{self.alias} → {self.name}"
