"""Loading a programme's units and committees (leadership group, office) from a data file."""

import datetime

from django.db import transaction

from ..actions import action, office_or_system
from ..events import SEAT_CHANGED
from ..models import Committee, Membership, Person, Region, RegionKind, Unit, UnitKind
from .datafile import Reader
from .upsert import upsert

# Sections that make one unit per child region of the organisation's region, named by the child's kind:
# (section, the region kinds it may name, the kind of unit made).
CHILD_UNITS = (
    ("township_units", RegionKind.township_level, UnitKind.TOWNSHIP),
    ("county_units", RegionKind.county_level, UnitKind.GOVERNMENT),
)


def organisation_of(user):
    """The organisation a user works in: the region whose file lists the user's unit (several regions'
    organisations may be loaded side by side); a user without a unit, the first county-level one that has units."""
    if user.unit_id:
        return user.unit.organisation
    return (
        Region.objects.filter(kind__in=RegionKind.county_level(), organisation_units__isnull=False).distinct().first()
    )


@transaction.atomic
def load_organisation(path, progress=None) -> dict:
    """Load (or reload) an organisation file. Idempotent: units and committees are keyed by `key` within the
    organisation of the file's region (another region's file may use the same keys and never touches these
    rows), people by name within their unit, seats by committee, person, seat and start. Nothing is deleted: a
    seat that changed hands is ended with `change_seat`, so history keeps who held it when."""
    reader = Reader(path)
    data = reader.data
    region_code = reader.get(data, "region", "")
    organisation = Region.objects.filter(code=region_code).first()
    if organisation is None:
        raise reader.error("region", f"unknown region code {region_code!r}: load its region file first")

    units = _load_units(reader, organisation)
    committees = _load_committees(reader, organisation, units)
    return {"units": len(units), "committees": len(committees)}


def _load_units(reader: Reader, organisation: Region) -> dict[str, Unit]:
    data = reader.data
    units: dict[str, Unit] = {}
    order = 0
    listed_kinds = set(UnitKind.values) - {UnitKind.TOWNSHIP}
    for where, item in reader.items(data, "units", required=True):
        key = reader.get(item, "key", where)
        if key in units:
            raise reader.error(f"{where}.key", f"duplicate unit key {key!r}")
        parent_key = reader.get(item, "parent", where, required=False)
        if parent_key is not None and parent_key not in units:
            raise reader.error(f"{where}.parent", f"unknown unit {parent_key!r} (list the host unit first)")
        order += 1
        units[key], _ = upsert(
            Unit,
            {"organisation": organisation, "key": key},
            dict(
                name=reader.get(item, "name", where),
                short_name=reader.get(item, "short_name", where, required=False, default=""),
                name_en=reader.get(item, "name_en", where, required=False, default=""),
                kind=reader.choice(item, "kind", where, listed_kinds),
                region=organisation,
                parent=units.get(parent_key),
                order=order,
            ),
        )

    namings = {}  # region kind → (section, pattern, unit kind)
    for section, level, unit_kind in CHILD_UNITS:
        naming = reader.get(data, section, "", kind=dict, required=False, default={})
        for kind, pattern in naming.items():
            if kind not in level():
                raise reader.error(f"{section}.{kind}", f"expected a {section.split('_')[0]}-level region kind")
            if not isinstance(pattern, str) or "{name}" not in pattern:
                raise reader.error(f"{section}.{kind}", f"expected a name pattern with {{name}}, got {pattern!r}")
            namings[kind] = (section, pattern, unit_kind)
    for region in Region.objects.get_children(organisation):
        if region.kind not in namings:
            continue
        section, pattern, unit_kind = namings[region.kind]
        order += 1
        key = f"region-{region.code or region.pk}"
        if key in units:
            raise reader.error(f"{section}.{region.kind}", f"unit key {key!r} is already used in units")
        units[key], _ = upsert(
            Unit,
            {"organisation": organisation, "key": key},
            dict(
                name=pattern.replace("{name}", region.name),
                short_name=region.name,
                name_en="",
                kind=unit_kind,
                region=region,
                parent=None,
                order=order,
            ),
        )
    return units


def _load_committees(reader: Reader, organisation: Region, units: dict[str, Unit]) -> dict[str, Committee]:
    committees: dict[str, Committee] = {}
    for where, item in reader.items(reader.data, "committees"):
        key = reader.get(item, "key", where)
        if key in committees:
            raise reader.error(f"{where}.key", f"duplicate committee key {key!r}")
        parent_key = reader.get(item, "parent", where, required=False)
        if parent_key is not None and parent_key not in committees:
            raise reader.error(f"{where}.parent", f"unknown committee {parent_key!r} (list it first)")
        host_key = reader.get(item, "host_unit", where, required=False)
        if host_key is not None and host_key not in units:
            raise reader.error(f"{where}.host_unit", f"unknown unit {host_key!r}")
        established = reader.get(item, "established", where, kind=datetime.date)
        committee, _ = upsert(
            Committee,
            {"organisation": organisation, "key": key},
            {
                "name": reader.get(item, "name", where),
                "name_en": reader.get(item, "name_en", where, required=False, default=""),
                "parent": committees.get(parent_key),
                "host_unit": units.get(host_key),
                "established": established,
                "source": reader.get(item, "source", where, required=False, default=""),
            },
        )
        committees[key] = committee
        for order, (member_where, member) in enumerate(reader.items(item, "members", where), start=1):
            unit_key = reader.get(member, "unit", member_where)
            if unit_key not in units:
                raise reader.error(f"{member_where}.unit", f"unknown unit {unit_key!r}")
            unit = units[unit_key]
            seat = reader.choice(member, "seat", member_where, set(Membership.Seat.values))
            post = reader.get(member, "post", member_where)
            person, _ = Person.objects.get_or_create(
                name=reader.get(member, "person", member_where), unit=unit, defaults={"title": post}
            )
            start = reader.get(member, "start", member_where, kind=datetime.date, required=False, default=established)
            # A seat the office has since handed on (ended) stays ended: the platform's record is newer.
            upsert(
                Membership,
                {"committee": committee, "person": person, "seat": seat, "start": start},
                {"post": post, "unit": unit, "order": order},
            )
    return committees


@action(
    SEAT_CHANGED,
    on="membership",
    data=lambda arguments, new: {"person": str(new.person), "post": new.post, "on": new.start},
    allow=office_or_system,
)
def change_seat(user, membership: Membership, *, person: Person, post: str, on: datetime.date) -> Membership:
    """Hand a seat to someone else from `on`: the old holder's membership ends the day before."""
    if on <= membership.start:
        raise ValueError("the change must come after the current holder's start date")
    membership.end = on - datetime.timedelta(days=1)
    membership.save()
    return Membership.objects.create(
        committee=membership.committee,
        person=person,
        seat=membership.seat,
        post=post,
        unit=person.unit,
        start=on,
        order=membership.order,
    )
