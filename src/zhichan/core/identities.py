"""Persons named on records (a case's party, a dishonesty record's subject): their ID numbers are private to the
unit that holds the record and the office, and their names are shown masked where a reader may not read them.
One mechanism for every app that names persons."""

from .roles import Role, role_of
from .scoping import works_for

HIDDEN_ID = "••••••••••••••••••"


def sees_identity(user, unit) -> bool:
    """Only the unit holding the record and the office read a person's ID number."""
    return user is not None and (role_of(user) == Role.OFFICE or works_for(user, unit))


def id_shown(id_number: str, user, unit) -> str:
    if not id_number:
        return ""
    return id_number if sees_identity(user, unit) else HIDDEN_ID


def masked_name(name: str) -> str:
    """A person's name as those who may not read it see it: the first character and two stars (张三丰 → 张**),
    so neither the given name nor its length shows."""
    name = (name or "").strip()
    return f"{name[0]}**" if name else ""
