from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..event_kinds import details, kind_label
from ..scoping import Scope, ScopedQuerySet
from .regions import Region
from .units import Unit


class Event(models.Model):
    """A domain event: who did what to which record, with its data and the reason given.

    The field history says how a row changed; an event says what was done ("returned with a reason"). Written
    once by `zhichan.core.events.record`, never edited. The record's label is kept as it read at the time, and its
    unit and region, so the log is scoped like the records it is about and reads well after they change.
    """

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("user")
    )
    kind = models.CharField(_("event"), max_length=60, db_index=True)
    content_type = models.ForeignKey(ContentType, models.PROTECT, related_name="+", verbose_name=_("record type"))
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    label = models.CharField(_("record"), max_length=300)
    data = models.JSONField(_("data"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    reason = models.TextField(_("reason"), blank=True)
    unit = models.ForeignKey(Unit, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("unit"))
    region = models.ForeignKey(
        Region, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("region")
    )

    scope = Scope(unit="unit", region="region", organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"], name="core_event_record")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.label}"

    @property
    def details(self) -> str:
        """The event's data in a line, worded for a reader (`event_kinds.details`)."""
        return details(self.kind, self.data)

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)
