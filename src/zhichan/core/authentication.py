"""How the API knows who is asking: the API tokens of `models/tokens.py`, and the sign-in lock-out's answer.

A token is refused once it has expired or been revoked, while its account is inactive, and while the account
is locked after failed sign-ins (django-axes). The lock-out answers the API in JSON and pages with the page.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from rest_framework import authentication, exceptions

from .services.tokens import active_token

LOCKED = gettext_noop(
    "Too many failed sign-in attempts. Try again in an hour, or ask the programme office to unlock the account."
)


# What every request reads of its user beside the row: the scope (core/scoping.py) and the navbar read the unit,
# its region and its organisation.
USER_WITH_UNIT = ("unit__region", "unit__organisation")


class UserBackend(ModelBackend):
    """Django's model backend, reading the signed-in user with its unit in the same query."""

    def get_user(self, user_id):
        user = self.user_model._default_manager.select_related(*USER_WITH_UNIT).filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    @property
    def user_model(self):
        from django.contrib.auth import get_user_model

        return get_user_model()


def locked_out(user) -> bool:
    """Is a sign-in lock-out in force on the account (from any address)?"""
    attempts = AccessAttempt.objects.filter(
        username=user.get_username(), failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    )
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gt=timezone.now() - cool_off)
    return attempts.exists()


class TokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token <key>` with the platform's tokens (DRF's header handling and schema name)."""

    def authenticate_credentials(self, key):
        token = active_token(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("The token is not valid: it has expired or been revoked."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This account is inactive."))
        if locked_out(token.user):
            raise exceptions.AuthenticationFailed(_(LOCKED))
        return token.user, token


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out sign-in gets (AXES_LOCKOUT_CALLABLE): JSON on the API, the page elsewhere."""
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _(LOCKED)}, status=status, json_dumps_params={"ensure_ascii": False})
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=status)
