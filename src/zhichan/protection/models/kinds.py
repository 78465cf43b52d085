from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet


class IPType(models.TextChoices):
    PATENT = "patent", _("Patent")
    TRADEMARK = "trademark", _("Trademark")
    COPYRIGHT = "copyright", _("Copyright")
    GEOGRAPHICAL_INDICATION = "gi", _("Geographical indication")
    PLANT_VARIETY = "plant-variety", _("Plant variety")
    OTHER = "other", _("Other")


class CaseKind(models.Model):
    """A kind of enforcement case (假冒专利, 商标侵权 …), loaded from data/protection/case-kinds.yaml: its IP type
    and the deadline rules its filing and decision clocks run under (keys of data/clocks/deadline-rules.yaml)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    ip_type = models.CharField(_("IP type"), max_length=20, choices=IPType.choices)
    filing_rule = models.CharField(_("filing clock rule"), max_length=60, blank=True)
    decision_rule = models.CharField(_("decision clock rule"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    scope = Scope(shared=True)  # a reference list every staff role reads
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("case kind")
        verbose_name_plural = _("case kinds")
        ordering = ["order", "key"]

    def __str__(self):
        english = self.name_en and not (get_language() or "").startswith("zh")
        return self.name_en if english else self.name
