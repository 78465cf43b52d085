"""Special enforcement actions (专项行动) and what is done under them: the office sets an action up and changes it;
a unit taking part records its inspections; a case names the action it came from. Each is an action that checks
who may act, refuses bad input naming the field, and leaves an event.

What holds together: an action's units are of its own organisation (its lead unit always takes part), its townships
are township-level regions of that organisation; an inspection or case under an action is of a unit taking part,
dated within the action's period (an inspection also in one of its townships, when it names any); a case whose
source is a special action names it."""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_only, office_or_system
from zhichan.core.events import record
from zhichan.core.models import Region, RegionKind
from zhichan.core.plausible import date_problem
from zhichan.core.scoping import can_edit, works_for

from ..events import CASE_ACTION_LINKED, INSPECTION_RECORDED, SPECIAL_ACTION_CHANGED, SPECIAL_ACTION_CREATED
from ..models import Inspection, IPType, Source, SpecialAction
from .parties import enterprise_with

# The fields of an action the office sets, in the order its form shows them.
FIELDS = (
    "name",
    "start",
    "end",
    "ip_types",
    "lead_unit",
    "units",
    "areas",
    "targets",
    "planned_inspections",
    "planned_cases",
    "note",
)


def may_manage(user, arguments) -> bool:
    """The office of the action's organisation, or the system."""
    return user is None or office_only(user, arguments)


def may_link(user, arguments) -> bool:
    """Whoever may edit the case (its own unit's liaison, the office), or the system."""
    return user is None or can_edit(user, arguments["case"])


def takes_part(special_action, unit) -> bool:
    """The lead unit and the participating units take part (the lead unit is always among the participants)."""
    return special_action.lead_unit_id == unit.pk or special_action.units.filter(pk=unit.pk).exists()


def actions_of(unit):
    """The actions a unit takes part in, newest first."""
    return (
        SpecialAction.objects.filter(Q(units=unit) | Q(lead_unit=unit))
        .distinct()
        .select_related("lead_unit")
        .order_by("-start", "-pk")
    )


def township_choices(organisation):
    """The township-level regions of an organisation, for an action's areas."""
    return Region.objects.filter(path__startswith=organisation.path, kind__in=RegionKind.township_level()).order_by(
        "path"
    )


def _text(value) -> str:
    return (value or "").strip()


def _ip_types(values) -> list[str]:
    chosen = list(dict.fromkeys(values or []))
    unknown = [value for value in chosen if value not in IPType.values]
    if unknown:
        raise ValidationError(
            {
                "ip_types": _("Not an IP type: %(values)s. Choose from %(known)s.")
                % {"values": "、".join(map(str, unknown)), "known": "、".join(IPType.values)}
            }
        )
    if not chosen:
        raise ValidationError({"ip_types": _("Choose at least one IP type the action covers.")})
    return [value for value in IPType.values if value in chosen]  # in the order of the list of IP types


def _check_period(start, end):
    if start is None:
        raise ValidationError({"start": _("Give the day the action starts.")})
    if end is None:
        raise ValidationError({"end": _("Give the day the action ends.")})
    if end < start:
        raise ValidationError(
            {"end": _("The end (%(end)s) cannot be before the start (%(start)s).") % {"end": end, "start": start}}
        )


def _check_units(lead_unit, units) -> list:
    if lead_unit is None:
        raise ValidationError({"lead_unit": _("Choose the lead unit.")})
    organisation = lead_unit.organisation
    chosen = [lead_unit, *[unit for unit in units or [] if unit.pk != lead_unit.pk]]
    for unit in chosen:
        if unit.organisation_id != organisation.pk:
            raise ValidationError(
                {"units": _("%(unit)s is not a unit of %(region)s.") % {"unit": unit, "region": organisation}}
            )
    return list({unit.pk: unit for unit in chosen}.values())


def _check_areas(organisation, areas) -> list:
    chosen = list({area.pk: area for area in areas or []}.values())
    for area in chosen:
        if area.kind not in RegionKind.township_level() or not area.path.startswith(organisation.path):
            raise ValidationError(
                {"areas": _("%(region)s is not a township of %(county)s.") % {"region": area, "county": organisation}}
            )
    return chosen


def _check_planned(name: str, value):
    if value in (None, ""):
        return None
    if int(value) < 0:
        raise ValidationError({name: _("A planned number cannot be negative.")})
    return int(value)


def _check_name(organisation, name: str, exclude=None) -> str:
    name = _text(name)
    if not name:
        raise ValidationError({"name": _("Give the action a name.")})
    taken = SpecialAction.objects.filter(organisation=organisation, name=name)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ValidationError({"name": _("An action named %(name)s already exists.") % {"name": name}})
    return name


