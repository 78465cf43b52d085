"""API tokens: made (the key shown once), used until they expire, revoked by their user or by a new password."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..actions import action
from ..events import TOKEN_CREATED, TOKEN_REVOKED, record
from ..models import ApiToken, token_digest
from ..roles import SIGNED_IN, role_of

# How often a token's "last used" time is written: at most once in this long, not on every request.
LAST_USED_STEP = datetime.timedelta(minutes=5)


def lifetime() -> datetime.timedelta:
    return datetime.timedelta(days=settings.ZHICHAN_API_TOKEN_DAYS)


@action(TOKEN_CREATED, data=lambda arguments, result: {"name": result[0].name, "expires": result[0].expires})
def create_token(user, name: str = "") -> tuple[ApiToken, str]:
    """A new token for the user's own account, valid for ZHICHAN_API_TOKEN_DAYS; returns it and its key, which
    is never shown again."""
    if role_of(user) not in SIGNED_IN or not user.is_active:
        raise PermissionDenied(_("This account may not use the API."))
    name = (name or "").strip()
    if len(name) > 100:
        raise ValidationError({"name": _("At most 100 characters.")})
    key = secrets.token_hex(20)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user, name=name, digest=token_digest(key), prefix=key[:6], created=now, expires=now + lifetime()
    )
    return token, key


@action(TOKEN_REVOKED, on="token", data=lambda arguments, result: {"name": arguments["token"].name})
def revoke_token(user, token: ApiToken) -> None:
    """The user ends one of their own tokens (the row goes; the event keeps what it was)."""
    if token.user_id != user.pk:
        raise PermissionDenied
    ApiToken.objects.filter(pk=token.pk).delete()


@action()
def revoke_all(user, owner, reason: str) -> int:
    """End every token of `owner` (their password changed), one event each; `user` is who acted (None: the
    system). Returns how many ended."""
    tokens = list(ApiToken.objects.filter(user=owner))
    for token in tokens:
        record(user, TOKEN_REVOKED, token, reason=reason, name=token.name)
    ApiToken.objects.filter(pk__in=[t.pk for t in tokens]).delete()
    return len(tokens)


def active_token(key: str):
    """The token with this key if it has not expired (its user loaded), else None; notes when it was used."""
    now = timezone.now()
    found = ApiToken.objects.select_related("user__unit__region", "user__unit__organisation")
    token = found.filter(digest=token_digest(key), expires__gt=now).first()
    if token is not None and (token.last_used is None or now - token.last_used >= LAST_USED_STEP):
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token
