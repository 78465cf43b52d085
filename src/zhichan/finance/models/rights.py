"""A right named by a pledge or a transaction: its kind and number as the register reads it, and the register's
record when the register holds it (else the number is kept and flagged, for the office to match later)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .banks import RightType


def unmatched(path: str = "") -> Q:
    """The rights not linked to the register's record (`path`: the lookup to them, e.g. "rights")."""
    prefix = f"{path}__" if path else ""
    return Q(**{f"{prefix}patent": None, f"{prefix}trademark": None, f"{prefix}copyright": None})


class RightReference(models.Model):
    right_type = models.CharField(_("kind of right"), max_length=20, choices=RightType.choices)
    number = models.CharField(_("number"), max_length=60)
    patent = models.ForeignKey(
        "registry.Patent", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("patent")
    )
    trademark = models.ForeignKey(
        "registry.Trademark", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("trademark")
    )
    copyright = models.ForeignKey(
        "registry.Copyright", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("copyright")
    )

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.get_right_type_display()} {self.number}"

    @property
    def record(self):
        return self.patent or self.trademark or self.copyright

    @property
    def matched(self) -> bool:
        return self.record is not None

    def record_url(self) -> str:
        """The register page of the right, when matched."""
        record = self.record
        return reverse(f"{self.right_type}-detail", args=[record.pk]) if record is not None else ""
