from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..scoping import Scope, ScopedQuerySet
from .regions import Region
from .units import Unit


class Person(models.Model):
    """Someone who holds a post in a unit: a leader, a member, a unit's IP staff."""

    name = models.CharField(_("full name"), max_length=50)
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="people", verbose_name=_("unit"))
    title = models.CharField(_("post"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_ip_staff = models.BooleanField(
        _("IP staff"), default=False, help_text=_("Takes charge of IP work in the unit (专职人员).")
    )
    active = models.BooleanField(_("in post"), default=True)
    history = HistoricalRecords()

    scope = Scope(unit="unit", owners_write=True, organisation="unit__organisation")  # units name their own IP staff
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["unit__order", "name"]

    def __str__(self):
        return self.name


class Committee(models.Model):
    """A body such as the leadership group (领导小组) or its office (办公室), of one region's organisation, in which
    its key is unique."""

    organisation = models.ForeignKey(
        Region,
        models.PROTECT,
        related_name="organisation_committees",
        verbose_name=_("organisation"),
        help_text=_("The region whose organisation file lists the committee; its key is unique within it."),
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=150)
    name_en = models.CharField(_("English name"), max_length=250, blank=True)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent body")
    )
    host_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="hosted_committees", verbose_name=_("host unit")
    )
    established = models.DateField(_("established"))
    source = models.CharField(_("source document"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["organisation", "key"], name="committee_organisation_key")]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """Who held which seat of a committee, with which post, from when to when."""

    class Seat(models.TextChoices):
        LEADER = "leader", _("Group leader (组长)")
        DEPUTY_LEADER = "deputy-leader", _("Deputy group leader (副组长)")
        MEMBER = "member", _("Member (成员)")
        DIRECTOR = "director", _("Office director (办公室主任)")
        DEPUTY_DIRECTOR = "deputy-director", _("Office deputy director (副主任)")

    committee = models.ForeignKey(Committee, models.CASCADE, related_name="memberships", verbose_name=_("committee"))
    person = models.ForeignKey(Person, models.PROTECT, related_name="memberships", verbose_name=_("person"))
    seat = models.CharField(_("seat"), max_length=20, choices=Seat.choices)
    post = models.CharField(_("post as written"), max_length=100)
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="memberships", verbose_name=_("unit"))
    start = models.DateField(_("start date"))
    end = models.DateField(_("end date"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="committee__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["committee", "order", "start"]

    def __str__(self):
        return f"{self.committee} · {self.get_seat_display()} · {self.person}"

    @property
    def current(self) -> bool:
        return self.end is None
