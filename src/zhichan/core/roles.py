from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a user does on the platform; the value is what demo-accounts.txt and the API show."""

    OFFICE = "office", _("Programme office")
    LEADER = "leader", _("Leadership")
    UNIT_LIAISON = "unit-liaison", _("Member-unit liaison")
    TOWNSHIP_LIAISON = "township-liaison", _("Township liaison")
    ENTERPRISE = "enterprise", _("Enterprise user")
    # A bank's liaison: enters its own bank's pledges and loans, and reads nothing else of the programme.
    BANK = "bank", _("Bank liaison")
    PUBLIC = "public", _("Public")


EVERYONE = frozenset(Role)
SIGNED_IN = frozenset(Role) - {Role.PUBLIC}
STAFF = frozenset({Role.OFFICE, Role.LEADER, Role.UNIT_LIAISON, Role.TOWNSHIP_LIAISON})
LIAISONS = frozenset({Role.UNIT_LIAISON, Role.TOWNSHIP_LIAISON})
SEE_ALL = frozenset({Role.OFFICE, Role.LEADER})
# The programme's own users and the enterprises: everyone signed in but a bank's liaison, who reads only its bank's.
PROGRAMME_USERS = SIGNED_IN - {Role.BANK}


def role_of(user) -> Role:
    """Anonymous visitors are the public."""
    if user is None or not user.is_authenticated:
        return Role.PUBLIC
    return Role(user.role)
