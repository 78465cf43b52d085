"""The expert pool (人才专家库, work plan 三(二)4: 遴选一批具有较强理论水平或丰富实践经验的知识产权专业人员): experts,
the enterprises they are tied to, and the random selections of experts for a purpose.

An expert belongs to an organisation: every staff user of it reads the pool, the office writes it. An expert's ID
number is shown to the office alone (like a party's in an enforcement case) and only serves to refuse the same
person twice."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

# How long an expert rests after being drawn before the next draw may take them again. No rule was found for it
# (unconfirmed): the office sets it per organisation; this is the default.
DEFAULT_REST_DAYS = 90


class ExpertField(models.TextChoices):
    """Fields of expertise: the IPC sections for technology, and the three other kinds of expertise the pool
    serves (法律、金融、管理)."""

    A = "A", _("A Human necessities")
    B = "B", _("B Performing operations; transporting")
    C = "C", _("C Chemistry; metallurgy")
    D = "D", _("D Textiles; paper")
    E = "E", _("E Fixed constructions")
    F = "F", _("F Mechanical engineering; lighting; heating; weapons; blasting")
    G = "G", _("G Physics")
    H = "H", _("H Electricity")
    LEGAL = "legal", _("Law")
    FINANCE = "finance", _("Finance")
    MANAGEMENT = "management", _("Management")


class Expert(Plausible):
    organisation = models.ForeignKey(Region, models.PROTECT, related_name="experts", verbose_name=_("organisation"))
    number = models.CharField(_("expert number"), max_length=20, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100)
    id_number = models.CharField(_("ID number"), max_length=18)
    fields = models.JSONField(_("fields of expertise"), default=list)
    employer = models.CharField(_("employer"), max_length=200)
    employer_credit_code = models.CharField(_("employer's unified social credit code"), max_length=18, blank=True)
    title = models.CharField(_("professional title"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    available = models.BooleanField(_("available"), default=True)
    unavailable_until = models.DateField(_("unavailable until"), null=True, blank=True)
    conflicts_note = models.TextField(_("other declared conflicts"), blank=True)
    # In the public pool from this day (一公开: its public fields only, services/publication.py); None: not public.
    published_on = models.DateField(_("published on"), null=True, blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("unavailable_until",)

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "id_number"], name="expert_once_per_organisation")
        ]

    def __str__(self):
        return f"{self.number} {self.name}"

    def get_absolute_url(self):
        return reverse("expert-detail", args=[self.pk])

    def available_on(self, day) -> bool:
        """Available that day: marked available, or unavailable only until an earlier day."""
        return self.available or (self.unavailable_until is not None and self.unavailable_until < day)

    def field_labels(self) -> list[str]:
        labels = dict(ExpertField.choices)
        return [str(labels.get(code, code)) for code in self.fields]


class ExpertTie(Plausible):
    """An enterprise the expert advises or is otherwise tied to (a declared conflict): by credit code (linked to
    the registry's enterprise of that code) or by name."""

    expert = models.ForeignKey(Expert, models.CASCADE, related_name="ties", verbose_name=_("expert"))
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    enterprise = models.ForeignKey(
        "registry.Enterprise", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("enterprise")
    )
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="expert__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("declared tie of an expert")
        verbose_name_plural = _("declared ties of experts")
        ordering = ["expert", "pk"]

    def __str__(self):
        return self.name or self.credit_code


class ExpertRules(Plausible):
    """The organisation's rule for drawing experts: how long one drawn rests before being drawn again."""

    organisation = models.OneToOneField(
        Region, models.PROTECT, related_name="expert_rules", verbose_name=_("organisation")
    )
    rest_days = models.PositiveSmallIntegerField(
        _("days an expert rests after a draw"),
        default=DEFAULT_REST_DAYS,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
    )
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("rule for drawing experts")
        verbose_name_plural = _("rules for drawing experts")

    def __str__(self):
        return str(self.organisation)


class DrawPurpose(models.TextChoices):
    PROJECT_REVIEW = "project-review", _("Project review")
    MEDIATION = "mediation", _("Mediation")
    APPRAISAL = "appraisal", _("Appraisal")
    CUSTODY_VISIT = "custody-visit", _("Custody visit")
    OTHER = "other", _("Other")


class ExpertDraw(Plausible):
    """A random selection of experts for a purpose, through core/draws.py: the pool (every expert of the field
    wanted, in number order), its fingerprint, the seed and its commitment, who was excluded and why, and the
    experts drawn."""

    organisation = models.ForeignKey(
        Region, models.PROTECT, related_name="expert_draws", verbose_name=_("organisation")
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=DrawPurpose.choices)
    subject = models.CharField(pgettext_lazy("drawn for", "matter"), max_length=300)
    parties = models.TextField(_("parties named"), blank=True, help_text=_("One per line: a name or a credit code."))
    field = models.CharField(_("field of expertise"), max_length=20, choices=ExpertField.choices, blank=True)
    wanted = models.PositiveSmallIntegerField(_("experts wanted"), validators=[MinValueValidator(1)])
    drawn_on = models.DateField(_("drawn on"))
    seed = models.CharField(_("seed"), max_length=64)
    seed_hash = models.CharField(_("seed commitment (SHA-256)"), max_length=64)
    pool_text = models.TextField(_("pool"))
    pool_hash = models.CharField(_("pool fingerprint (SHA-256)"), max_length=64)
    excluded = models.JSONField(_("excluded"), default=dict, blank=True, help_text=_("Expert number: why excluded."))
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("drawn by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("draw of experts")
        verbose_name_plural = _("draws of experts")
        ordering = ["-drawn_on", "-pk"]

    def __str__(self):
        return f"{self.drawn_on} {self.subject}"

    def get_absolute_url(self):
        return reverse("expert-draw-detail", args=[self.pk])

    @property
    def stratum(self) -> str:
        return self.field


class ExpertPick(models.Model):
    """An expert drawn, in rank order; one who stepped aside (回避) keeps the reason, and their replacement is a
    further pick."""

    draw = models.ForeignKey(ExpertDraw, models.CASCADE, related_name="picks", verbose_name=_("draw"))
    expert = models.ForeignKey(Expert, models.PROTECT, related_name="picks", verbose_name=_("expert"))
    order = models.PositiveSmallIntegerField(_("order"))
    replacement = models.BooleanField(_("drawn as a replacement"), default=False)
    stepped_aside = models.BooleanField(_("stepped aside"), default=False)
    reason = models.TextField(_("reason for stepping aside"), blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="draw__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert drawn")
        verbose_name_plural = _("experts drawn")
        ordering = ["draw", "order"]
        constraints = [models.UniqueConstraint(fields=["draw", "expert"], name="expert_drawn_once")]

    def __str__(self):
        return f"{self.draw} · {self.expert}"
