"""An enterprise's registration on the portal (企业自助服务): the enterprise as it names itself (name, unified social
credit code, the township it says it is in), its contact, the account it signs in with, an optional supporting
document (a business licence scan, a shared attachment), and where it stands: awaiting the office's verification,
verified (the account is then linked to the register's enterprise of that code), or refused with a reason the
applicant reads.

Until verified the account has the public role: it signs in and reads its registration, and nothing else
(services/enterprises.py)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from zhichan.core.models import Attachment
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet


class RegistrationState(models.TextChoices):
    AWAITING = "awaiting", _("Awaiting verification")
    VERIFIED = "verified", pgettext_lazy("registration", "Verified")
    REFUSED = "refused", pgettext_lazy("registration", "Refused")


class EnterpriseRegistration(Plausible):
    name = models.CharField(_("enterprise name"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, db_index=True)
    region = models.ForeignKey(
        "core.Region",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("township"),
        help_text=_("Where the enterprise says it is; the office confirms it when verifying."),
    )
    contact = models.CharField(_("contact person"), max_length=100)
    phone = models.CharField(_("phone"), max_length=30)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="enterprise_registrations", verbose_name=_("account")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=RegistrationState.choices, default=RegistrationState.AWAITING
    )
    submitted = models.DateTimeField(_("submitted"), auto_now_add=True)
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enterprise in the register"),
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    network = models.CharField(max_length=64, blank=True, editable=False)  # keyed digest, for the rate limit
    documents = GenericRelation(Attachment, content_type_field="record_type", object_id_field="record_id")
    history = HistoricalRecords()

    # The office (and the leadership) read every registration, the applicant's account its own once it has a
    # working role; only the office decides. The applicant reads its own before that through its own page, which
    # asks for its account, not through the scope (the public role reads nothing scoped).
    scope = Scope(owner="user")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise registration")
        verbose_name_plural = _("enterprise registrations")
        ordering = ["-submitted", "-pk"]
        indexes = [models.Index(fields=["network", "submitted"]), models.Index(fields=["state", "submitted"])]

    def __str__(self):
        return f"{self.name}（{self.credit_code}）"

    def get_absolute_url(self):
        return reverse("portal-registration-detail", args=[self.pk])

    @property
    def is_awaiting(self) -> bool:
        return self.state == RegistrationState.AWAITING
