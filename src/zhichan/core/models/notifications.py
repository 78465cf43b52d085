from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..messages import render_key
from ..scoping import NOTHING, Scope, ScopedQuerySet


@dataclass(frozen=True)
class PersonalScope(Scope):
    """A notification is its recipient's alone: unlike other owned rows, the office and leadership do not
    read other people's notifications either."""

    def readable(self, user) -> Q:
        if user is None or not user.is_authenticated:
            return NOTHING
        return Q(**{self._path(self.owner, "pk"): user.pk})

    writable = readable  # marking read is the only write, and only the recipient's


class Notification(models.Model):
    """A message to one user in the platform (and by e-mail where configured), e.g. a reminder of a deadline."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created = models.DateTimeField(_("sent"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # The catalogue key and values the title and text were made from ({"msgid": …, "params": {…}}), so each
    # reader sees them in their own language; empty for a text that is not from the catalogue.
    title_key = models.JSONField(_("title key"), default=dict, blank=True)
    body_key = models.JSONField(_("text key"), default=dict, blank=True)
    key = models.CharField(
        _("key"), max_length=200, help_text=_("Names what the notification is about, so it is sent only once.")
    )

    scope = PersonalScope(owner="user")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_user_key")]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.title

    @property
    def shown_title(self) -> str:
        return render_key(self.title_key) or self.title

    @property
    def shown_body(self) -> str:
        return render_key(self.body_key) or self.body

    @property
    def unread(self) -> bool:
        return self.read_at is None
