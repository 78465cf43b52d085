"""Sign-ins, sign-outs and failed sign-ins go to the audit trail; a new password ends the user's API tokens."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils.translation import gettext

from .clientip import client_ip
from .history import acting_user
from .models import AuthEvent
from .models.accounts import password_changed
from .services.tokens import revoke_all


def _record(kind, request, username, user=None):
    meta = getattr(request, "META", {}) if request is not None else {}
    AuthEvent.objects.create(
        kind=kind,
        user=user,
        username=(username or "")[:150],
        ip_address=client_ip(request),
        user_agent=meta.get("HTTP_USER_AGENT", "")[:300],
    )


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    _record(AuthEvent.Kind.LOGIN, request, user.get_username(), user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        _record(AuthEvent.Kind.LOGOUT, request, user.get_username(), user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    user = get_user_model().objects.filter(username=username).first()
    _record(AuthEvent.Kind.FAILED, request, username, user)


@receiver(password_changed)
def on_password_changed(sender, user, **kwargs):
    revoke_all(acting_user(), user, gettext("password changed"))
