"""Accounts: a forgotten password is reset by e-mail where mail is configured, otherwise by the office."""

import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from ..actions import action
from ..clientip import client_ip
from ..events import PASSWORD_SET
from ..models import AuthEvent, Unit, UnitKind
from ..roles import Role, role_of

# Letters and digits that cannot be mistaken for one another when read out over the phone.
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"


def email_configured() -> bool:
    """Reset links go out only where the operator has configured a mail server (ZHICHAN_EMAIL_BACKEND)."""
    return bool(getattr(settings, "EMAIL_CONFIGURED", False))


def may_set_passwords(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or role_of(user) == Role.OFFICE


@action(PASSWORD_SET, on="user", who="actor")
def set_temporary_password(actor, user, request=None) -> str:
    """The office gives a user who forgot their password a temporary one (to tell them in person or by phone);
    recorded in the audit trail with who did it. Returns the temporary password, shown once."""
    if not may_set_passwords(actor):
        raise PermissionDenied("only the programme office sets passwords")
    password = "".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(12))
    user.set_password(password)
    user.save(update_fields=["password"])
    _record(AuthEvent.Kind.SET, user, request, actor=actor)
    return password


@transaction.atomic
def record_reset_by_email(user, request=None) -> None:
    """A user chose a new password through the e-mailed link (Django's view has saved it)."""
    _record(AuthEvent.Kind.RESET, user, request)


def _record(kind, user, request, actor=None):
    meta = getattr(request, "META", {}) if request is not None else {}
    AuthEvent.objects.create(
        kind=kind,
        user=user,
        username=user.get_username()[:150],
        actor=actor,
        ip_address=client_ip(request) if request is not None else None,
        user_agent=meta.get("HTTP_USER_AGENT", "")[:300],
    )


def office_contact() -> dict:
    """Who to ask about an account: the programme office as loaded from the organisation file, and the
    contact the operator configured (ZHICHAN_OFFICE_CONTACT, e.g. a phone number); nothing is made up."""
    # Several regions' organisations may each have an office: the first loaded (the platform's own) is named.
    office = Unit.objects.filter(kind=UnitKind.OFFICE, active=True).select_related("parent").order_by("pk").first()
    return {
        "office": office.display_name if office else "",
        "host": office.parent.display_name if office and office.parent_id else "",
        "contact": getattr(settings, "OFFICE_CONTACT", ""),
    }
