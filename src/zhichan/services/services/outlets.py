"""Brand guidance stations and IP information public service outlets, and their activities. The office (or the
liaison of the responsible unit, for its own) enters and changes them; each write leaves an event on the
outlet."""

from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from zhichan.core.actions import action
from zhichan.core.events import record

from ..events import ACTIVITY_RECORDED, OUTLET_ADDED, OUTLET_CHANGED
from ..models import ActivityKind, Outlet, OutletActivity, OutletKind, OutletLevel
from .common import check_day, check_region, may_enter, may_keep, required, text, unit_for

FIELDS = (
    "kind",
    "level",
    "filing_batch",
    "name",
    "host",
    "region",
    "address",
    "basic_services",
    "professional_services",
    "opening_hours",
    "contact_person",
    "contact_phone",
    "established_on",
    "note",
)


def _choice(value, allowed, field, *, needed=True) -> str:
    value = text(value)
    if not value and not needed:
        return ""
    if value not in allowed.values:
        known = "、".join(str(label) for _v, label in allowed.choices)
        raise ValidationError({field: _("Choose one of: %(known)s.") % {"known": known}})
    return value


def _cleaned(values, organisation, exclude=None) -> dict:
    cleaned = {
        "kind": _choice(values.get("kind"), OutletKind, "kind"),
        "level": _choice(values.get("level"), OutletLevel, "level", needed=False),
        "filing_batch": text(values.get("filing_batch")),
        "name": required(values.get("name"), "name", _("Give the outlet's name.")),
        "host": required(values.get("host"), "host", _("Give the host organisation.")),
        "region": check_region(values.get("region"), organisation),
        "address": text(values.get("address")),
        "basic_services": text(values.get("basic_services")),
        "professional_services": text(values.get("professional_services")),
        "opening_hours": text(values.get("opening_hours")),
        "contact_person": text(values.get("contact_person")),
        "contact_phone": text(values.get("contact_phone")),
        "established_on": check_day(values.get("established_on"), Outlet, "established_on", needed=False),
        "note": text(values.get("note")),
    }
    taken = Outlet.objects.filter(kind=cleaned["kind"], name=cleaned["name"])
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ValidationError({"name": _("An outlet of this kind named %(name)s is already kept.") % cleaned})
    return cleaned


@action(OUTLET_ADDED, allow=may_enter)
def create_outlet(user, *, unit=None, synthetic: bool = False, **values) -> Outlet:
    """Enter a station or an outlet, for the liaison's own unit or the unit the office names."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({name: _("Not a field of a service outlet.") for name in sorted(unknown)})
    unit = unit_for(user, unit)
    outlet = Outlet(unit=unit, synthetic=synthetic, created_by=user, **_cleaned(values, unit.organisation))
    outlet.full_clean()
    outlet.save()
    return outlet


@action(allow=may_keep("outlet"))
def update_outlet(outlet, user, **values) -> Outlet:
    """Change an outlet: only the fields given; an event names the fields changed."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValidationError({name: _("Not a field of a service outlet.") for name in sorted(unknown)})
    before = {name: getattr(outlet, name) for name in FIELDS}
    after = _cleaned({**before, **values}, outlet.unit.organisation, exclude=outlet)
    changed = [name for name in FIELDS if before[name] != after[name]]
    for name, value in after.items():
        setattr(outlet, name, value)
    outlet.full_clean()
    outlet.save()
    if changed:
        labels = "、".join(str(Outlet._meta.get_field(name).verbose_name) for name in changed)
        record(user, OUTLET_CHANGED, outlet, changed=labels)
    return outlet


@action(
    ACTIVITY_RECORDED,
    on="outlet",
    allow=may_keep("outlet"),
    data=lambda arguments, found: {"title": found.title, "people": found.people_served},
)
def record_activity(
    outlet, user, *, day, kind, title, people_served=0, note="", synthetic: bool = False
) -> OutletActivity:
    """A consultation, a training or another activity of the outlet, with the number of people served."""
    try:
        people = int(people_served or 0)
    except (TypeError, ValueError):
        raise ValidationError({"people_served": _("Write a whole number of people.")}) from None
    if people < 0:
        raise ValidationError({"people_served": _("A number of people cannot be negative.")})
    activity = OutletActivity(
        outlet=outlet,
        day=check_day(day, OutletActivity, "day", label=_("date")),
        kind=_choice(kind, ActivityKind, "kind"),
        title=required(title, "title", _("Give the activity a title.")),
        people_served=people,
        note=text(note),
        synthetic=synthetic,
    )
    activity.full_clean()
    activity.save()
    return activity


def yearly_figures(outlets) -> list[dict]:
    """Per year, per kind of activity: how many activities and how many people served, over the outlets given."""
    rows = (
        OutletActivity.objects.filter(outlet__in=outlets)
        .annotate(year=ExtractYear("day"))
        .order_by()
        .values("year", "kind")
        .annotate(activities=Count("pk"), people=Sum("people_served"))
    )
    years: dict[int, dict] = {}
    for row in rows:
        line = years.setdefault(row["year"], {"year": row["year"], "activities": 0, "people": 0, "kinds": {}})
        line["activities"] += row["activities"]
        line["people"] += row["people"] or 0
        line["kinds"][row["kind"]] = row["activities"]
    labels = dict(ActivityKind.choices)
    result = []
    for year in sorted(years, reverse=True):
        line = years[year]
        line["by_kind"] = [(labels[kind], line["kinds"].get(kind, 0)) for kind in ActivityKind.values]
        result.append(line)
    return result
