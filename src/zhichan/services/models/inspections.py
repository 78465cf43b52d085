"""Random inspections (双随机、一公开, reference §6): the inspectors' list (执法检查人员名录库), inspection plans,
the objects and inspectors drawn, and the results per object.

A plan belongs to the unit that runs it ("whoever inspects, enters and publishes"): every staff user of the
organisation reads it, the unit's liaison and the office write it. Its seed is kept from every reader until the
draw; before, only its commitment is shown."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region, Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet
from zhichan.registry.models import EnterpriseSize

from .agencies import ServiceKind

# No national rule sets how many inspectors go to one object; two is the usual practice (unconfirmed), the plan
# sets its own.
DEFAULT_INSPECTORS_PER_OBJECT = 2


class Inspector(Plausible):
    """An enforcement officer of a unit who may be drawn to inspect (name, certificate number, field: §6)."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="inspectors", verbose_name=_("unit"))
    name = models.CharField(_("name"), max_length=100)
    certificate_number = models.CharField(_("enforcement certificate number"), max_length=40, unique=True)
    field = models.CharField(_("enforcement field"), max_length=100)
    active = models.BooleanField(_("in the list"), default=True)
    ties_note = models.TextField(_("other declared ties"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = HistoricalRecords()

    scope = Scope(unit="unit", shared=True, owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspector")
        verbose_name_plural = _("inspectors")
        ordering = ["unit__order", "unit__pk", "certificate_number"]

    def __str__(self):
        return f"{self.name}（{self.certificate_number}）"

    def get_absolute_url(self):
        return reverse("inspector-detail", args=[self.pk])


class InspectorTie(Plausible):
    """An enterprise the inspector declared a tie to (kin, former employer…): never drawn to inspect it."""

    inspector = models.ForeignKey(Inspector, models.CASCADE, related_name="ties", verbose_name=_("inspector"))
    credit_code = models.CharField(_("unified social credit code"), max_length=18)
    note = models.CharField(_("tie"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope = Scope(unit="inspector__unit", shared=True, owners_write=True, organisation="inspector__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("declared tie of an inspector")
        verbose_name_plural = _("declared ties of inspectors")
        ordering = ["inspector", "pk"]
        constraints = [models.UniqueConstraint(fields=["inspector", "credit_code"], name="inspector_tie_once")]

    def __str__(self):
        return self.credit_code


class PlanState(models.TextChoices):
    DRAFT = "preparing", _("Being prepared")
    PUBLISHED = "published", _("Pool published")
    DRAWN = "drawn", _("Drawn")
    RESULTS_PUBLISHED = "results-published", _("Results published")


class ObjectKind(models.TextChoices):
    """What a plan inspects: the register's enterprises, or the IP service agencies (四(六)2)."""

    ENTERPRISES = "enterprises", _("Enterprises of the register")
    AGENCIES = "agencies", _("IP service agencies")


class InspectionPlan(Plausible):
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="inspection_plans", verbose_name=_("unit"))
    name = models.CharField(_("plan"), max_length=200)
    items = models.TextField(_("inspection items"))
    starts_on = models.DateField(_("inspection from"))
    ends_on = models.DateField(_("inspection until"))
    # Which enterprises of the registry, or which agencies, form the objects' pool (services/inspection_pool.py).
    object_kind = models.CharField(
        _("objects inspected"), max_length=20, choices=ObjectKind.choices, default=ObjectKind.ENTERPRISES
    )
    service_kind = models.CharField(
        _("agencies offering"), max_length=20, choices=ServiceKind.choices, blank=True, help_text=_("Agencies only.")
    )
    region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    industry_code = models.CharField(_("industry code starts with"), max_length=5, blank=True)
    size = models.CharField(_("size"), max_length=10, choices=EnterpriseSize.choices, blank=True)
    proportions = models.JSONField(_("proportion per stratum (%)"), default=dict)
    inspectors_per_object = models.PositiveSmallIntegerField(
        _("inspectors per object"),
        default=DEFAULT_INSPECTORS_PER_OBJECT,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    state = models.CharField(_("state"), max_length=20, choices=PlanState.choices, default=PlanState.DRAFT)
    # Published before the draw: the pools, their fingerprints, the seed's commitment and the numbers wanted.
    pool_text = models.TextField(_("objects' pool"), blank=True)
    pool_hash = models.CharField(_("objects' pool fingerprint (SHA-256)"), max_length=64, blank=True)
    inspector_pool_text = models.TextField(_("inspectors' pool"), blank=True)
    inspector_pool_hash = models.CharField(_("inspectors' pool fingerprint (SHA-256)"), max_length=64, blank=True)
    wanted = models.JSONField(_("objects wanted per stratum"), default=dict, blank=True)
    seed_hash = models.CharField(_("seed commitment (SHA-256)"), max_length=64, blank=True)
    published_on = models.DateField(_("pool published on"), null=True, blank=True)
    # Kept from every reader until the draw (services/inspections.py shows it only once drawn).
    seed = models.CharField(_("seed"), max_length=64, blank=True)
    drawn_on = models.DateField(_("drawn on"), null=True, blank=True)
    results_published_on = models.DateField(_("results published on"), null=True, blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    scope = Scope(unit="unit", shared=True, owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("starts_on", "ends_on")
    # Written by the plan's steps alone (publish, draw, publish the results): never entered by hand, in the admin
    # or the API.
    STEP_WRITTEN = (
        "state",
        "pool_text",
        "pool_hash",
        "inspector_pool_text",
        "inspector_pool_hash",
        "wanted",
        "seed_hash",
        "published_on",
        "drawn_on",
        "results_published_on",
    )

    class Meta:
        verbose_name = _("random inspection plan")
        verbose_name_plural = _("random inspection plans")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("inspection-plan-detail", args=[self.pk])

    @property
    def seed_shown(self) -> str:
        """The seed, once drawn; never before."""
        return self.seed if self.drawn_on else ""


class Finding(models.TextChoices):
    NO_PROBLEM = "no-problem", _("No problem found")
    PROBLEMS = "problems", _("Problems found")
    CORRECTED = "corrected", _("Problems found and corrected on the spot")
    NOT_FOUND = "not-found", _("Not found at the registered address")
    CLOSED = "closed", _("No longer in business")
    REFUSED = "refused", _("Refused the inspection")


# Findings that record a problem with the object (services/inspection_results.py: results_found).
WITH_PROBLEMS = frozenset({Finding.PROBLEMS, Finding.CORRECTED, Finding.NOT_FOUND, Finding.REFUSED})


class InspectionTarget(Plausible):
    """An object drawn for a plan, its stratum and rank, the inspectors excluded for it (their declared ties), and
    its result."""

    plan = models.ForeignKey(InspectionPlan, models.CASCADE, related_name="targets", verbose_name=_("plan"))
    key = models.CharField(_("unified social credit code"), max_length=18)
    name = models.CharField(_("name"), max_length=200)
    enterprise = models.ForeignKey(
        "registry.Enterprise", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("enterprise")
    )
    agency = models.ForeignKey(
        "services.Agency",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name=_("service agency"),
    )
    stratum = models.CharField(_("stratum"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"))
    excluded_inspectors = models.JSONField(_("inspectors excluded for ties"), default=list, blank=True)
    finding = models.CharField(_("finding"), max_length=20, choices=Finding.choices, blank=True)
    note = models.TextField(_("note on the result"), blank=True)
    inspected_on = models.DateField(_("inspected on"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    history = HistoricalRecords()

    scope = Scope(unit="plan__unit", shared=True, owners_write=True, organisation="plan__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("object drawn")
        verbose_name_plural = _("objects drawn")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="inspection_object_once")]

    def __str__(self):
        return f"{self.name}（{self.key}）"

    @property
    def with_problems(self) -> bool:
        return self.finding in WITH_PROBLEMS


class TargetInspector(models.Model):
    """An inspector drawn for an object, in rank order; one who stepped aside (回避) keeps the reason."""

    target = models.ForeignKey(InspectionTarget, models.CASCADE, related_name="inspectors", verbose_name=_("object"))
    inspector = models.ForeignKey(Inspector, models.PROTECT, related_name="assignments", verbose_name=_("inspector"))
    order = models.PositiveSmallIntegerField(_("order"))
    replacement = models.BooleanField(_("drawn as a replacement"), default=False)
    stepped_aside = models.BooleanField(_("stepped aside"), default=False)
    reason = models.TextField(_("reason for stepping aside"), blank=True)
    history = HistoricalRecords()

    scope = Scope(
        unit="target__plan__unit", shared=True, owners_write=True, organisation="target__plan__unit__organisation"
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspector drawn")
        verbose_name_plural = _("inspectors drawn")
        ordering = ["target", "order"]
        constraints = [models.UniqueConstraint(fields=["target", "inspector"], name="inspector_drawn_once")]

    def __str__(self):
        return f"{self.target} · {self.inspector}"


class PublishedPlan(InspectionPlan):
    """A random inspection plan as the public reads it (一公开) once its pools and commitment are published: the
    same row under a scope that lets everyone read it, for the public verification page. Nothing is ever written
    through it, and the page shows the seed only once drawn."""

    scope = Scope(
        public=("state", (PlanState.PUBLISHED, PlanState.DRAWN, PlanState.RESULTS_PUBLISHED)),
        organisation="unit__organisation",
    )

    class Meta:
        proxy = True
        verbose_name = _("published random inspection plan")
        verbose_name_plural = _("published random inspection plans")
