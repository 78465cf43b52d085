import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.scoping import Scope, ScopedQuerySet

from .subjects import CreditSubject


class ListingState(models.TextChoices):
    LISTED = "listed", _("On the list")
    REMOVAL_ASKED = "removal-asked", _("Early removal asked")
    REMOVED_EARLY = "removed-early", _("Removed early")
    REMOVED = "removed", _("Removed at the end of the term")
    REVOKED = "revoked", _("Revoked")


ON_LIST = (ListingState.LISTED, ListingState.REMOVAL_ASKED)


class SeriousListEntry(CreditSubject):
    """A party on the serious-dishonesty list (严重违法失信名单, 总局令第44号): the listing decision, its reasons,
    early removal on an approved credit repair, removal at the end of the term. Never deleted: a wrong listing
    is revoked."""

    decision_number = models.CharField(_("listing decision number"), max_length=100)
    listed_on = models.DateField(_("listed on"))
    reasons = models.TextField(_("reasons for listing"))
    case = models.ForeignKey(
        "protection.Case",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="serious_listings",
        verbose_name=_("enforcement case"),
    )
    state = models.CharField(_("state"), max_length=20, choices=ListingState.choices, default=ListingState.LISTED)
    removed_on = models.DateField(_("removed or revoked on"), null=True, blank=True)
    removal_note = models.TextField(_("note on the removal"), blank=True)
    history = HistoricalRecords()

    scope = Scope(unit="unit", shared=True, owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("serious-dishonesty list entry")
        verbose_name_plural = _("serious-dishonesty list")
        ordering = ["-listed_on", "-pk"]

    def __str__(self):
        return f"{self.decision_number} {self.subject_name}"

    def get_absolute_url(self):
        return reverse("credit-serious-detail", args=[self.pk])

    def on_list(self, day: datetime.date | None = None) -> bool:
        """Listed on the day: listed by then, and not removed or revoked by then."""
        day = day or timezone.localdate()
        if self.listed_on > day:
            return False
        return self.state in ON_LIST or (self.removed_on is not None and self.removed_on > day)
