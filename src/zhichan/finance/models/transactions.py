"""Licences, transfers and sales at auction of IP rights (许可、转让、拍卖, 四(三)5): the parties, the rights, the
amount, the day and the record number. A transfer or an auction changes the right's holder in the register through
the registry's own operation."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .pledges import AMOUNT
from .rights import RightReference


class TransactionKind(models.TextChoices):
    LICENCE = "licence", _("licence")
    TRANSFER = "transfer", _("transfer")
    AUCTION = "auction", _("sale at auction")


class LicenceScope(models.TextChoices):
    EXCLUSIVE = "exclusive", _("exclusive licence")
    SOLE = "sole", _("sole licence")
    ORDINARY = "ordinary", _("ordinary licence")


# The kinds after which the right has another holder.
CHANGES_HOLDER = (TransactionKind.TRANSFER, TransactionKind.AUCTION)


class RightTransaction(Plausible):
    kind = models.CharField(_("kind of transaction"), max_length=20, choices=TransactionKind.choices)
    day = models.DateField(_("date"))
    record_number = models.CharField(_("record or contract number"), max_length=60, blank=True)
    amount = models.DecimalField(_("amount (10,000 yuan)"), null=True, blank=True, **AMOUNT)
    licence_scope = models.CharField(_("kind of licence"), max_length=20, choices=LicenceScope.choices, blank=True)
    party_from = models.CharField(_("licensor or transferor"), max_length=200)
    party_from_enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("licensor or transferor in the register"),
    )
    party_to = models.CharField(_("licensee or transferee"), max_length=200)
    party_to_enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("licensee or transferee in the register"),
    )
    # Both parties in the register, for scoping: each enterprise reads the transactions it is a party to.
    parties = models.ManyToManyField(
        "registry.Enterprise", blank=True, related_name="ip_transactions", verbose_name=_("parties")
    )
    note = models.TextField(_("note"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    history = HistoricalRecords()

    scope = Scope(enterprise="parties", many=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("IP transaction")
        verbose_name_plural = _("IP transactions")
        ordering = ["-day", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.record_number or self.day}"

    def get_absolute_url(self):
        return reverse("finance-transaction-detail", args=[self.pk])


class TransactionRight(RightReference):
    transaction = models.ForeignKey(
        RightTransaction, models.CASCADE, related_name="rights", verbose_name=_("transaction")
    )
    history = HistoricalRecords()

    scope = Scope(enterprise="transaction__parties", many=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("right in a transaction")
        verbose_name_plural = _("rights in transactions")
        ordering = ["transaction", "pk"]
