from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..scoping import Scope, ScopedQuerySet
from .regions import Region


class UnitKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    OFFICE = "office", _("Programme office")
    MEMBER = "member", _("Member unit")
    TOWNSHIP = "township", _("Township or park")
    # A bank lending against IP (finance): not a member of the leading group; its liaison enters its own loans.
    BANK = "bank", _("Bank")


class Unit(models.Model):
    """An organisation that takes part: the office, a member unit, a township or park administration.

    Units belong to the organisation of one region (the region its organisation file names), and their keys are
    unique only there: two regions' files may both call their government `gov`."""

    organisation = models.ForeignKey(
        Region,
        models.PROTECT,
        related_name="organisation_units",
        verbose_name=_("organisation"),
        help_text=_("The region whose organisation file lists the unit; its key is unique within it."),
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    region = models.ForeignKey(Region, models.PROTECT, related_name="units", verbose_name=_("region"))
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("host unit")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    scope = Scope(unit="", organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "key"], name="unit_organisation_key")]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("unit-detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name
