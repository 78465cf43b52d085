"""The inspectors' list (执法检查人员名录库): kept by each unit's liaison for its own officers, and the office."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action
from zhichan.core.scoping import works_for
from zhichan.registry.models.enterprises import validate_uscc

from ..events import INSPECTOR_ADDED, INSPECTOR_PUT_BACK, INSPECTOR_TAKEN_OFF, INSPECTOR_TIE_DECLARED
from ..models import Inspector, InspectorTie
from .who import may_edit


def _for_unit(user, arguments) -> bool:
    return user is None or works_for(user, arguments["unit"])


@action(INSPECTOR_ADDED, allow=_for_unit)
def add_inspector(user, *, unit, name, certificate_number, field, ties_note="", synthetic=False) -> Inspector:
    number = (certificate_number or "").strip()
    existing = Inspector.objects.filter(certificate_number=number).select_related("unit").first()
    if number and existing:
        raise ValidationError(
            {
                "certificate_number": _("This certificate number is already in the list: %(who)s, %(unit)s.")
                % {"who": existing, "unit": existing.unit}
            }
        )
    inspector = Inspector(
        unit=unit,
        name=(name or "").strip(),
        certificate_number=number,
        field=(field or "").strip(),
        ties_note=ties_note,
        synthetic=synthetic,
    )
    inspector.full_clean()
    inspector.save()
    return inspector


@action(INSPECTOR_TIE_DECLARED, on="inspector", allow=lambda user, arguments: may_edit(user, arguments["inspector"]))
def declare_tie(inspector, user, *, credit_code, note="") -> InspectorTie:
    """An enterprise the inspector must never be drawn to inspect."""
    code = (credit_code or "").strip().upper()
    try:
        validate_uscc(code)
    except ValidationError as error:
        raise ValidationError({"credit_code": error.messages}) from None
    if inspector.ties.filter(credit_code=code).exists():
        raise ValidationError({"credit_code": _("This tie is already declared.")})
    tie = InspectorTie(inspector=inspector, credit_code=code, note=note)
    tie.full_clean()
    tie.save()
    return tie


def _keeps(user, arguments) -> bool:
    return may_edit(user, arguments["inspector"])


def _listed(inspector, active: bool) -> Inspector:
    if inspector.active == active:
        raise ValidationError(
            _("The inspector is already in the list.") if active else _("The inspector is already off the list.")
        )
    inspector.active = active
    inspector.save(update_fields=["active"])
    return inspector


@action(INSPECTOR_TAKEN_OFF, on="inspector", allow=_keeps)
def take_off(inspector, user) -> Inspector:
    """Off the list (left the unit, no longer certified): never in a later plan's pool; the plans already drawn
    keep them, as drawn."""
    return _listed(inspector, False)


@action(INSPECTOR_PUT_BACK, on="inspector", allow=_keeps)
def put_back(inspector, user) -> Inspector:
    return _listed(inspector, True)
