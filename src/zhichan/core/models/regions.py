from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from ..scoping import Scope, ScopedQuerySet


class RegionKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "city", _("Prefecture-level city")
    COUNTY = "county", _("County-level division")
    SUBDISTRICT = "subdistrict", _("Subdistrict (街道)")
    TOWN = "town", _("Town (镇)")
    TOWNSHIP = "township", _("Township (乡)")
    DEVELOPMENT_ZONE = "zone", _("Development zone")
    PARK = "park", _("Park")

    @classmethod
    def township_level(cls):
        return [cls.SUBDISTRICT, cls.TOWN, cls.TOWNSHIP, cls.DEVELOPMENT_ZONE, cls.PARK]

    @classmethod
    def county_level(cls):
        return [cls.COUNTY]


class RegionQuerySet(MP_NodeQuerySet, ScopedQuerySet):
    pass


class RegionManager(MP_NodeManager):
    """Treebeard's manager (path order, safe deletes) with the scoping methods."""

    def get_queryset(self):
        return RegionQuerySet(self.model, using=self._db).order_by("path")

    def visible_to(self, user):
        return self.get_queryset().visible_to(user)

    def editable_by(self, user):
        return self.get_queryset().editable_by(user)


class Region(MP_Node):
    """A node of the region tree: province → city → county → township-level division (or park)."""

    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150, blank=True)
    code = models.CharField(
        _("division code"),
        max_length=12,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Statistical division code (统计用区划代码); empty for management zones that have none."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RegionKind.choices)
    note = models.TextField(_("note"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    history = HistoricalRecords()

    scope = Scope(region="")
    objects = RegionManager()

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("region-detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def statistical_code(self) -> str:
        """The 12-digit form of the code as the NBS list prints it (350583 → 350583000000)."""
        return self.code.ljust(12, "0") if self.code else ""


class Population(models.Model):
    """Resident population (常住人口) of a region in a year, always with its source."""

    region = models.ForeignKey(Region, models.CASCADE, related_name="populations", verbose_name=_("region"))
    year = models.PositiveSmallIntegerField(_("year"))
    as_of = models.DateField(_("as of"))
    value = models.PositiveIntegerField(_("resident population"))
    source = models.CharField(_("source"), max_length=300)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    scope = Scope(region="region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("resident population")
        verbose_name_plural = _("resident population")
        ordering = ["region__path", "year"]
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="population_region_year")]

    def __str__(self):
        return f"{self.region} {self.year}: {self.value}"
