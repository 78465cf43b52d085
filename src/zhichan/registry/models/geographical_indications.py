"""Geographical indications: protected products (地理标志保护产品) and GI marks (地理标志商标)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zhichan.core.models import Region
from zhichan.core.scoping import Scope

from .enterprises import Enterprise
from .records import RegisterRecord
from .trademarks import Trademark


class GIKind(models.TextChoices):
    PRODUCT = "gi_product", _("geographical indication protected product")
    MARK = "gi_mark", _("geographical indication mark")


class GeographicalIndication(RegisterRecord):
    """A geographical indication of the region; a GI mark links to its trademark record."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=GIKind.choices)
    holder = models.ForeignKey(
        Enterprise,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="geographical_indications",
        verbose_name=_("holder in the register"),
    )
    holder_name = models.CharField(_("holder or applicant (as written)"), max_length=300, blank=True)
    approval_date = models.DateField(_("approval date"), null=True, blank=True)
    announcement_number = models.CharField(_("announcement number"), max_length=100, blank=True)
    area = models.TextField(_("protected area"), blank=True)
    region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="geographical_indications", verbose_name=_("region")
    )
    product_category = models.CharField(_("product category"), max_length=200, blank=True)
    trademark = models.ForeignKey(
        Trademark,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="geographical_indications",
        verbose_name=_("trademark"),
    )

    scope = Scope(region="region", enterprise="holder")

    class Meta:
        verbose_name = _("geographical indication")
        verbose_name_plural = _("geographical indications")
        ordering = ["name"]
        constraints = [
            # The natural key of the import (registry/imports.py): one indication of a name and kind, by any path.
            models.UniqueConstraint(
                fields=["name", "kind"],
                name="registry_gi_name_kind_unique",
                violation_error_message=_("A geographical indication of this name and kind is already registered."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

    def clean(self):
        super().clean()
        if self.trademark_id and self.kind != GIKind.MARK:
            raise ValidationError({"trademark": _("Only a geographical indication mark has a trademark.")})
        if self.trademark_id and not self.trademark.gi_mark:
            raise ValidationError({"trademark": _("This trademark is not marked as a geographical indication mark.")})
