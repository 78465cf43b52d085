"""GB/T 29490 certification (贯标): an enterprise's certificate of its IP management system, and whether it holds on a
day. The rules are described in docs/registry.md (Certification)."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..terms import anniversary
from .enterprises import Enterprise

# CNCA and CNIPA announcement 2023 No. 27 (2023-11-29): the transition to GB/T 29490-2023 runs from 2024-01-01 to
# 2025-12-31; a certificate to GB/T 29490-2013 not converted by then is suspended or withdrawn. Its last valid day:
OLD_VERSION_LAST_DAY = date(2025, 12, 31)
# The same announcement: a certificate from (re-)certification is valid 3 years. Used for `expires_on` only when the
# certificate's own end is not given.
DEFAULT_VALIDITY_YEARS = 3
DEFAULT_WARNING_DAYS = 90


def warning_days() -> int:
    """How many days before its end a valid certificate is shown as expiring soon (a setting, 90 by default)."""
    return int(getattr(settings, "ZHICHAN_CERTIFICATION_WARNING_DAYS", DEFAULT_WARNING_DAYS))


def default_expiry(issued_on: date) -> date:
    """The last valid day of a certificate issued on `issued_on` whose own end is not given: 3 years less a day."""
    return anniversary(issued_on, DEFAULT_VALIDITY_YEARS) - timedelta(days=1)


class StandardVersion(models.TextChoices):
    V2013 = "2013", _("GB/T 29490-2013 (enterprise IP management)")
    V2023 = "2023", _("GB/T 29490-2023 (enterprise IP compliance management system)")


class CertificationState(models.TextChoices):
    """A certificate's state on a day, best first (an enterprise's state is its best certificate's)."""

    VALID = "valid", _("valid")
    EXPIRING = "expiring", _("expiring soon")
    NOT_YET = "not-yet", _("not yet issued")
    LAPSED = "lapsed", _("2013 version lapsed")
    EXPIRED = "expired", pgettext_lazy("certificate", "expired")


RANK = {state: rank for rank, state in enumerate(CertificationState.values)}


class CertificationQuerySet(ScopedQuerySet):
    def valid_on(self, day: date):
        """The certificates valid on `day`, as one query: the same rule as `Certification.valid_on`."""
        found = self.filter(issued_on__lte=day, expires_on__gte=day)
        if day > OLD_VERSION_LAST_DAY:
            found = found.exclude(standard_version=StandardVersion.V2013)
        return found


class Certification(Plausible):
    """One certificate of conformity to GB/T 29490 (贯标认证证书) held by an enterprise, from `issued_on` to
    `expires_on` (the last valid day, as the certificate writes 有效期至)."""

    enterprise = models.ForeignKey(
        Enterprise, models.CASCADE, related_name="certifications", verbose_name=_("enterprise")
    )
    standard_version = models.CharField(_("standard version"), max_length=4, choices=StandardVersion.choices)
    body = models.CharField(_("certification body"), max_length=200)
    number = models.CharField(_("certificate number"), max_length=100)
    issued_on = models.DateField(pgettext_lazy("certificate", "issued on"))
    expires_on = models.DateField(_("valid until"))
    dates_ahead = ("expires_on",)  # a certificate runs to a day ahead (core/plausible.py)
    # The certificate this one replaces on re-certification or conversion to the 2023 version.
    renews = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="renewals", verbose_name=_("renews")
    )
    note = models.TextField(_("note"), blank=True)
    import_batch = models.ForeignKey(
        "core.ImportBatch", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("import batch")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = HistoricalRecords()

    scope = Scope(region="enterprise__region", enterprise="enterprise", owners_write=True)
    objects = CertificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("GB/T 29490 certificate")
        verbose_name_plural = _("GB/T 29490 certificates")
        ordering = ["-expires_on", "-issued_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["body", "number"], name="certification_number_per_body"),
        ]

    def __str__(self):
        return f"GB/T 29490-{self.standard_version} {self.number}"

    def get_absolute_url(self):
        from django.urls import reverse

        if self.pk is None:  # just removed: its enterprise's page lists what is left
            return reverse("enterprise-detail", args=[self.enterprise_id])
        return reverse("certification-detail", args=[self.pk])

    def clean(self):
        # From 2025 every certification follows the 2023 version (CNCA/CNIPA announcement 2023 No. 27): a 2013-version
        # certificate issued after its last day cannot be.
        if self.standard_version == StandardVersion.V2013 and self.issued_on and self.issued_on > OLD_VERSION_LAST_DAY:
            raise ValidationError(
                {"standard_version": _("No certificate is issued under the 2013 version after 2025-12-31.")}
            )
        if self.issued_on and self.expires_on and self.expires_on < self.issued_on:
            raise ValidationError({"expires_on": _("A certificate is valid until a day on or after its issue.")})

    @property
    def last_valid_day(self) -> date:
        """The last day it holds: its own end, or the end of the transition for a 2013-version certificate."""
        if self.standard_version == StandardVersion.V2013:
            return min(self.expires_on, OLD_VERSION_LAST_DAY)
        return self.expires_on

    def valid_on(self, day: date) -> bool:
        return self.issued_on <= day <= self.last_valid_day

    def state_on(self, day: date, warning: int | None = None) -> str:
        """valid, expiring (valid, ending within `warning` days: the setting by default), not yet issued, lapsed
        (a 2013-version certificate past the transition that would otherwise still run) or expired."""
        if day < self.issued_on:
            return CertificationState.NOT_YET
        end = self.last_valid_day
        if day > end:
            lapsed = self.standard_version == StandardVersion.V2013 and self.expires_on > OLD_VERSION_LAST_DAY
            return CertificationState.LAPSED if lapsed else CertificationState.EXPIRED
        days = warning_days() if warning is None else warning
        return CertificationState.EXPIRING if (end - day).days <= days else CertificationState.VALID
