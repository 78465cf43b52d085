"""Reading the YAML data files that describe a programme's regions and organisation.

Errors name the file, the path inside it and what was expected, e.g.
`organisations/x.yaml: committees[0].members[3].unit: unknown unit "amrr"`.
"""

import datetime
import functools
from pathlib import Path

import yaml
from django.conf import settings


class DataFileError(ValueError):
    def __init__(self, file, path: str, message: str):
        self.file, self.path, self.message = str(file), path, message
        super().__init__(f"{file}: {path}: {message}" if path else f"{file}: {message}")


class Reader:
    """Walks a parsed YAML document, raising DataFileError with the path of whatever is wrong."""

    def __init__(self, file: str | Path, data=None):
        self.file = Path(file)
        if data is None:
            try:
                data = _parsed(self.file, self.file.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise DataFileError(self.file, "", "file not found") from None
        if not isinstance(data, dict):
            raise DataFileError(self.file, "", "expected a mapping at the top level")
        self.data = data

    @classmethod
    def from_text(cls, file: str | Path, text: str) -> "Reader":
        """A reader of YAML typed on a page (`file` names it in the messages), with the errors of a file."""
        parsed = _parsed(file, text)
        return cls(file, [] if parsed is None else parsed)  # empty text: not a mapping, said as for a file

    def error(self, path: str, message: str) -> DataFileError:
        return DataFileError(self.file, path, message)

    def get(self, mapping: dict, key: str, path: str, kind=str, required=True, default=None):
        here = f"{path}.{key}" if path else key
        if key not in mapping or mapping[key] is None:
            if required:
                raise self.error(here, "is required")
            return default
        value = mapping[key]
        # Codes written without quotes become text; a float such as 4.10 would lose digits, so it is refused.
        if kind is str and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # codes written without quotes
        if kind is datetime.date and isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                raise self.error(here, f"expected a date like 2022-01-25, got {value!r}") from None
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            raise self.error(here, f"expected {_kind_name(kind)}, got {value!r}")
        return value

    def items(self, mapping: dict, key: str, path: str = "", required=False):
        """The list under `key`, each item with its path (`key[3]`)."""
        values = self.get(mapping, key, path, kind=list, required=required, default=[])
        here = f"{path}.{key}" if path else key
        for index, item in enumerate(values):
            if not isinstance(item, dict):
                raise self.error(f"{here}[{index}]", f"expected a mapping, got {item!r}")
            yield f"{here}[{index}]", item

    def choice(self, mapping: dict, key: str, path: str, choices, required=True, default=None):
        value = self.get(mapping, key, path, required=required, default=default)
        if value is not None and value not in choices:
            expected = ", ".join(sorted(choices))
            raise self.error(f"{path}.{key}" if path else key, f"expected one of {expected}, got {value!r}")
        return value

    def only(self, mapping: dict, allowed: set[str], path: str):
        """Refuse keys the format does not know, so a misspelt key is not silently ignored."""
        unknown = sorted(set(mapping) - allowed)
        if unknown:
            raise self.error(f"{path}.{unknown[0]}", f"unknown key (expected one of {', '.join(sorted(allowed))})")


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key given twice in one mapping (PyYAML would keep the last silently: an item
    entered twice, or a value overwritten by a copy-and-paste)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _parsed(file, text: str):
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataFileError(file, where, f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    except ValueError as exc:  # a well-formed but impossible value, such as the date 2021-13-31
        raise DataFileError(file, "", f"impossible value: {exc}") from None


_KIND_NAMES = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
    datetime.date: "a date",
}


def _kind_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(_KIND_NAMES.get(k, k.__name__) for k in kinds)


def data_files(kind: str) -> dict[str, Path]:
    """The data files of a kind ("regions", "organisations") shipped in data/, by file name."""
    folder = settings.PROJECT_DIR / "data" / kind
    return {path.name: path for path in sorted(folder.glob("*.yaml"))}


# The key naming the region a file is about: a region file's division, an organisation file's region.
_REGION_KEY = {"regions": "division", "organisations": "region"}


def data_files_for(user, kind: str) -> dict[str, Path]:
    """The data files of a kind that the user's office may reload: those about its own organisation's region.
    An account without a unit (the operator's) may load any, a new region's included."""
    files = data_files(kind)
    if user is None or not user.unit_id:
        return files
    own = user.unit.organisation.code
    return {name: path for name, path in files.items() if _region_code(path, path.stat().st_mtime) == own}


@functools.lru_cache(maxsize=64)
def _region_code(path: Path, mtime: float) -> str:
    with open(path, encoding="utf-8") as stream:
        content = yaml.safe_load(stream) or {}
    return str(content.get(_REGION_KEY[path.parent.name], "")) if isinstance(content, dict) else ""
