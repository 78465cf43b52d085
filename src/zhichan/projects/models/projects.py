"""The programme's projects (四(三)1; T5 and T6): high-value patent cultivation (高价值专利培育) and patent navigation
(专利导航, by the GB/T 39551 type), with their course — approved, under way, mid-term checked, accepted, or ended
early —, their targets, their outputs named by number and linked to the register as its records appear (never
typed counts), their milestones, and a navigation project's analysis and conclusions. Amounts are in 万元."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

AMOUNT = {"max_digits": 14, "decimal_places": 4}  # 万元 to the yuan


class ProjectKind(models.TextChoices):
    CULTIVATION = "cultivation", _("high-value patent cultivation")
    NAVIGATION = "navigation", _("patent navigation")


class NavigationType(models.TextChoices):
    """GB/T 39551's kinds of navigation (its parts 2 to 6)."""

    REGION = "region", _("regional planning")
    INDUSTRY = "industry", _("industrial planning")
    ENTERPRISE = "enterprise", _("business operation")
    RESEARCH = "research", _("R&D activities")
    TALENT = "talent", _("talent management")


# The plan's T6 counts industry and enterprise navigation projects (产业、企业专利导航项目).
T6_TYPES = (NavigationType.INDUSTRY, NavigationType.ENTERPRISE)


class Level(models.TextChoices):
    NATIONAL = "national", _("national")
    PROVINCIAL = "provincial", _("provincial")
    CITY = "city", _("prefecture-level city")
    COUNTY = "county", _("county")


