"""Banks lending against IP in the county (branches) and their IP loan products (四(三)5)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Unit
from zhichan.core.scoping import Scope, ScopedQuerySet


class RightType(models.TextChoices):
    PATENT = "patent", _("patent")
    TRADEMARK = "trademark", _("trademark")
    COPYRIGHT = "copyright", _("copyright")


class Bank(models.Model):
    """A bank branch in the county. Its unit (kind bank) is what its liaison's account belongs to: the liaison
    enters this bank's products, pledges and loans, and reads nothing else."""

    unit = models.OneToOneField(Unit, models.PROTECT, related_name="bank", verbose_name=_("unit"))
    name = models.CharField(_("name"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    contact = models.CharField(_("contact person"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    active = models.BooleanField(_("active"), default=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = HistoricalRecords()

    # Every staff user reads the banks (a directory); a bank's liaison only its own.
    scope = Scope(unit="unit", shared=True, owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("bank")
        verbose_name_plural = _("banks")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("finance-bank-detail", args=[self.pk])


class LoanProduct(models.Model):
    """A bank's IP-backed loan product: the rights it accepts, its rate range and term, how its risk is shared,
    and whether its loans may have their interest subsidised."""

    bank = models.ForeignKey(Bank, models.CASCADE, related_name="products", verbose_name=_("bank"))
    name = models.CharField(_("product"), max_length=200)
    rights = models.JSONField(_("rights accepted"), default=list, help_text=_("patent, trademark, copyright"))
    rate_from = models.DecimalField(_("annual rate from (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    rate_to = models.DecimalField(_("annual rate to (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    term_months = models.PositiveSmallIntegerField(_("longest term (months)"), null=True, blank=True)
    risk_sharing = models.CharField(
        _("risk sharing or compensation pool"), max_length=300, blank=True, help_text=_("e.g. 风险补偿资金池 30%")
    )
    interest_subsidy = models.BooleanField(_("eligible for an interest subsidy"), default=False)
    active = models.BooleanField(_("offered"), default=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = HistoricalRecords()

    scope = Scope(unit="bank__unit", shared=True, owners_write=True, organisation="bank__unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("IP loan product")
        verbose_name_plural = _("IP loan products")
        ordering = ["bank", "name", "pk"]

    def __str__(self):
        return self.name

    def right_labels(self) -> list[str]:
        return [str(RightType(value).label) for value in self.rights if value in RightType.values]
