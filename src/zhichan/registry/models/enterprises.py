import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..identifiers import IdentifierError, parse_uscc
from .records import RegistryRecord

# GB/T 4754-2017: sections A–T, divisions of 2 digits, groups of 3, classes of 4 ("C", "C30", "C3032", "3032").
# Only the shape is checked; the code table itself is not kept here.
INDUSTRY_CODE = re.compile(r"[A-T](?:\d{2,4})?|\d{2,4}")


def validate_uscc(value: str):
    """The same rule as the validation endpoint (identifiers.parse_uscc), so a form and the API agree."""
    try:
        parse_uscc(value)
    except IdentifierError as error:
        raise ValidationError(error.message) from None


def validate_industry_code(value: str):
    if not INDUSTRY_CODE.fullmatch(value):
        raise ValidationError(
            _("An industry code (GB/T 4754-2017) is a section letter A–T, 2 to 4 digits, or both, e.g. C3032."),
            code="industry_code",
        )


class EnterpriseSize(models.TextChoices):
    """统计上大中小微型企业划分办法（2017）; the thresholds by industry are not applied here."""

    LARGE = "large", _("large")
    MEDIUM = "medium", _("medium")
    SMALL = "small", _("small")
    MICRO = "micro", _("micro")


class Enterprise(RegistryRecord):
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
    industry_code = models.CharField(
        _("industry (GB/T 4754-2017)"), max_length=5, blank=True, validators=[validate_industry_code]
    )
    size = models.CharField(_("size"), max_length=10, choices=EnterpriseSize.choices, blank=True)
    # 四(一)3: an IP management institution with at least one full-time staff member.
    ip_institution = models.BooleanField(_("has an IP management institution"), default=False)
    ip_institution_name = models.CharField(_("IP management institution"), max_length=200, blank=True)
    ip_staff_full_time = models.PositiveSmallIntegerField(_("full-time IP staff"), default=0)
    # 四(二): an enterprise IP strategy.
    ip_strategy = models.BooleanField(_("has an IP strategy"), default=False)
    ip_strategy_adopted = models.DateField(_("IP strategy adopted on"), null=True, blank=True)
    ip_strategy_note = models.TextField(_("IP strategy note"), blank=True)
    # A merged enterprise stays in the register and points at its successor (services.enterprises.merge).
    merged_into = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="enterprises", verbose_name=_("users")
    )

    scope = Scope(region="region", enterprise="", owners_write=True)

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("enterprise-detail", args=[self.pk])

    def clean_fields(self, exclude=None):
        # Normalized before the field validators run, so " c3032 " is read as C3032.
        self.industry_code = (self.industry_code or "").strip().upper()
        super().clean_fields(exclude)

    def clean(self):
        errors = {}
        if self.merged_into_id is not None:
            if self.merged_into_id == self.pk:
                errors["merged_into"] = _("An enterprise cannot be merged into itself.")
            elif self.merged_into.merged_into_id is not None:
                errors["merged_into"] = _("The successor has itself been merged; merge into its successor.")
        if self.ip_strategy_adopted and not self.ip_strategy:
            errors["ip_strategy"] = _("An adoption date is given: tick that the enterprise has an IP strategy.")
        if errors:
            raise ValidationError(errors)


class DesignationKind(models.TextChoices):
    IP_DEMONSTRATION = "ip-demonstration", _("IP demonstration enterprise (知识产权示范企业)")
    IP_ADVANTAGE = "ip-advantage", _("IP advantage enterprise (知识产权优势企业)")
    HIGH_TECH = "high-tech", _("high-tech enterprise (高新技术企业)")
    SPECIALISED = "specialised", _("specialised SME (专精特新中小企业)")
    LITTLE_GIANT = "little-giant", _("little giant (专精特新“小巨人”企业)")
    LEAD_GOOSE = "lead-goose", _("lead goose enterprise (领头雁企业)")
    OTHER = "other", _("other")


class DesignationLevel(models.TextChoices):
    NATIONAL = "national", _("national")
    PROVINCIAL = "provincial", _("provincial")
    CITY = "city", _("city")
    COUNTY = "county", _("county")


class EnterpriseDesignation(Plausible):
    """A dated title given to an enterprise (demonstration, high-tech, 小巨人…), held from granted_on to expires_on."""

    enterprise = models.ForeignKey(
        Enterprise, models.CASCADE, related_name="designations", verbose_name=_("enterprise")
    )
    kind = models.CharField(_("designation"), max_length=20, choices=DesignationKind.choices)
    level = models.CharField(_("level"), max_length=10, choices=DesignationLevel.choices)
    granted_on = models.DateField(_("granted on"))
    # The first day it no longer holds; empty while it has no end.
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    dates_ahead = ("expires_on",)  # a designation runs to a day ahead (core/plausible.py)
    document = models.CharField(_("document number or source"), max_length=300, blank=True)
    history = HistoricalRecords()

    scope = Scope(region="enterprise__region", enterprise="enterprise")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise designation")
        verbose_name_plural = _("enterprise designations")
        ordering = ["-granted_on", "kind"]

    def __str__(self):
        return f"{self.get_level_display()} {self.get_kind_display()} ({self.granted_on})"

    def clean(self):
        if self.granted_on and self.expires_on and self.expires_on <= self.granted_on:
            raise ValidationError({"expires_on": _("A designation ends after it is granted.")})

    def holds_on(self, day) -> bool:
        return self.granted_on <= day and (self.expires_on is None or self.expires_on > day)
