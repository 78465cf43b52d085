import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region, Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet
from zhichan.registry.models.enterprises import validate_uscc


class ServiceKind(models.TextChoices):
    """The kinds of IP services an agency offers (知识产权服务机构的服务类别)."""

    PATENT_AGENCY = "patent-agency", _("Patent agency")
    TRADEMARK_AGENCY = "trademark-agency", _("Trademark agency")
    LAW_FIRM = "law-firm", _("Law firm")
    APPRAISAL = "appraisal", _("IP appraisal")
    OPERATION = "operation", _("IP operation")
    INFORMATION = "information", _("IP information services")


def kind_labels(values) -> list[str]:
    labels = dict(ServiceKind.choices)
    return [str(labels.get(value, value)) for value in values]


class Agency(Plausible):
    """An IP service agency (知识产权服务机构) known to the programme: what it offers, where it is, whether it has
    settled in the county (落地) and since when. Its supervising unit (the market supervision bureau by default)
    keeps it with the office; every staff member reads it."""

    supervisor = models.ForeignKey(
        Unit, models.PROTECT, related_name="supervised_agencies", verbose_name=_("supervising unit")
    )
    name = models.CharField(_("name of the agency"), max_length=200)
    uscc = models.CharField(_("unified social credit code"), max_length=18, unique=True, validators=[validate_uscc])
    kinds = models.JSONField(_("services offered"), default=list, blank=True)
    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name=_("region"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    settled_on = models.DateField(_("settled in the county on"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # Every staff member reads the directory; the office and the supervising unit's liaison write it.
    scope = Scope(shared=True, unit="supervisor", owners_write=True, organisation="supervisor__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("service agency")
        verbose_name_plural = _("service agencies")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("agency-detail", args=[self.pk])

    def kind_labels(self) -> list[str]:
        return kind_labels(self.kinds)


class Qualification(Plausible):
    """A qualification (资质) an agency holds: a licence or filing, with its number, issuer and validity."""

    agency = models.ForeignKey(Agency, models.CASCADE, related_name="qualifications", verbose_name=_("service agency"))
    kind = models.CharField(_("qualification"), max_length=100)
    number = models.CharField(_("certificate number"), max_length=60, blank=True)
    issuer = models.CharField(_("issued by"), max_length=100, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    history = HistoricalRecords()

    scope = Scope(
        shared=True, unit="agency__supervisor", owners_write=True, organisation="agency__supervisor__organisation"
    )
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("valid_to",)

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["agency", "kind", "pk"]

    def __str__(self):
        return f"{self.kind} {self.number}".strip()

    def expired_on(self, day: datetime.date) -> bool:
        return self.valid_to is not None and self.valid_to < day


class Practitioner(Plausible):
    """A practitioner (从业人员) of an agency; the ID number is read only by those who keep the agency and never
    published."""

    agency = models.ForeignKey(Agency, models.CASCADE, related_name="practitioners", verbose_name=_("service agency"))
    name = models.CharField(_("name"), max_length=50)
    licence_number = models.CharField(_("qualification or licence number"), max_length=60, blank=True)
    id_number = models.CharField(_("ID number"), max_length=18, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope = Scope(
        shared=True, unit="agency__supervisor", owners_write=True, organisation="agency__supervisor__organisation"
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("practitioner")
        verbose_name_plural = _("practitioners")
        ordering = ["agency", "name", "pk"]

    def __str__(self):
        return self.name


class PurchasedService(Plausible):
    """A service the government bought from an agency (购买服务): the contract with the purchasing unit, its
    subject, amount and period; the contract file is an attachment."""

    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="purchased_services", verbose_name=_("service agency")
    )
    purchaser = models.ForeignKey(Unit, models.PROTECT, related_name="+", verbose_name=_("purchasing unit"))
    contract_number = models.CharField(_("contract number"), max_length=60, blank=True)
    subject = models.CharField(_("subject of the service"), max_length=200)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=14, decimal_places=2)
    start = models.DateField(_("starts on"))
    end = models.DateField(_("ends on"))
    history = HistoricalRecords()

    scope = Scope(
        shared=True, unit="agency__supervisor", owners_write=True, organisation="agency__supervisor__organisation"
    )
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("start", "end")

    class Meta:
        verbose_name = _("purchased service")
        verbose_name_plural = _("purchased services")
        ordering = ["agency", "-start", "pk"]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return self.agency.get_absolute_url()
