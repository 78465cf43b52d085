"""The office's merge table: a name an applicant is written under, counted as another."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_only
from zhichan.core.events import record

from ..events import ALIAS_ADDED, ALIAS_REMOVED
from ..models import ApplicantAlias
from .reading import name as clean


def merge_table() -> dict[str, str]:
    return dict(ApplicantAlias.objects.values_list("alias", "name"))


def aliases_of(name: str) -> list[str]:
    """The names counted as `name`: itself and every name merged into it."""
    return [name, *ApplicantAlias.objects.filter(name=name).values_list("alias", flat=True)]


@action(ALIAS_ADDED, allow=office_only)
def merge(user, *, alias, name, note="") -> ApplicantAlias:
    """`alias` counted as `name` from now on, in every set (their figures are computed again by the caller's
    task). A name merged into another is followed to the last: A → B and B → C count A as C."""
    alias, name = clean(alias), clean(name)
    if not alias or not name:
        raise ValidationError({"alias": _("Give both names.")})
    if alias == name:
        raise ValidationError({"name": _("A name cannot be merged into itself.")})
    table = merge_table()
    seen = {alias}
    while name in table:
        name = table[name]
        if name in seen:
            raise ValidationError({"name": _("These merges would go round in a circle.")})
        seen.add(name)
    merged, _created = ApplicantAlias.objects.update_or_create(alias=alias, defaults={"name": name, "note": note})
    merged.full_clean()
    for follower in ApplicantAlias.objects.filter(name=alias):  # names merged into the alias follow it
        follower.name = name
        follower.save()
    return merged


@action(allow=office_only)
def unmerge(user, *, alias) -> None:
    record(user, ALIAS_REMOVED, alias, alias=alias.alias, name=alias.name)
    alias.delete()
