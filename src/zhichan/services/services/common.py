"""What the services module's actions share: who keeps a record (the office, or the liaison of the unit the
record belongs to), the unit a record belongs to when the office does not say, and the checks of text, regions,
dates and amounts that name the field refused."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from zhichan.core.models import Unit, UnitKind
from zhichan.core.plausible import date_problem
from zhichan.core.roles import LIAISONS, Role, role_of
from zhichan.core.scoping import can_edit


def text(value) -> str:
    return (value or "").strip()


def may_keep(record_argument: str):
    """An action's rule: the system, or whoever may edit the record named by the argument (the office of its
    organisation, or the liaison of the unit it belongs to)."""

    def allow(user, arguments) -> bool:
        return user is None or can_edit(user, arguments[record_argument])

    return allow


def may_enter(user, arguments) -> bool:
    """A new record: the system, the office, or a liaison (for its own unit, checked by `unit_for`)."""
    return user is None or role_of(user) == Role.OFFICE or (role_of(user) in LIAISONS and bool(user.unit_id))


def host_unit(organisation) -> Unit | None:
    """The unit hosting the programme office of an organisation (the market supervision bureau in Nan'an), or the
    office itself: the unit that supervises agencies when no other is named."""
    office = Unit.objects.filter(organisation=organisation, kind=UnitKind.OFFICE).select_related("parent").first()
    if office is None:
        return None
    return office.parent or office


def unit_for(user, unit, field: str = "unit") -> Unit:
    """The unit a new record belongs to: a liaison's own (naming another is refused); the office names one of its
    organisation, or gets its host unit."""
    if user is not None and role_of(user) in LIAISONS:
        if unit is not None and unit.pk != user.unit_id:
            raise PermissionDenied(_("You may enter records only for your own unit."))
        return user.unit
    if unit is None:
        organisation = user.unit.organisation if user is not None and user.unit_id else None
        if organisation is None:  # the system (demo data, a command): the first organisation with an office
            office = Unit.objects.filter(kind=UnitKind.OFFICE).select_related("organisation").first()
            organisation = office.organisation if office is not None else None
        unit = host_unit(organisation) if organisation is not None else None
        if unit is None:
            raise ValidationError({field: _("Choose the unit.")})
        return unit
    if user is not None and user.unit_id and unit.organisation_id != user.unit.organisation_id:
        raise ValidationError({field: _("%(unit)s is not a unit of your organisation.") % {"unit": unit}})
    return unit


def required(value, field: str, message: str) -> str:
    value = text(value)
    if not value:
        raise ValidationError({field: message})
    return value


def check_day(value, model, field: str, *, needed: bool = True, label: str = ""):
    if value in (None, ""):
        if needed:
            raise ValidationError({field: _("Give the date (%(field)s).") % {"field": label or field}})
        return None
    if not isinstance(value, datetime.date):
        raise ValidationError({field: _("Write the date as YYYY-MM-DD.")})
    problem = date_problem(value, model, field)
    if problem:
        raise ValidationError({field: problem})
    return value


def check_period(start, end, model):
    start = check_day(start, model, "start", label=str(model._meta.get_field("start").verbose_name))
    end = check_day(end, model, "end", label=str(model._meta.get_field("end").verbose_name))
    if end < start:
        raise ValidationError(
            {"end": _("The end (%(end)s) cannot be before the start (%(start)s).") % {"end": end, "start": start}}
        )
    return start, end


def check_amount(value, field: str) -> Decimal:
    if value in (None, ""):
        return Decimal(0)
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("Write an amount in yuan, such as 12500 or 12500.50.")}) from None
    if amount < 0:
        raise ValidationError({field: _("An amount cannot be negative.")})
    if amount >= Decimal("1e10"):
        raise ValidationError({field: _("The amount is too large.")})
    return amount.quantize(Decimal("0.01"))


def check_region(region, organisation, field: str = "region"):
    """The region a record lies in: the organisation's own region or one below it."""
    if region is None:
        raise ValidationError({field: _("Choose the region.")})
    if organisation is not None and not region.path.startswith(organisation.path):
        raise ValidationError(
            {field: _("%(region)s is not in %(county)s.") % {"region": region, "county": organisation}}
        )
    return region


def choices(values, allowed, field: str, *, needed: bool = False) -> list[str]:
    chosen = list(dict.fromkeys(values or []))
    unknown = [value for value in chosen if value not in allowed.values]
    if unknown:
        raise ValidationError(
            {
                field: _("Not a known choice: %(values)s. Choose from %(known)s.")
                % {
                    "values": "、".join(map(str, unknown)),
                    "known": "、".join(str(label) for _v, label in allowed.choices),
                }
            }
        )
    if needed and not chosen:
        raise ValidationError({field: _("Choose at least one.")})
    return [value for value in allowed.values if value in chosen]
