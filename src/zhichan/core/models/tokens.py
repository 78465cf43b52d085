import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..scoping import Scope, ScopedQuerySet


def token_digest(key: str) -> str:
    """What is stored of a key: its SHA-256, so a copy of the database holds no key that works."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A key a program uses for the API (`Authorization: Token <key>`) in its user's name, until it expires.

    The key itself is shown once, when it is made; only its digest and first characters are kept. A token ends
    when it expires, when its user revokes it, and when the user's password changes; it is refused while the
    account is inactive or locked after failed sign-ins.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("begins with"), max_length=8, editable=False)
    created = models.DateTimeField(_("created"), default=timezone.now)
    expires = models.DateTimeField(_("expires"))
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    # Each user's own, whatever their role: the office revokes other people's tokens by resetting the password.
    scope = Scope(owner="user", private=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.user} · {self.name or self.prefix}…"

    @property
    def expired(self) -> bool:
        return self.expires <= timezone.now()