@action(SPECIAL_ACTION_CREATED, allow=office_or_system)
def create_action(
    user,
    *,
    name: str,
    start: datetime.date,
    end: datetime.date,
    ip_types,
    lead_unit,
    units=(),
    areas=(),
    targets: str = "",
    planned_inspections: int | None = None,
    planned_cases: int | None = None,
    note: str = "",
    synthetic: bool = False,
) -> SpecialAction:
    """Set up a special action for the lead unit's organisation (the office's own)."""
    _check_period(start, end)
    units = _check_units(lead_unit, units)
    organisation = lead_unit.organisation
    special_action = SpecialAction(
        organisation=organisation,
        name=_check_name(organisation, name),
        start=start,
        end=end,
        ip_types=_ip_types(ip_types),
        lead_unit=lead_unit,
        targets=_text(targets),
        planned_inspections=_check_planned("planned_inspections", planned_inspections),
        planned_cases=_check_planned("planned_cases", planned_cases),
        note=_text(note),
        synthetic=synthetic,
        created_by=user,
    )
    special_action.full_clean()
    special_action.save()
    special_action.units.set(units)
    special_action.areas.set(_check_areas(organisation, areas))
    return special_action


def _labels(names) -> str:
    return "、".join(str(SpecialAction._meta.get_field(name).verbose_name) for name in names)