class State(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("project", "proposed")
    APPROVED = "approved", pgettext_lazy("project", "approved")
    STARTED = "started", _("under way")
    CHECKED = "checked", _("mid-term checked")
    ACCEPTED = "accepted", pgettext_lazy("project", "accepted")
    ENDED = "ended", _("ended early")


# Still running: targets, outputs, milestones and deliverables are entered.
OPEN = (State.PROPOSED, State.APPROVED, State.STARTED, State.CHECKED)


def project_scope(path: str = "", *, enterprise: str = "applicant", many: bool = False) -> Scope:
    """The project's member unit enters and reads it; the township it lies in reads it; the applicant enterprise
    reads its own (what each may enter is the actions' business). The module's other records (matching events,
    postings, matches, co-operation agreements) are held alike, each by its own unit, region and organisation
    fields (or those of the record at `path`) and its own enterprise lookup; `many` when that lookup crosses a
    reverse relation (an event's enterprises are those of its postings)."""
    prefix = f"{path}__" if path else ""
    return Scope(
        unit=f"{prefix}unit",
        region=f"{prefix}region",
        enterprise=f"{prefix}{enterprise}",
        owners_write=True,
        organisation=f"{prefix}organisation",
        many=many,
    )


class Project(Plausible):
    kind = models.CharField(_("kind of project"), max_length=20, choices=ProjectKind.choices)
    navigation_type = models.CharField(
        _("kind of navigation"), max_length=20, choices=NavigationType.choices, blank=True
    )
    title = models.CharField(_("title"), max_length=200)
    applicant = models.ForeignKey(
        "registry.Enterprise",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("applicant enterprise"),
    )
    applicant_name = models.CharField(
        pgettext_lazy("project", "applicant"),
        max_length=200,
        help_text=_("An enterprise, a university or a research institute."),
    )
    partners = models.TextField(_("partners"), blank=True)
    unit = models.ForeignKey("core.Unit", models.PROTECT, related_name="+", verbose_name=_("member unit in charge"))
    region = models.ForeignKey(
        "core.Region", models.PROTECT, related_name="+", verbose_name=pgettext_lazy("project", "where it lies")
    )
    organisation = models.ForeignKey(
        "core.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )
    level = models.CharField(_("approving level"), max_length=20, choices=Level.choices)
    field = models.CharField(_("industry or technical field"), max_length=200, blank=True)
    starts_on = models.DateField(_("period from"), null=True, blank=True)
    ends_on = models.DateField(_("period until"), null=True, blank=True)
    budget = models.DecimalField(_("budget (10,000 yuan)"), null=True, blank=True, **AMOUNT)
    funding = models.DecimalField(_("public funding (10,000 yuan)"), null=True, blank=True, **AMOUNT)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PROPOSED)
    document = models.CharField(_("approving document"), max_length=100, blank=True)
    approved_on = models.DateField(pgettext_lazy("project", "approved on"), null=True, blank=True)
    started_on = models.DateField(pgettext_lazy("project", "started on"), null=True, blank=True)
    checked_on = models.DateField(_("mid-term check on"), null=True, blank=True)
    check_opinion = models.TextField(_("mid-term check opinion"), blank=True)
    accepted_on = models.DateField(pgettext_lazy("project", "accepted on"), null=True, blank=True)
    acceptance_opinion = models.TextField(_("acceptance opinion"), blank=True)
    ended_on = models.DateField(pgettext_lazy("project", "ended on"), null=True, blank=True)
    end_reason = models.TextField(_("why it ended early"), blank=True)
    # A navigation project's analysis: the patents analysed (an import batch, or a register list's query) and
    # what it concluded and how the conclusions were used (成果运用).
    patent_set_batch = models.ForeignKey(
        "core.ImportBatch",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("patents analysed: import batch"),
    )
    patent_set_query = models.CharField(
        _("patents analysed: register query"),
        max_length=500,
        blank=True,
        help_text=_("The search of the patent register, as its address after the question mark."),
    )
    conclusions = models.TextField(_("conclusions"), blank=True)
    results_use = models.TextField(_("use of the results"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    scope = project_scope()
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("starts_on", "ends_on")  # a project is entered before its period begins

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["kind", "state"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("project-detail", args=[self.pk])

    @property
    def kind_label(self) -> str:
        """The kind as the lists name it: a navigation project with its GB/T 39551 type."""
        if self.kind == ProjectKind.NAVIGATION and self.navigation_type:
            kind, navigation = self.get_kind_display(), self.get_navigation_type_display()
            return f"{kind}（{navigation}）" if (get_language() or "zh").startswith("zh") else f"{kind} ({navigation})"
        return str(self.get_kind_display())


class Measure(models.TextChoices):
    """What a project's targets count, each read from the outputs' register records (or the licences and transfers
    entered in IP finance): never a number typed in."""

    APPLICATIONS = "applications", _("patent applications filed")
    INVENTIONS = "inventions", _("invention patent applications filed")
    PCT = "pct", _("PCT applications filed")
    GRANTS = "grants", _("patents granted")
    INVENTION_GRANTS = "invention_grants", _("invention patents granted")
    LICENSED = "licensed", _("patents licensed or transferred")


class Target(models.Model):
    project = models.ForeignKey(Project, models.CASCADE, related_name="targets", verbose_name=_("project"))
    measure = models.CharField(_("measure"), max_length=30, choices=Measure.choices)
    planned = models.PositiveIntegerField(_("planned"))
    history = HistoricalRecords()

    scope = project_scope("project")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("project target")
        verbose_name_plural = _("project targets")
        ordering = ["project", "pk"]
        constraints = [models.UniqueConstraint(fields=["project", "measure"], name="project_target_once")]

    def __str__(self):
        return f"{self.get_measure_display()} {self.planned}"


class Output(models.Model):
    """A patent the project produced, named by its application number as the register keeps it; the register's
    record is found by that number whenever it is read, so an output entered before the register holds it is
    linked as soon as an import brings it (until then it waits, unmatched, for the office)."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="outputs", verbose_name=_("project"))
    number = models.CharField(_("patent application number"), max_length=30)
    note = models.CharField(_("note"), max_length=200, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("added by")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    scope = project_scope("project")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("project output")
        verbose_name_plural = _("project outputs")
        ordering = ["project", "number"]
        constraints = [models.UniqueConstraint(fields=["project", "number"], name="project_output_once")]
        indexes = [models.Index(fields=["number"])]

    def __str__(self):
        return self.number


class Milestone(Plausible):
    project = models.ForeignKey(Project, models.CASCADE, related_name="milestones", verbose_name=_("project"))
    name = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(pgettext_lazy("project", "due on"))
    done_on = models.DateField(_("reached on"), null=True, blank=True)
    history = HistoricalRecords()

    scope = project_scope("project")
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("due_on",)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "due_on", "pk"]

    def __str__(self):
        return self.name
