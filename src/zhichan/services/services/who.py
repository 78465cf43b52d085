"""Who may act on the services module's records."""

from zhichan.core.roles import Role, role_of
from zhichan.core.scoping import can_edit


def office_of(user, organisation) -> bool:
    """The office of that organisation (an office account without a unit, the operator's, for any), or the
    system (None: demo data, a command)."""
    if user is None:
        return True
    if role_of(user) != Role.OFFICE:
        return False
    return not user.unit_id or user.unit.organisation_id == getattr(organisation, "pk", organisation)


def may_edit(user, record) -> bool:
    """The record's own unit's liaison or the office (its scope says), or the system."""
    return user is None or can_edit(user, record)


def organisation_of(user, organisation=None):
    """The organisation an office user acts for: their unit's; the system and the operator name one."""
    if organisation is not None:
        return organisation
    if user is not None and user.unit_id:
        return user.unit.organisation
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    raise ValidationError(_("Name the organisation."))