@action(allow=may_manage)
def update_action(special_action, user, **values) -> SpecialAction:
    """Change an action: only the fields given. What is already recorded under it must still fit: a unit with
    inspections or cases under it stays, and the period keeps covering their dates. An event names the fields
    changed; saving it unchanged records none."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({name: _("Not a field of a special action.") for name in sorted(unknown)})
    before = _values(special_action)
    given = {**before, **values}
    lead_unit = given["lead_unit"]
    if lead_unit is not None and lead_unit.organisation_id != special_action.organisation_id:
        raise ValidationError(
            {
                "lead_unit": _("%(unit)s is not a unit of %(region)s.")
                % {"unit": lead_unit, "region": special_action.organisation}
            }
        )
    _check_period(given["start"], given["end"])
    units = _check_units(lead_unit, given["units"])
    _check_recorded(special_action, given["start"], given["end"], units)
    after = {
        "name": _check_name(special_action.organisation, given["name"], exclude=special_action),
        "start": given["start"],
        "end": given["end"],
        "ip_types": _ip_types(given["ip_types"]),
        "lead_unit": lead_unit,
        "units": units,
        "areas": _check_areas(special_action.organisation, given["areas"]),
        "targets": _text(given["targets"]),
        "planned_inspections": _check_planned("planned_inspections", given["planned_inspections"]),
        "planned_cases": _check_planned("planned_cases", given["planned_cases"]),
        "note": _text(given["note"]),
    }
    changed = [name for name in FIELDS if _compared(before[name]) != _compared(after[name])]
    for name in FIELDS:
        if name not in ("units", "areas"):
            setattr(special_action, name, after[name])
    special_action.full_clean()
    special_action.save()
    special_action.units.set(after["units"])
    special_action.areas.set(after["areas"])
    if changed:
        record(user, SPECIAL_ACTION_CHANGED, special_action, changed=_labels(changed))
    return special_action


def _values(special_action) -> dict:
    values = {name: getattr(special_action, name) for name in FIELDS if name not in ("units", "areas")}
    values["units"] = list(special_action.units.all())
    values["areas"] = list(special_action.areas.all())
    return values


def _compared(value):
    """A value as compared for "changed": rows by their keys, a list of rows as a set of keys."""
    if isinstance(value, list | tuple) and value and hasattr(value[0], "pk"):
        return {row.pk for row in value}
    if isinstance(value, list | tuple):
        return list(value) if value else set()
    return value.pk if hasattr(value, "pk") else value


def _check_recorded(special_action, start, end, units):
    """The inspections and cases already under the action still fit its new period and units."""
    keep = {unit.pk for unit in units}
    for model, day_field, what in (
        (Inspection, "day", _("inspections")),
        (special_action.cases.model, "lead_on", _("cases")),
    ):
        rows = model.objects.filter(action=special_action)
        outside = rows.exclude(unit__in=keep).select_related("unit").first()
        if outside is not None:
            raise ValidationError(
                {
                    "units": _("%(unit)s has %(what)s under this action; it must stay a participating unit.")
                    % {"unit": outside.unit, "what": what}
                }
            )
        early = rows.filter(**{f"{day_field}__lt": start}).order_by(day_field).first()
        late = rows.filter(**{f"{day_field}__gt": end}).order_by(f"-{day_field}").first()
        for field, row in (("start", early), ("end", late)):
            if row is not None:
                raise ValidationError(
                    {
                        field: _("The period must still cover the %(what)s under the action (one is dated %(day)s).")
                        % {"what": what, "day": getattr(row, day_field)}
                    }
                )


def _period(day, special_action) -> dict:
    return {"day": day, "name": special_action.name, "start": special_action.start, "end": special_action.end}


def check_case_action(*, unit, lead_on, source: str, special_action, field: str = "action"):
    """Whether a case of `unit` with its lead on `lead_on` may name `special_action` (None: no action)."""
    if special_action is None:
        if source == Source.SPECIAL_ACTION:
            raise ValidationError({field: _("A case whose source is a special enforcement action names the action.")})
        return
    if not takes_part(special_action, unit):
        raise ValidationError(
            {field: _("%(unit)s does not take part in %(name)s.") % {"unit": unit, "name": special_action.name}}
        )
    if lead_on is not None and not special_action.covers(lead_on):
        raise ValidationError(
            {
                field: _("The lead (%(day)s) is outside the period of %(name)s (%(start)s to %(end)s).")
                % _period(lead_on, special_action)
            }
        )


@action(
    CASE_ACTION_LINKED,
    on="case",
    allow=may_link,
    data=lambda arguments, case: {"action": case.action.name if case.action_id else ""},
)
def link_case(case, user, special_action):
    """Name the special action a case belongs to (None: none, unless its source is a special action)."""
    check_case_action(unit=case.unit, lead_on=case.lead_on, source=case.source, special_action=special_action)
    case.action = special_action
    case.save(update_fields=["action", "updated"])
    return case


def _check_inspection_day(day):
    if day is None:
        raise ValidationError({"day": _("Give the date.")})
    problem = date_problem(day, Inspection, "day")
    if problem:
        raise ValidationError({"day": problem})


@action()
def record_inspection(
    user,
    *,
    unit,
    day: datetime.date,
    subject: str,
    action=None,
    township=None,
    credit_code: str = "",
    findings: str = "",
    seized_goods: str = "",
    seized_quantity: int = 0,
    case=None,
    synthetic: bool = False,
) -> Inspection:
    """An inspection made by a unit (under a special action it takes part in, or on its own)."""
    if user is not None and not works_for(user, unit):
        raise PermissionDenied(_("You may record inspections only for your own unit."))
    if user is not None and user.unit_id and unit.organisation_id != user.unit.organisation_id:
        raise PermissionDenied(_("You may record inspections only for your own unit."))
    subject, credit_code = _text(subject), _text(credit_code).upper()
    seized_goods, seized_quantity = _text(seized_goods), int(seized_quantity or 0)
    _check_inspection_day(day)
    if not subject:
        raise ValidationError({"subject": _("Name the place or party inspected.")})
    if credit_code and not re.fullmatch(r"[0-9A-Z]{18}", credit_code):
        raise ValidationError({"credit_code": _("A unified social credit code has 18 letters and digits.")})
    if seized_quantity < 0:
        raise ValidationError({"seized_quantity": _("A quantity cannot be negative.")})
    if seized_quantity and not seized_goods:
        raise ValidationError({"seized_goods": _("Say what goods were seized.")})
    if township is not None and (
        township.kind not in RegionKind.township_level() or not township.path.startswith(unit.organisation.path)
    ):
        raise ValidationError({"township": _("Choose a township, town, subdistrict or park.")})
    if action is not None:
        _check_under_action(action, unit, day, township)
    if case is not None:
        if case.unit_id != unit.pk:
            raise ValidationError({"case": _("The case opened must be one of %(unit)s's cases.") % {"unit": unit}})
        if action is not None and case.action_id and case.action_id != action.pk:
            raise ValidationError(
                {"case": _("That case belongs to another special action (%(name)s).") % {"name": case.action.name}}
            )
    inspection = Inspection(
        action=action,
        unit=unit,
        day=day,
        township=township,
        subject=subject,
        credit_code=credit_code,
        enterprise=enterprise_with(credit_code),
        findings=_text(findings),
        seized_goods=seized_goods,
        seized_quantity=seized_quantity,
        case=case,
        synthetic=synthetic,
        created_by=user,
    )
    inspection.full_clean()
    inspection.save()
    record(user, INSPECTION_RECORDED, inspection, action=action.name if action is not None else "")
    return inspection


def _check_under_action(special_action, unit, day, township):
    if not takes_part(special_action, unit):
        raise ValidationError(
            {"action": _("%(unit)s does not take part in %(name)s.") % {"unit": unit, "name": special_action.name}}
        )
    if not special_action.covers(day):
        raise ValidationError(
            {
                "day": _("%(day)s is outside the period of %(name)s (%(start)s to %(end)s).")
                % _period(day, special_action)
            }
        )
    areas = list(special_action.areas.all())
    if township is not None and areas and township not in areas:
        raise ValidationError(
            {
                "township": _("%(region)s is not among the townships %(name)s covers.")
                % {"region": township, "name": special_action.name}
            }
        )
