"""Assessment schemes as data: reading a scheme file (YAML, the format of docs/assessment.md), refusing what cannot
be scored with the file, the path and the reason, and keeping it (loaded from data/assessment/ or edited on the
scheme's page). Every rule of the scoring lives in the file; the platform knows only how to apply it."""

from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, own_office_or_system
from zhichan.core.models import Unit
from zhichan.core.models.units import UnitKind
from zhichan.core.services.datafile import DataFileError, Reader

from ..events import SCHEME_SAVED
from ..models import Scheme
from ..sources import COUNT, SOURCES

MANUAL = "manual"
ITEM_KINDS = ("score", "bonus", "deduction", "veto")
UNIT_KINDS = {"member": UnitKind.MEMBER, "township": UnitKind.TOWNSHIP}
TOP = {"key", "name", "name_en", "illustrative", "source", "appeal_days", "groups"}
GROUP = {"key", "name", "name_en", "units", "total", "bonus_cap", "deduction_cap", "ties", "grades", "items"}
UNITS = {"kind", "keys", "exclude"}
GRADE = {"key", "name", "name_en", "min", "share"}
ITEM = {"key", "name", "name_en", "kind", "weight", "cap", "per", "source", "params", "assessor", "evidence", "guide"}
NUMBER = (int, float)


def folder() -> Path:
    return settings.PROJECT_DIR / "data" / "assessment"


def read_scheme(text: str, file: str = "scheme.yaml", organisation=None) -> dict:
    """The scheme in `text` as data, or DataFileError naming the file, the path inside it and what is wrong.
    With an organisation, the unit keys it names are checked against that organisation's units."""
    return _Scheme(Reader.from_text(file, text), organisation).read()


