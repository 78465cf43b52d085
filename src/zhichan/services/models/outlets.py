from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region, Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


class OutletKind(models.TextChoices):
    """Brand guidance stations (plan 四(三)2) and the public IP information service bodies of CNIPA's guide
    (《知识产权信息公共服务工作指引》, 2020): nodes, outlets, TISCs, university centres and local workstations."""

    BRAND_STATION = "brand-station", _("Trademark brand guidance station")
    NODE = "node", _("IP information public service node")
    OUTLET = "outlet", _("IP information public service outlet")
    TISC = "tisc", _("Technology and innovation support centre (TISC)")
    UNIVERSITY = "university", _("University IP information service centre")
    WORKSTATION = "workstation", _("Local IP service workstation")


class OutletLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    MUNICIPAL = "municipal", _("Municipal")
    COUNTY = "county", _("County")


class Outlet(Plausible):
    """A brand guidance station or an IP information public service outlet: where it is, who hosts it, what it
    offers (basic services free, professional services at low cost) and when it is open."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="service_outlets", verbose_name=_("responsible unit"))
    kind = models.CharField(_("kind of outlet"), max_length=20, choices=OutletKind.choices)
    level = models.CharField(_("level"), max_length=20, choices=OutletLevel.choices, blank=True)
    filing_batch = models.CharField(_("filing batch"), max_length=100, blank=True)
    name = models.CharField(_("name"), max_length=200)
    host = models.CharField(_("host organisation"), max_length=200)
    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name=_("region"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    basic_services = models.TextField(_("basic services (free)"), blank=True)
    professional_services = models.TextField(_("professional services (low cost)"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # Every staff member reads the directory; the office and the responsible unit's liaison write it.
    scope = Scope(shared=True, unit="unit", owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("service outlet")
        verbose_name_plural = _("service outlets")
        ordering = ["kind", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="outlet_kind_name_unique")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("outlet-detail", args=[self.pk])


class ActivityKind(models.TextChoices):
    CONSULTATION = "consultation", _("Consultation")
    TRAINING = "training", _("Training")
    OTHER = "other", _("Other activity")


class OutletActivity(Plausible):
    """Something an outlet did on a day: a consultation, a training or another activity, and how many it served."""

    outlet = models.ForeignKey(Outlet, models.CASCADE, related_name="activities", verbose_name=_("service outlet"))
    day = models.DateField(_("date"))
    kind = models.CharField(_("kind of activity"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    people_served = models.PositiveIntegerField(_("people served"), default=0)
    note = models.TextField(_("note"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = HistoricalRecords()

    scope = Scope(shared=True, unit="outlet__unit", owners_write=True, organisation="outlet__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("outlet activity")
        verbose_name_plural = _("outlet activities")
        ordering = ["-day", "-pk"]

    def __str__(self):
        return self.title
