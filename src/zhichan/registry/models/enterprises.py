from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..identifiers import IdentifierError, parse_uscc


def validate_uscc(value: str):
    """The same rule as the validation endpoint (identifiers.parse_uscc), so a form and the API agree."""
    try:
        parse_uscc(value)
    except IdentifierError as error:
        raise ValidationError(error.message) from None


class Enterprise(models.Model):
    """A company, institute or other holder of IP in the region; its users see its own records."""

    name = models.CharField(_("name"), max_length=200)
    uscc = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_uscc],
    )
    region = models.ForeignKey(Region, models.PROTECT, related_name="enterprises", verbose_name=_("region"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="enterprises", verbose_name=_("users")
    )
    history = HistoricalRecords()

    scope = Scope(region="region", enterprise="", owners_write=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name"]

    def __str__(self):
        return self.name
