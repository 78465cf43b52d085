from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Unit
from zhichan.core.scoping import Scope, ScopedQuerySet

from .plan import Programme
from .tasks import Task


class Urging(models.Model):
    """督办: the office urges a unit, about one task or about all it owes, with a note; the unit answers."""

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="urgings", verbose_name=_("programme"))
    task = models.ForeignKey(
        Task, models.CASCADE, null=True, blank=True, related_name="urgings", verbose_name=_("task")
    )
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="urgings", verbose_name=_("unit"))
    note = models.TextField(_("why"))
    urged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("urged by")
    )
    urged_at = models.DateTimeField(_("urged at"), auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    history = HistoricalRecords()

    # The urged unit reads its own; the office and leadership read all; the unit writes its answer.
    scope = Scope(unit="unit", owners_write=True, organisation="programme__region")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervision reminder")
        verbose_name_plural = _("supervision reminders")
        ordering = ["-urged_at", "-pk"]
        indexes = [models.Index(fields=["unit", "answered_at"], name="urging_unit_open")]

    def __str__(self):
        about = f"{self.unit} · {self.task or self.programme}"
        # The day as the pages show it, in the local time zone (urged_at is stored in UTC).
        return f"{about} · {timezone.localtime(self.urged_at):%Y-%m-%d}" if self.urged_at else about

    def get_absolute_url(self):
        if self.task_id:
            return reverse("task-page", args=[self.task_id]) + f"#urging-{self.pk}"
        return reverse("programme-supervision", args=[self.programme_id]) + f"#urging-{self.pk}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None
