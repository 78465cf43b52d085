"""Loading a county's or a prefecture-level city's region tree and population from its data file
(data/regions/*.yaml)."""

import datetime
from collections import Counter

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ..models import Population, Region, RegionKind
from . import divisions
from .datafile import Reader
from .division_rules import county_kind, not_a_township, township_kind
from .divisions import Division
from .upsert import upsert

LEVEL_KINDS = {2: RegionKind.PROVINCE, 4: RegionKind.CITY}


def _upsert(parent: Region | None, *, code, name, kind, name_en="", note="", source="") -> tuple[Region, bool]:
    """Find a region by code (or, lacking one, by name under its parent); create or update it. True if created."""
    existing = (
        Region.objects.filter(code=code).first()
        if code
        else (Region.objects.get_children(parent) if parent else Region.objects.get_root_nodes())
        .filter(name=name, code=None)
        .first()
    )
    fields = {"name": name, "kind": kind, "note": note, "source": source}
    if name_en:
        fields["name_en"] = name_en
    if existing is None:
        if parent is None:
            return Region.objects.add_root({"code": code, **fields}), True
        return Region.objects.add_child(parent, {"code": code, **fields}), True
    return upsert(Region, {"pk": existing.pk}, fields)[0], False


def _divisions(reader: Reader, code: str) -> tuple[list[Division], list[Division]]:
    """The province and city above the file's division, and the county-level divisions it loads: the county
    itself, or every county-level division of the city."""
    if len(code) == 4:
        try:
            return divisions.city_with_ancestors(code), divisions.counties(code)
        except KeyError:
            message = f"no prefecture-level city with code {code!r} in the division list"
            raise reader.error("division", message) from None
    try:
        *above, county = divisions.county_with_ancestors(code)
    except KeyError:
        raise reader.error("division", f"no county with code {code!r} in the division list") from None
    return above, [county]


@transaction.atomic
def load_regions(path, progress=None) -> dict:
    """Load (or reload) a region file naming a county or a prefecture-level city. Idempotent: codes are the keys;
    nothing is deleted. Returns the file's top region, the number of regions under it (itself included), what was
    loaded by kind, how many of those are new, the list's rows it skipped and why, the counties the list gives
    no township-level division, and the number of population figures."""
    reader = Reader(path)
    data = reader.data
    code = reader.get(data, "division", "")
    source = reader.get(data, "division_source", "", required=False, default=divisions.SOURCE)
    names_en = {str(k): v for k, v in reader.get(data, "names_en", "", kind=dict, required=False, default={}).items()}
    above, counties = _divisions(reader, code)

    extras = list(reader.items(data, "regions"))
    people = list(reader.items(data, "population"))
    towns = {county.code: divisions.townships(county.code) for county in counties}
    total = len(above) + sum(1 + len(rows) for rows in towns.values()) + len(extras) + len(people)
    step = _stepper(progress, total)
    loaded: Counter = Counter()
    created = 0
    skipped: list[dict] = []

    def load(parent, **fields) -> Region:
        nonlocal created
        region, new = _upsert(parent, **fields)
        loaded[region.kind] += 1
        created += new
        step(region.name)
        return region

    parent = None
    for division in above:
        parent = load(
            parent,
            code=division.code,
            name=division.name,
            kind=LEVEL_KINDS[len(division.code)],
            name_en=names_en.get(division.code, ""),
            source=source,
        )
    city = parent
    without_townships = []
    for division in counties:
        county = load(
            city,
            code=division.code,
            name=division.name,
            kind=county_kind(division.name),
            name_en=names_en.get(division.code, ""),
            source=source,
        )
        kept = 0
        for town in towns[division.code]:
            reason = not_a_township(town)
            if reason:
                skipped.append({"code": town.code, "name": town.name, "reason": reason})
                step(town.name)
                continue
            kept += 1
            load(
                county,
                code=town.code,
                name=town.name,
                kind=township_kind(town.name),
                name_en=names_en.get(town.code, ""),
                source=source,
            )
        if not kept:
            without_townships.append(county)
    top = city if len(code) == 4 else county

    for where, item in extras:
        parent_code = reader.get(item, "parent", where)
        parent_region = Region.objects.filter(code=parent_code).first()
        if parent_region is None:
            raise reader.error(f"{where}.parent", f"unknown region code {parent_code!r}")
        load(
            parent_region,
            code=reader.get(item, "code", where, required=False),
            name=reader.get(item, "name", where),
            kind=reader.choice(item, "kind", where, set(RegionKind.values)),
            name_en=reader.get(item, "name_en", where, required=False, default=""),
            note=reader.get(item, "note", where, required=False, default=""),
            source=reader.get(item, "source", where, required=False, default=""),
        )

    for where, item in people:
        region_code = reader.get(item, "region", where)
        region = Region.objects.filter(code=region_code).first()
        if region is None:
            raise reader.error(f"{where}.region", f"unknown region code {region_code!r}")
        value = reader.get(item, "value", where, kind=int)
        if value <= 0:
            raise reader.error(f"{where}.value", "expected a positive number of residents")
        upsert(
            Population,
            {"region": region, "year": reader.get(item, "year", where, kind=int)},
            {
                "value": value,
                "as_of": reader.get(item, "as_of", where, kind=datetime.date),
                "source": reader.get(item, "source", where),
                "note": reader.get(item, "note", where, required=False, default=""),
            },
        )
        step(f"{region.name} {item['year']}")

    return {
        "region": top,
        "regions": Region.objects.filter(path__startswith=top.path).count(),
        "loaded": {kind: loaded[kind] for kind in RegionKind.values if loaded[kind]},
        "created": created,
        "skipped": skipped,
        "without_townships": without_townships,
        "population": len(people),
    }


def summary(result: dict) -> list[str]:
    """What a load did beyond its total, one sentence a line: counts by kind, rows of the list skipped and why,
    counties left without townships. For the command line and the task page."""
    separator = pgettext("between the items of a list", ", ")
    counts = separator.join(f"{RegionKind(kind).label} {count}" for kind, count in result["loaded"].items())
    lines = [
        _("Loaded: %(counts)s (%(new)d new); %(population)d population figures.")
        % {"counts": counts, "new": result["created"], "population": result["population"]}
    ]
    lines += [_("Skipped %(code)s %(name)s: it %(reason)s.") % row for row in result["skipped"]]
    lines += [
        _("%(name)s (%(code)s) has no township-level division in the list.") % {"name": c.name, "code": c.code}
        for c in result["without_townships"]
    ]
    return lines


def _stepper(progress, total):
    """Calls progress(done, total, message) after each step, if a progress callback was given."""
    state = {"done": 0}

    def step(message: str):
        state["done"] += 1
        if progress:
            progress(state["done"], total, message)

    return step
