"""CNIPA's evaluation index as data the office enters (YAML, the format of docs/assessment.md): reading a version,
refusing what is wrong with the file, the path and the reason, and keeping it. CNIPA's list is not published in any
source found, so the platform ships none: every indicator, weight and rule comes from the document the office holds.
What the platform fills in for an indicator is named by its `computed_from` (services/account.py reads it)."""

import re

from django.core.exceptions import ValidationError

from zhichan.core.actions import action, own_office_or_system
from zhichan.core.services.datafile import DataFileError, Reader
from zhichan.indicators.models import Indicator
from zhichan.programme.models import Target

from ..events import EVALUATION_INDEX_SAVED
from ..models import EvaluationIndex

TOP = {"key", "version", "name", "source", "illustrative", "indicators"}
INDICATOR = {
    "key",
    "name",
    "group",
    "definition",
    "unit",
    "type",
    "points",
    "scoring_rule",
    "evidence",
    "source",
    "computed_from",
}
TYPES = ("quantitative", "qualitative")
TARGET, INDICATOR_CODE = "target", "indicator"
SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
LIMITS = {"key": 60, "version": 40, "name": 200, "source": 300}
TEXTS = ("group", "definition", "unit", "scoring_rule", "evidence", "source")


def read_index(text: str, file: str = "evaluation-index.yaml", organisation=None) -> dict:
    """The index in `text` as data, or DataFileError naming the file, the path inside it and what is wrong. Each
    `computed_from` must name a target of the organisation's programmes (all programmes without one) or an
    indicator the platform computes."""
    return _Index(Reader.from_text(file, text), organisation).read()


def fillable(organisation=None) -> dict[str, set]:
    """What a `computed_from` may name: the target codes of the organisation's programmes and the indicator codes."""
    targets = Target.objects.all()
    if organisation is not None:
        targets = targets.filter(programme__region=organisation)
    return {
        TARGET: set(targets.values_list("code", flat=True)),
        INDICATOR_CODE: set(Indicator.objects.values_list("code", flat=True)),
    }


class _Index:
    def __init__(self, reader: Reader, organisation):
        self.r, self.known = reader, fillable(organisation)

    def text(self, mapping, key, path, required=True):
        value = self.r.get(mapping, key, path, required=required, default="")
        here = f"{path}.{key}" if path else key
        if required and not value.strip():
            raise self.r.error(here, "is required")
        if key in LIMITS and not path and len(value) > LIMITS[key]:
            raise self.r.error(here, f"at most {LIMITS[key]} characters")
        return value.strip()

    def read(self) -> dict:
        r, data = self.r, self.r.data
        r.only(data, TOP, "")
        index = {
            "key": self.text(data, "key", ""),
            "version": self.text(data, "version", ""),
            "name": self.text(data, "name", ""),
            "source": self.text(data, "source", ""),
            "illustrative": r.get(data, "illustrative", "", kind=bool, required=False, default=False),
            "indicators": [],
        }
        if not SLUG.match(index["key"]):
            raise r.error("key", f"expected letters, digits, - and _ only, got {index['key']!r}")
        seen = set()
        for path, item in r.items(data, "indicators", required=True):
            one = self.indicator(path, item)
            if one["key"] in seen:
                raise r.error(f"{path}.key", f"duplicate indicator {one['key']!r}")
            seen.add(one["key"])
            index["indicators"].append(one)
        if not index["indicators"]:
            raise r.error("indicators", "list at least one indicator")
        return index

    def indicator(self, path: str, item: dict) -> dict:
        r = self.r
        r.only(item, INDICATOR, path)
        one = {
            "key": self.text(item, "key", path),
            "name": self.text(item, "name", path),
            "type": r.choice(item, "type", path, set(TYPES)),
            "points": self.points(item, path),
            "computed_from": self.computed_from(item, path),
        }
        for name in TEXTS:
            one[name] = self.text(item, name, path, required=False)
        if one["type"] == "qualitative" and one["computed_from"]:
            raise r.error(f"{path}.computed_from", "a qualitative indicator is judged, not computed: remove it")
        return one

    def points(self, item: dict, path: str):
        value = self.r.get(item, "points", path, kind=(int, float), required=False)
        if isinstance(value, bool) or (value is not None and value < 0):
            raise self.r.error(f"{path}.points", f"expected a number of points of at least 0, got {value!r}")
        return value

    def computed_from(self, item: dict, path: str) -> dict | None:
        """ "T1" or "target:T1" (a programme target), "<code>" or "indicator:<code>" (an indicator)."""
        value = self.r.get(item, "computed_from", path, required=False)
        if value is None:
            return None
        value = value.strip()
        kind, _colon, code = value.partition(":") if ":" in value else ("", "", value)
        kinds = [kind] if kind else [TARGET, INDICATOR_CODE]
        if kind and kind not in (TARGET, INDICATOR_CODE):
            raise self.r.error(f"{path}.computed_from", f"expected target:<code> or indicator:<code>, got {value!r}")
        for found in kinds:
            if code in self.known[found]:
                return {"kind": found, "code": code}
        raise self.r.error(
            f"{path}.computed_from",
            f"unknown {kind or 'target or indicator'} {code!r} (a target code of the programme, such as T1, or an "
            "indicator code of the indicator list)",
        )


def _region(arguments):
    return arguments.get("organisation")


@action(EVALUATION_INDEX_SAVED, allow=own_office_or_system(_region), data=lambda a, r: {"version": r.version})
def save_index(user, *, organisation, text: str, source_file: str = "") -> EvaluationIndex:
    """Keep the version written in `text`: a new version (key and version) is added beside the others, a known one
    takes the text given."""
    try:
        data = read_index(text, source_file or "evaluation-index.yaml", organisation)
    except DataFileError as error:
        raise ValidationError({"text": str(error)}) from None
    index = EvaluationIndex.objects.filter(
        organisation=organisation, key=data["key"], version=data["version"]
    ).first() or EvaluationIndex(organisation=organisation, key=data["key"], version=data["version"])
    index.name, index.source_document, index.text, index.data = data["name"], data["source"], text, data
    index.save()
    return index