class _Scheme:
    def __init__(self, reader: Reader, organisation):
        self.r, self.keys = reader, None
        if organisation is not None:
            self.keys = set(Unit.objects.filter(organisation=organisation).values_list("key", flat=True))

    def read(self) -> dict:
        r, data = self.r, self.r.data
        r.only(data, TOP, "")
        scheme = {
            "key": r.get(data, "key", ""),
            "name": r.get(data, "name", ""),
            "name_en": r.get(data, "name_en", "", required=False, default=""),
            "illustrative": r.get(data, "illustrative", "", kind=bool, required=False, default=False),
            "source": r.get(data, "source", "", required=False, default=""),
            "appeal_days": r.get(data, "appeal_days", "", kind=int, required=False, default=5),
            "groups": [],
        }
        if scheme["appeal_days"] < 1:
            raise r.error("appeal_days", "expected a whole number of working days above 0")
        seen = set()
        for path, group in r.items(data, "groups", required=True):
            read = self.group(path, group)
            if read["key"] in seen:
                raise r.error(f"{path}.key", f"duplicate group {read['key']!r}")
            seen.add(read["key"])
            scheme["groups"].append(read)
        if not scheme["groups"]:
            raise r.error("groups", "list at least one group of units")
        return scheme

    def number(self, mapping, key, path, required=True, default=None, minimum=0):
        value = self.r.get(mapping, key, path, kind=NUMBER, required=required, default=default)
        if isinstance(value, bool):
            raise self.r.error(f"{path}.{key}", f"expected a number, got {value!r}")
        if value is not None and value < minimum:
            raise self.r.error(f"{path}.{key}", f"expected a number of at least {minimum}, got {value!r}")
        return value

    def unit_key(self, key: str, path: str):
        if self.keys is not None and key not in self.keys:
            raise self.r.error(path, f"unknown unit {key!r}")

    def group(self, path: str, group: dict) -> dict:
        r = self.r
        r.only(group, GROUP, path)
        units = r.get(group, "units", path, kind=dict)
        r.only(units, UNITS, f"{path}.units")
        kind = r.choice(units, "kind", f"{path}.units", set(UNIT_KINDS), required=False)
        keys = [str(k) for k in r.get(units, "keys", f"{path}.units", kind=list, required=False, default=[])]
        exclude = [str(k) for k in r.get(units, "exclude", f"{path}.units", kind=list, required=False, default=[])]
        if not kind and not keys:
            raise r.error(f"{path}.units", "name the units: kind (member or township) or keys")
        for index, key in enumerate(keys):
            self.unit_key(key, f"{path}.units.keys[{index}]")
        read = {
            "key": r.get(group, "key", path),
            "name": r.get(group, "name", path),
            "name_en": r.get(group, "name_en", path, required=False, default=""),
            "units": {"kind": kind, "keys": keys, "exclude": exclude},
            "total": self.number(group, "total", path, required=False, default=100, minimum=1),
            "bonus_cap": self.number(group, "bonus_cap", path, required=False, default=0),
            "deduction_cap": self.number(group, "deduction_cap", path, required=False),
            "ties": r.choice(group, "ties", path, {"share", "below"}, required=False, default="share"),
            "grades": self.grades(path, group),
            "items": [],
        }
        seen = set()
        for item_path, item in r.items(group, "items", path, required=True):
            one = self.item(item_path, item)
            if one["key"] in seen:
                raise r.error(f"{item_path}.key", f"duplicate item {one['key']!r}")
            seen.add(one["key"])
            read["items"].append(one)
        weights = sum(Decimal(str(item["weight"])) for item in read["items"] if item["kind"] == "score")
        if weights != Decimal(str(read["total"])):
            raise r.error(f"{path}.items", f"the weights of the scored items add up to {weights}, not {read['total']}")
        return read

    def grades(self, path: str, group: dict) -> list:
        r, grades, seen = self.r, [], set()
        listed = list(r.items(group, "grades", path, required=True))
        if len(listed) < 2:
            raise r.error(f"{path}.grades", "list at least two grades, best first")
        for index, (grade_path, grade) in enumerate(listed):
            r.only(grade, GRADE, grade_path)
            one = {
                "key": r.get(grade, "key", grade_path),
                "name": r.get(grade, "name", grade_path),
                "name_en": r.get(grade, "name_en", grade_path, required=False, default=""),
                "min": self.number(grade, "min", grade_path, required=False),
                "share": self.number(grade, "share", grade_path, required=False),
            }
            if one["key"] in seen:
                raise r.error(f"{grade_path}.key", f"duplicate grade {one['key']!r}")
            seen.add(one["key"])
            if one["share"] is not None and not 0 < one["share"] <= 1:
                raise r.error(f"{grade_path}.share", f"expected a share above 0 and at most 1, got {one['share']!r}")
            last = index == len(listed) - 1
            if last and (one["min"] is not None or one["share"] is not None):
                raise r.error(grade_path, "the last grade takes every unit left: give it no min and no share")
            if not last and one["min"] is None and one["share"] is None:
                raise r.error(grade_path, "give the grade a min (score band) or a share (quota), or both")
            grades.append(one)
        return grades

    def item(self, path: str, item: dict) -> dict:
        r = self.r
        r.only(item, ITEM, path)
        kind = r.choice(item, "kind", path, set(ITEM_KINDS), required=False, default="score")
        source = r.get(item, "source", path)
        if source != MANUAL and source not in SOURCES:
            raise r.error(f"{path}.source", f"expected manual or one of {', '.join(sorted(SOURCES))}, got {source!r}")
        params = r.get(item, "params", path, kind=dict, required=False, default={})
        one = {
            "key": r.get(item, "key", path),
            "name": r.get(item, "name", path),
            "name_en": r.get(item, "name_en", path, required=False, default=""),
            "kind": kind,
            "source": source,
            "params": params,
            "weight": None,
            "cap": None,
            "per": None,
            "assessor": r.get(item, "assessor", path, required=False, default=""),
            "evidence": r.get(item, "evidence", path, required=False, default=""),
            "guide": r.get(item, "guide", path, required=False, default=""),
        }
        if one["assessor"]:
            if source != MANUAL:
                raise r.error(f"{path}.assessor", "only a manual item has an assessor")
            self.unit_key(one["assessor"], f"{path}.assessor")
        if kind == "score":
            one["weight"] = self.number(item, "weight", path, minimum=0.01)
        elif kind in ("bonus", "deduction"):
            one["cap"] = self.number(item, "cap", path, minimum=0.01)
        if source != MANUAL:
            found = SOURCES[source]
            counting = found.kind == COUNT
            if counting and kind == "score":
                raise r.error(f"{path}.source", f"{source} counts occurrences: use it for a bonus, deduction or veto")
            if not counting and kind != "score":
                raise r.error(f"{path}.source", f"{source} gives a share: use it for a scored item")
            for name, required in found.params.items():
                if required and name not in params:
                    raise r.error(f"{path}.params.{name}", "is required")
            unknown = sorted(set(params) - set(found.params))
            if unknown:
                raise r.error(f"{path}.params.{unknown[0]}", f"unknown parameter of {source}")
            problem = found.check(params)
            if problem:
                raise r.error(f"{path}.params", problem)
            if counting and kind != "veto":
                one["per"] = self.number(item, "per", path, required=False, default=1, minimum=0.01)
            if source == "township_indicator":
                for key in params["shares"]:
                    self.unit_key(str(key), f"{path}.params.shares.{key}")
        elif params:
            raise r.error(f"{path}.params", "a manual item takes no parameters")
        return one


