"""Parties: a case's party linked to the registry's enterprise with the same credit code, and a person's ID number
shown only to those who may see it."""

from zhichan.core import identities
from zhichan.core.identities import masked_name
from zhichan.registry.services.enterprises import enterprise_with

__all__ = ["enterprise_with", "id_shown", "masked_name", "scrubbed", "sees_identity"]


def sees_identity(user, case) -> bool:
    """A person's ID number is private: only the case's own unit and the office read it."""
    return identities.sees_identity(user, case.unit)


def id_shown(party, user) -> str:
    return identities.id_shown(party.id_number, user, party.case.unit)


def scrubbed(text: str, names) -> str:
    """The text with each of these persons' names written masked (a case named after its party)."""
    for name in sorted({n.strip() for n in names if n and len(n.strip()) > 1}, key=len, reverse=True):
        text = text.replace(name, masked_name(name))
    return text
