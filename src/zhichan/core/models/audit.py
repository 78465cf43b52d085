from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuthEvent(models.Model):
    """Sign-ins, sign-outs, failed sign-ins and password resets, for the office's audit page."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Signed in")
        LOGOUT = "logout", _("Signed out")
        FAILED = "failed", _("Failed sign-in")
        RESET = "reset", _("Password reset by e-mail")
        SET = "set", _("Password set by the office")

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("event"), max_length=10, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=_("user"))
    username = models.CharField(_("username"), max_length=150)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
        help_text=_("Who did it, when not the user themselves (e.g. the office setting a password)."),
    )

    class Meta:
        verbose_name = _("sign-in event")
        verbose_name_plural = _("sign-in events")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username}"
