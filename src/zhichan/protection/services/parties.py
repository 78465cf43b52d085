"""Parties: a case's party linked to the registry's enterprise with the same credit code, and a person's ID number
shown only to those who may see it."""

from zhichan.core.roles import Role, role_of
from zhichan.core.scoping import works_for


def enterprise_with(credit_code: str):
    """The registry's enterprise with this unified social credit code, or None."""
    if not credit_code:
        return None
    from zhichan.registry.models import Enterprise

    return Enterprise.objects.filter(uscc=credit_code).first()


def sees_identity(user, case) -> bool:
    """A person's ID number is private: only the case's own unit and the office read it."""
    return user is not None and (role_of(user) == Role.OFFICE or works_for(user, case.unit))


def id_shown(party, user) -> str:
    if not party.id_number:
        return ""
    return party.id_number if sees_identity(user, party.case) else "••••••••••••••••••"


def masked_name(name: str) -> str:
    """A person's name as those who may not read it see it: the first character and two stars (张三丰 → 张**),
    so neither the given name nor its length shows."""
    name = (name or "").strip()
    return f"{name[0]}**" if name else ""


def scrubbed(text: str, names) -> str:
    """The text with each of these persons' names written masked (a case named after its party)."""
    for name in sorted({n.strip() for n in names if n and len(n.strip()) > 1}, key=len, reverse=True):
        text = text.replace(name, masked_name(name))
    return text
