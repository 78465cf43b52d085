from django.db import models
from django.utils.translation import gettext_lazy as _

from zhichan.core.plausible import Plausible


class SubjectKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise")
    AGENCY = "agency", _("Service agency")
    PERSON = "person", _("Person")


class CreditSubject(Plausible):
    """Who a credit record names: an enterprise or agency by its unified social credit code (linked to the
    registry's enterprise with that code), or a person by name and ID number, the ID shown only to the office and
    the unit that made the finding."""

    subject_kind = models.CharField(_("kind of subject"), max_length=20, choices=SubjectKind.choices)
    subject_name = models.CharField(_("name of the subject"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True, db_index=True)
    id_number = models.CharField(_("ID number"), max_length=18, blank=True)
    enterprise = models.ForeignKey(
        "registry.Enterprise", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("enterprise")
    )
    unit = models.ForeignKey(
        "core.Unit",
        models.PROTECT,
        related_name="+",
        verbose_name=_("finding unit"),
        help_text=_("The unit that made the finding: it and the office keep the record."),
    )
    published = models.BooleanField(_("published"), default=False)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        "core.User", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def subject_key(self) -> str:
        """How a subject is named in addresses: its credit code, else (a person) nothing public."""
        return self.credit_code
