"""Patent sets: what a landscape is drawn from. A set is the county's register as a search of it chooses, or an
analysis set imported from a national or industry export. Either way its patents are copied into the set's own rows
(SetPatent), read once into the form every analysis counts (services/reading.py), and kept apart from the register:
nothing here is counted by an indicator."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


class SetKind(models.TextChoices):
    REGISTER = "register", _("the county's register")
    IMPORTED = "imported", _("imported analysis set")


class SetState(models.TextChoices):
    # An imported set waits for its file; a register set for its first reading of the register.
    PENDING = "pending", _("being read")
    READY = "ready", pgettext_lazy("patent set", "ready")
    FAILED = "failed", pgettext_lazy("patent set", "import failed")


class DateBasis(models.TextChoices):
    """Which date places a patent in a year: the label every chart by year carries."""

    FILING = "filing", _("filing date")
    PUBLICATION = "publication", _("publication date")


class PatentSet(Plausible):
    name = models.CharField(pgettext_lazy("patent set", "name"), max_length=200)
    kind = models.CharField(_("kind of set"), max_length=20, choices=SetKind.choices)
    description = models.TextField(_("what the set covers"), blank=True)
    search_strategy = models.TextField(
        _("search strategy"),
        blank=True,
        help_text=_("The database, the search formula, the date of the search and how the results were cleaned."),
    )
    # A register set: the search of the patent register, as the register list's address after the question mark.
    query = models.CharField(_("register search"), max_length=500, blank=True)
    # An imported set: the import that filled it (shared imports; one batch, one set).
    batch = models.OneToOneField(
        "core.ImportBatch",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="patent_set",
        verbose_name=_("import batch"),
    )
    project = models.ForeignKey(
        "projects.Project",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="patent_sets",
        verbose_name=_("navigation project"),
    )
    # An enterprise's own set (its own patents in the register): only that enterprise and the staff read it.
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="patent_sets",
        verbose_name=_("enterprise"),
    )
    date_basis = models.CharField(
        _("year counted by"), max_length=20, choices=DateBasis.choices, default=DateBasis.FILING
    )
    state = models.CharField(_("state"), max_length=20, choices=SetState.choices, default=SetState.PENDING)
    # The background work on the set last started (reading, placing in branches), its progress shown on the page.
    task = models.ForeignKey(
        "core.TaskProgress", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("task")
    )
    patent_count = models.PositiveIntegerField(_("patents"), default=0)
    # What every analysis counts, computed in one pass over the set's patents (services/analyses.py) when the set,
    # its branches or the merge table change; the pages read it, never the rows.
    aggregates = models.JSONField(_("figures"), default=dict, blank=True, editable=False)
    read_at = models.DateTimeField(_("figures computed"), null=True, blank=True, editable=False)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["aggregates"])

    # The office's and its project's unit's; an enterprise's own set is that enterprise's.
    scope = Scope(unit="project__unit", enterprise="enterprise")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("patent set")
        verbose_name_plural = _("patent sets")
        ordering = ["-created"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("patent-set-detail", args=[self.pk])

    @property
    def failed(self) -> bool:
        """Its reading or its import failed (the import's own record says why)."""
        return self.state == SetState.FAILED or (self.batch is not None and self.batch.state == "failed")


class SetPatent(models.Model):
    """One patent of a set as the analyses read it: lists are kept between `;` at both ends (`;A;B;`), so that a
    figure's patents are found by an exact name or code (`LIKE '%;A;%'`) in the same form its count was made from."""

    patent_set = models.ForeignKey(PatentSet, models.CASCADE, related_name="patents", verbose_name=_("patent set"))
    application_number = models.CharField(_("application number"), max_length=40)
    title = models.CharField(_("title"), max_length=500, blank=True)
    patent_type = models.CharField(_("patent type"), max_length=20, blank=True)
    filing_date = models.DateField(_("filing date"), null=True, blank=True)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    grant_date = models.DateField(_("grant date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)  # by the set's date basis
    grant_year = models.PositiveSmallIntegerField(_("grant year"), null=True, blank=True)
    applicants = models.TextField(_("applicants"), blank=True)
    applicant_types = models.CharField(_("kinds of applicant"), max_length=100, blank=True)
    inventors = models.TextField(_("inventors"), blank=True)
    ipc_codes = models.TextField(_("IPC codes"), blank=True)
    # A classification the IPC reading did not understand, as written: counted as unclassified, never dropped.
    unread_classes = models.CharField(_("classification not understood"), max_length=300, blank=True)
    branches = models.CharField(_("technology branches"), max_length=300, blank=True)
    status = models.CharField(_("legal status"), max_length=20, blank=True)
    status_text = models.CharField(_("legal status as stated by the source"), max_length=300, blank=True)
    province = models.CharField(_("province"), max_length=30, blank=True)
    city = models.CharField(_("city"), max_length=50, blank=True)
    township = models.CharField(_("township"), max_length=50, blank=True)
    high_value = models.CharField(_("high-value categories"), max_length=100, blank=True)
    register_patent = models.ForeignKey(
        "registry.Patent", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("patent")
    )

    # A set's patents are read as their set is.
    scope = Scope(unit="patent_set__project__unit", enterprise="patent_set__enterprise")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("patent of a set")
        verbose_name_plural = _("patents of a set")
        ordering = ["patent_set_id", "application_number"]
        constraints = [
            models.UniqueConstraint(fields=["patent_set", "application_number"], name="navigation_one_number_a_set")
        ]
        # A figure's patents by year, already in the order their list shows (bench/navigation.py: the first page of
        # a year's 144,000 patents of a million in 16 ms, not 2 s through the number index).
        indexes = [models.Index(fields=["patent_set", "year", "application_number"], name="navigation_patent_year")]

    def __str__(self):
        return f"{self.application_number} {self.title}"

    @property
    def applicant_list(self) -> list[str]:
        return self.applicants.strip(";").split(";") if self.applicants else []

    @property
    def ipc_list(self) -> list[str]:
        return self.ipc_codes.strip(";").split(";") if self.ipc_codes else []
