"""A set's technology breakdown (技术分解): a tree of branches, each recognised by IPC codes and keywords."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .sets import PatentSet


class Branch(Plausible):
    patent_set = models.ForeignKey(PatentSet, models.CASCADE, related_name="branches", verbose_name=_("patent set"))
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("parent branch")
    )
    name = models.CharField(pgettext_lazy("branch", "name"), max_length=100)
    ipc_prefixes = models.CharField(
        _("IPC codes"),
        max_length=500,
        blank=True,
        help_text=_("Codes or their beginnings, separated by ';': a patent with a code that begins so belongs here."),
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=500,
        blank=True,
        help_text=_("Words separated by ';': a patent whose title holds one belongs here."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    scope = Scope(unit="patent_set__project__unit", enterprise="patent_set__enterprise")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("technology branch")
        verbose_name_plural = _("technology branches")
        ordering = ["patent_set", "position", "pk"]

    def __str__(self):
        return self.name