def units_of(group: dict, organisation) -> list:
    """The active units a group assesses, in the organisation's order."""
    units = Unit.objects.filter(organisation=organisation, active=True)
    selector = group["units"]
    if selector["kind"]:
        units = units.filter(kind=UNIT_KINDS[selector["kind"]])
        if selector["keys"]:
            units = units | Unit.objects.filter(organisation=organisation, active=True, key__in=selector["keys"])
    else:
        units = units.filter(key__in=selector["keys"])
    return list(units.exclude(key__in=selector["exclude"]).order_by("order", "name"))


def _region(arguments):
    return arguments.get("organisation")


@action(SCHEME_SAVED, allow=own_office_or_system(_region))
def save_scheme(user, *, organisation, text: str, source_file: str = "", scheme: Scheme | None = None) -> Scheme:
    """Keep the scheme written in `text`: `scheme` given, as its new rules (its key unchanged); else as a new
    scheme, or (loading a data file) replacing the scheme of its key. Rounds already opened keep the scheme as
    they opened with it."""
    try:
        data = read_scheme(text, source_file or (scheme.source_file if scheme else "") or "scheme.yaml", organisation)
    except DataFileError as error:
        raise ValidationError({"text": str(error)}) from None
    same = Scheme.objects.filter(organisation=organisation, key=data["key"]).first()
    if scheme is not None and data["key"] != scheme.key:
        raise ValidationError({"text": _("Keep the key %(key)s: a scheme's key is not changed.") % {"key": scheme.key}})
    if scheme is None and same is not None and not source_file:
        raise ValidationError(
            {
                "text": _("A scheme with the key %(key)s exists: change it on its page, or give this one another key.")
                % {"key": data["key"]}
            }
        )
    scheme = scheme or same or Scheme(organisation=organisation, key=data["key"])
    scheme.name, scheme.text, scheme.data = data["name"], text, data
    scheme.source_file = source_file or scheme.source_file
    scheme.save()
    return scheme


def load_files(user, organisation, stdout=None) -> list[Scheme]:
    """Load every scheme file of data/assessment/ (a file the organisation's units do not fit is refused whole)."""
    loaded = []
    for path in sorted(folder().glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        loaded.append(save_scheme(user, organisation=organisation, text=text, source_file=f"assessment/{path.name}"))
        if stdout is not None:
            stdout.write(f"assessment scheme {loaded[-1].key} loaded from {path.name}\n")
    return loaded
