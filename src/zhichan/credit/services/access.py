"""Who writes credit records: the office (of the record's organisation) and the unit that made the finding (its
liaison); every staff role reads them (models' scopes). Publication and grade runs are the office's."""

from zhichan.core.actions import office_or_system
from zhichan.core.roles import LIAISONS, Role, role_of
from zhichan.core.scoping import can_edit, works_for


def may_enter(user, arguments) -> bool:
    """A record of a unit: the office, or that unit's liaison."""
    if user is None:
        return True
    unit = arguments.get("unit")
    if role_of(user) == Role.OFFICE:
        return office_or_system(user, arguments)
    return role_of(user) in LIAISONS and unit is not None and works_for(user, unit)


def may_edit(name: str):
    def allow(user, arguments) -> bool:
        return user is None or can_edit(user, arguments[name])

    return allow


def may_publish(user, arguments) -> bool:
    return office_or_system(user, arguments)
