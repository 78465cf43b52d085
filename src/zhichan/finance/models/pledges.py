"""IP pledges (质押登记) and the loans they secure (reference §7).

A pledge is the registration: its number and day, the pledgor, the pledgee bank, the rights pledged and the
registered secured amount (被担保债权数额, what the national statistic counts). The bank reports the loans it
secures (amounts actually lent, drawn and due). Amounts are in 万元, as the programme's figures are."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .banks import Bank, LoanProduct
from .rights import RightReference

AMOUNT = {"max_digits": 14, "decimal_places": 4}  # 万元 to the yuan


def _scope(path: str = "") -> Scope:
    """A bank's liaison reads and writes its own bank's; the enterprise reads its own; no other unit reads them."""
    prefix = f"{path}__" if path else ""
    return Scope(
        unit=f"{prefix}bank__unit",
        enterprise=f"{prefix}pledgor",
        owners_write=True,
        organisation=f"{prefix}bank__unit__organisation",
    )


class Pledge(Plausible):
    registration_number = models.CharField(_("registration number"), max_length=60, unique=True)
    registered_on = models.DateField(_("registered on"))
    pledgor = models.ForeignKey(
        "registry.Enterprise", models.PROTECT, related_name="pledges", verbose_name=_("pledgor")
    )
    bank = models.ForeignKey(Bank, models.PROTECT, related_name="pledges", verbose_name=_("pledgee bank"))
    product = models.ForeignKey(
        LoanProduct, models.SET_NULL, null=True, blank=True, related_name="pledges", verbose_name=_("product")
    )
    secured_amount = models.DecimalField(_("registered secured amount (10,000 yuan)"), **AMOUNT)
    released_on = models.DateField(_("released on"), null=True, blank=True)
    first_loan = models.BooleanField(
        _("first IP-backed loan of the enterprise"), default=False, help_text=_("As the bank reports it.")
    )
    note = models.TextField(_("note"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    scope = _scope()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("IP pledge")
        verbose_name_plural = _("IP pledges")
        ordering = ["-registered_on", "-pk"]
        indexes = [models.Index(fields=["registered_on"])]

    def __str__(self):
        return self.registration_number

    def get_absolute_url(self):
        return reverse("finance-pledge-detail", args=[self.pk])

    def in_force_on(self, day) -> bool:
        return self.registered_on <= day and (self.released_on is None or self.released_on > day)


class PledgedRight(RightReference):
    """A right pledged, by the number the registration gives; linked to the register's record when it is there,
    else kept with the number and flagged for the office to match later."""

    pledge = models.ForeignKey(Pledge, models.CASCADE, related_name="rights", verbose_name=_("pledge"))
    history = HistoricalRecords()

    scope = _scope("pledge")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("right pledged")
        verbose_name_plural = _("rights pledged")
        ordering = ["pledge", "pk"]
        constraints = [models.UniqueConstraint(fields=["pledge", "right_type", "number"], name="pledged_right_once")]


class Loan(Plausible):
    """A loan the pledge secures, as the bank reports it."""

    dates_ahead = ("matures_on",)

    pledge = models.ForeignKey(Pledge, models.CASCADE, related_name="loans", verbose_name=_("pledge"))
    contract_number = models.CharField(_("loan contract number"), max_length=60)
    amount = models.DecimalField(_("amount lent (10,000 yuan)"), **AMOUNT)
    drawn_on = models.DateField(pgettext_lazy("loan", "drawn on"))
    matures_on = models.DateField(_("due on"))
    history = HistoricalRecords()

    scope = _scope("pledge")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge loan")
        verbose_name_plural = _("pledge loans")
        ordering = ["pledge", "drawn_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["pledge", "contract_number"], name="pledge_loan_once")]

    def __str__(self):
        return self.contract_number
