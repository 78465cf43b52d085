"""The rights a pledge or a transaction names: read as the register reads their numbers, and linked to the
register's records where it holds them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.registry.identifiers import IdentifierError, parse_patent_application
from zhichan.registry.models import Copyright, Patent, Trademark
from zhichan.registry.models.copyrights import normalize_copyright_number
from zhichan.registry.models.trademarks import _registration_number

from ..models import RightType


def normalized(right_type: str, number: str) -> str:
    """The number as the register keeps it; as written (trimmed) when it cannot be read."""
    text = (number or "").strip()
    try:
        if right_type == RightType.PATENT:
            return parse_patent_application(text).normalized
        if right_type == RightType.TRADEMARK:
            return _registration_number(text)
        return normalize_copyright_number(text)
    except (IdentifierError, ValidationError):
        return text


def register_record(right_type: str, number: str):
    """The register's record of that number, or None."""
    model, field = {
        RightType.PATENT: (Patent, "application_number"),
        RightType.TRADEMARK: (Trademark, "registration_number"),
        RightType.COPYRIGHT: (Copyright, "registration_number"),
    }[right_type]
    return model.objects.filter(**{field: number}).first()


def link(right, record) -> None:
    right.patent = record if right.right_type == RightType.PATENT else None
    right.trademark = record if right.right_type == RightType.TRADEMARK else None
    right.copyright = record if right.right_type == RightType.COPYRIGHT else None


def wanted_rights(rights) -> list[tuple[str, str]]:
    """[(kind of right, number as the register reads it)], each once; an unknown kind is refused."""
    wanted = []
    for right_type, right_number in rights or ():
        if right_type not in RightType.values:
            raise ValidationError({"rights": _("Unknown kind of right: %(kind)s.") % {"kind": right_type}})
        key = (right_type, normalized(right_type, right_number))
        if key[1] and key not in wanted:
            wanted.append(key)
    return wanted
