from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet


class DishonestyKind(models.Model):
    """A kind of dishonesty (失信行为), loaded from data/credit/dishonesty-kinds.yaml: its measures, how long they
    and the record's publication last, when repair may be asked, and whether it may lead to the serious list."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    confirmed = models.BooleanField(_("confirmed against the rule's text"), default=False)
    measures = models.JSONField(_("measures"), default=list)
    measure_months = models.PositiveSmallIntegerField(_("months the measures last"))
    repair_after_months = models.PositiveSmallIntegerField(_("months before repair may be asked"))
    serious = models.BooleanField(_("may lead to the serious-dishonesty list"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    scope = Scope(shared=True)  # a reference list every staff role reads
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("kind of dishonesty")
        verbose_name_plural = _("kinds of dishonesty")
        ordering = ["order", "key"]

    def __str__(self):
        english = self.name_en and not (get_language() or "").startswith("zh")
        return self.name_en if english else self.name
