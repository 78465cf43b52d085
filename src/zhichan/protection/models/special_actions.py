import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region, Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .cases import Case
from .kinds import IPType


class ActionState(models.TextChoices):
    """Where an action's period stands on a day (read from its dates, never stored)."""

    UPCOMING = "upcoming", _("Not begun")
    CURRENT = "current", _("Under way")
    PAST = "past", _("Ended")


class SpecialAction(Plausible):
    """A special enforcement action (专项行动, plan 四(四)1) the office sets up for its organisation: its period, the
    IP types it covers, the lead unit and the units taking part, the townships it covers (none: the whole region)
    and what it aims at. The units record their inspections under it and link the cases it brought."""

    organisation = models.ForeignKey(
        Region, models.PROTECT, related_name="special_actions", verbose_name=_("organisation")
    )
    name = models.CharField(_("name of the action"), max_length=200)
    start = models.DateField(_("starts on"))
    end = models.DateField(_("ends on"))
    ip_types = models.JSONField(_("IP types"), default=list, blank=True)
    lead_unit = models.ForeignKey(Unit, models.PROTECT, related_name="led_special_actions", verbose_name=_("lead unit"))
    units = models.ManyToManyField(Unit, related_name="special_actions", verbose_name=_("participating units"))
    areas = models.ManyToManyField(
        Region,
        related_name="special_actions_here",
        blank=True,
        verbose_name=_("townships covered"),
        help_text=_("None chosen: the whole region."),
    )
    targets = models.TextField(_("targets of the action"), blank=True)
    planned_inspections = models.PositiveIntegerField(_("planned inspections"), null=True, blank=True)
    planned_cases = models.PositiveIntegerField(_("planned cases"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # The office sets actions up and changes them; every staff member of the organisation (and of those above it)
    # reads them, as the programme itself.
    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("start", "end")  # an action is often planned before it begins

    class Meta:
        verbose_name = _("special enforcement action")
        verbose_name_plural = _("special enforcement actions")
        ordering = ["-start", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="special_action_name_unique"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("special-action-detail", args=[self.pk])

    def state_on(self, day: datetime.date) -> str:
        if day < self.start:
            return ActionState.UPCOMING
        if day > self.end:
            return ActionState.PAST
        return ActionState.CURRENT

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    def ip_type_labels(self) -> list[str]:
        labels = dict(IPType.choices)
        return [str(labels.get(value, value)) for value in self.ip_types]


class Inspection(Plausible):
    """An inspection (检查) a unit made, under a special action or on its own: where, whom, what it found and
    seized, and the case it opened, if any."""

    action = models.ForeignKey(
        SpecialAction,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name=_("special enforcement action"),
    )
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="inspections", verbose_name=_("inspecting unit"))
    day = models.DateField(_("inspected on"))
    township = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("township")
    )
    subject = models.CharField(_("place or party inspected"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name=_("enterprise"),
    )
    findings = models.TextField(_("findings"), blank=True)
    seized_goods = models.CharField(_("goods seized"), max_length=300, blank=True)
    seized_quantity = models.PositiveIntegerField(_("goods seized (pieces)"), default=0)
    case = models.ForeignKey(
        Case, models.SET_NULL, null=True, blank=True, related_name="inspections", verbose_name=_("case opened")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # As cases: the inspecting unit's liaison reads and writes its own; the office and the leadership read all of
    # their organisation and the office writes them.
    scope = Scope(unit="unit", owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-day", "-pk"]

    def __str__(self):
        return f"{self.subject} {self.day}"

    def get_absolute_url(self):
        if self.action_id:
            return reverse("special-action-detail", args=[self.action_id])
        return reverse("inspection-list")
