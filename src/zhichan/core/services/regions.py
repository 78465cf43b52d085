"""Loading a county's region tree and population from its data file (data/regions/*.yaml)."""

import datetime

from django.db import transaction

from ..models import Population, Region, RegionKind
from . import divisions
from .datafile import Reader
from .upsert import upsert

LEVEL_KINDS = {2: RegionKind.PROVINCE, 4: RegionKind.CITY, 6: RegionKind.COUNTY}


def township_kind(name: str) -> RegionKind:
    """The kind of a township-level division, from how the official name ends."""
    if name.endswith("街道"):
        return RegionKind.SUBDISTRICT
    if name.endswith("镇"):
        return RegionKind.TOWN
    if name.endswith("乡"):
        return RegionKind.TOWNSHIP
    return RegionKind.DEVELOPMENT_ZONE  # 开发区, 农场, 管理区: "similar to township" units (codes 4xx/5xx)


def _upsert(parent: Region | None, *, code, name, kind, name_en="", note="", source="") -> Region:
    """Find a region by code (or, lacking one, by name under its parent); create or update it."""
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
            return Region.objects.add_root({"code": code, **fields})
        return Region.objects.add_child(parent, {"code": code, **fields})
    return upsert(Region, {"pk": existing.pk}, fields)[0]


@transaction.atomic
def load_regions(path, progress=None) -> dict:
    """Load (or reload) a region file. Idempotent: codes are the keys; nothing is deleted."""
    reader = Reader(path)
    data = reader.data
    county_code = reader.get(data, "division", "")
    source = reader.get(data, "division_source", "", required=False, default=divisions.SOURCE)
    names_en = {str(k): v for k, v in reader.get(data, "names_en", "", kind=dict, required=False, default={}).items()}
    try:
        chain = divisions.county_with_ancestors(county_code)
    except KeyError:
        raise reader.error("division", f"no county with code {county_code!r} in the division list") from None

    extras = list(reader.items(data, "regions"))
    people = list(reader.items(data, "population"))
    towns = divisions.townships(county_code)
    total = len(chain) + len(towns) + len(extras) + len(people)
    step = _stepper(progress, total)

    parent = None
    for division in chain:
        parent = _upsert(
            parent,
            code=division.code,
            name=division.name,
            kind=LEVEL_KINDS[len(division.code)],
            name_en=names_en.get(division.code, ""),
            source=source,
        )
        step(division.name)
    county = parent
    for division in towns:
        _upsert(
            county,
            code=division.code,
            name=division.name,
            kind=township_kind(division.name),
            name_en=names_en.get(division.code, ""),
            source=source,
        )
        step(division.name)

    for where, item in extras:
        parent_code = reader.get(item, "parent", where)
        parent_region = Region.objects.filter(code=parent_code).first()
        if parent_region is None:
            raise reader.error(f"{where}.parent", f"unknown region code {parent_code!r}")
        name = reader.get(item, "name", where)
        _upsert(
            parent_region,
            code=reader.get(item, "code", where, required=False),
            name=name,
            kind=reader.choice(item, "kind", where, set(RegionKind.values)),
            name_en=reader.get(item, "name_en", where, required=False, default=""),
            note=reader.get(item, "note", where, required=False, default=""),
            source=reader.get(item, "source", where, required=False, default=""),
        )
        step(name)

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

    return {"county": county, "regions": Region.objects.filter(path__startswith=county.path).count()}


def _stepper(progress, total):
    """Calls progress(done, total, message) after each step, if a progress callback was given."""
    state = {"done": 0}

    def step(message: str):
        state["done"] += 1
        if progress:
            progress(state["done"], total, message)

    return step
