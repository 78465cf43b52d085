"""The services catalogue of the public portal (一站式服务), as data: what each service is for, who may use it, the
materials it needs, the unit that handles it, the deadline the office commits to (a rule of the shared clocks) and
the extra questions of its form. Loaded from data/portal/services.yaml; the office edits a service on a page and a
reload then leaves it as the office wrote it (`from_file` cleared)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhichan.core.locale import in_language


class Target(models.TextChoices):
    """Where a request of the service lands: a module's own record, taken in by that module's operation, or the
    portal's request itself, answered by the handling unit."""

    COMPLAINT = "complaint", _("a complaint, in IP protection")
    TIP = "tip", _("a tip, in IP protection")
    ASSISTANCE = "assistance", _("a rights-assistance request, in IP protection")
    MEDIATION = "mediation", _("a dispute for mediation, in IP protection")
    CUSTODY = "custody", _("a custody application, in IP services")
    PORTAL = "portal", _("answered on the portal by the handling unit")


class FieldType(models.TextChoices):
    TEXT = "text", _("a line of text")
    TEXTAREA = "textarea", _("a paragraph")
    DATE = "date", _("a date")
    CHOICE = "choice", _("one of a list")


class Service(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("service"), max_length=100)
    name_en = models.CharField(_("service in English"), max_length=100, blank=True)
    group = models.CharField(_("group"), max_length=60, blank=True)
    group_en = models.CharField(_("group in English"), max_length=60, blank=True)
    summary = models.TextField(_("what it is for"), blank=True)
    summary_en = models.TextField(_("what it is for, in English"), blank=True)
    audience = models.CharField(_("who may use it"), max_length=200, blank=True)
    audience_en = models.CharField(_("who may use it, in English"), max_length=200, blank=True)
    materials = models.TextField(_("materials needed"), blank=True, help_text=_("One item per line."))
    materials_en = models.TextField(_("materials needed, in English"), blank=True)
    target = models.CharField(_("lands as"), max_length=20, choices=Target.choices)
    unit = models.ForeignKey("core.Unit", models.PROTECT, related_name="+", verbose_name=_("handling unit"))
    rule = models.ForeignKey(
        "core.DeadlineRule",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committed deadline"),
        help_text=_("The time limit the office commits to, one of the platform's deadline rules."),
    )
    fields = models.JSONField(_("extra questions"), default=list, blank=True)
    anonymous = models.BooleanField(_("may be anonymous"), default=False)
    files = models.BooleanField(_("takes photos or files"), default=False)
    published = models.BooleanField(_("published"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    from_file = models.BooleanField(_("as loaded from the data file"), default=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("public service")
        verbose_name_plural = _("public services")
        ordering = ["order", "code"]

    def __str__(self):
        return self.worded_name

    def get_absolute_url(self):
        return reverse("portal-service", args=[self.code])

    @property
    def worded_name(self) -> str:
        return in_language(self.name, self.name_en)

    @property
    def worded_group(self) -> str:
        return in_language(self.group, self.group_en)

    @property
    def worded_summary(self) -> str:
        return in_language(self.summary, self.summary_en)

    @property
    def worded_audience(self) -> str:
        return in_language(self.audience, self.audience_en)

    @property
    def material_list(self) -> list[str]:
        text = in_language(self.materials, self.materials_en)
        return [line.strip() for line in text.splitlines() if line.strip()]
