"""Mapping profiles: which header of a file holds which field of a kind, with the synonyms exports use. Data in
data/import-profiles/*.yaml; each profile names its kind."""

import os
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.utils.translation import get_language

from ..messages import SEPARATED, bracketed, listed
from ..messages import gettext_key as _  # a refused file's reason is kept as a key (errors.py)
from .errors import FileRejected


def profiles_dir() -> Path:
    default = settings.PROJECT_DIR / "data" / "import-profiles"
    return Path(os.environ.get("ZHICHAN_IMPORT_PROFILES_DIR", default))


def fold_header(header) -> str:
    """Headers compared without width, spaces or case: 申请(专利权)人 and 申请（专利权）人 are one header."""
    if header is None:
        return ""
    return "".join(unicodedata.normalize("NFKC", str(header)).split()).lower()


@dataclass(frozen=True)
class Profile:
    name: str
    kind: str
    label: str
    required: tuple[str, ...]
    fields: dict[str, tuple[str, ...]]
    template: bool = False
    example: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)
    label_en: str = ""

    @property
    def display_label(self) -> str:
        """The profile's name in the reader's language: its file gives a Chinese label and an English one."""
        return self.label_en if get_language() == "en" and self.label_en else self.label

    def template_headers(self) -> list[tuple[str, str]]:
        """(field, header) in template order: the first header of each field."""
        return [(name, headers[0]) for name, headers in self.fields.items()]

    def match(self, headers: list) -> dict[str, int]:
        """field → column index for the headers of a file (the first column naming a field)."""
        return {name: indexes[0] for name, indexes in self.match_all(headers).items()}

    def match_all(self, headers: list) -> dict[str, tuple[int, ...]]:
        """field → every column naming it, in the file's order: when two columns map to one field, a row's
        filled cell wins over an empty one (rows.py), so an empty synonym never hides a filled one."""
        wanted = {fold_header(h): name for name, synonyms in self.fields.items() for h in synonyms}
        found: dict[str, list[int]] = {}
        for index, header in enumerate(headers):
            name = wanted.get(fold_header(header))
            if name is not None:
                found.setdefault(name, []).append(index)
        return {name: tuple(indexes) for name, indexes in found.items()}


def _profile(data: dict) -> Profile:
    return Profile(
        name=data["name"],
        kind=data["kind"],
        label=data.get("label", data["name"]),
        label_en=data.get("label_en", ""),
        required=tuple(data.get("required", ())),
        fields={name: tuple(str(h) for h in headers) for name, headers in data["fields"].items()},
        template=bool(data.get("template", False)),
        example={k: "" if v is None else str(v) for k, v in (data.get("example") or {}).items()},
        notes=data.get("notes") or {},
    )


@cache
def _read(path: str) -> Profile:
    return _profile(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


@cache
def _load_all(directory: str) -> tuple[Profile, ...]:
    return tuple(_read(str(path)) for path in sorted(Path(directory).glob("*.yaml")))


def _declared() -> list[Profile]:
    """The profiles kinds declare themselves (a file in the app's own folder, or the data as a dict)."""
    from .kinds import all_kinds

    return [
        _profile(data) if isinstance(data, dict) else _read(str(data)) for kind in all_kinds() for data in kind.profiles
    ]


def all_profiles(kind: str | None = None) -> list[Profile]:
    """The profiles of data/import-profiles/ (or ZHICHAN_IMPORT_PROFILES_DIR), then those the kinds declare."""
    found = [*_load_all(str(profiles_dir())), *_declared()]
    return [p for p in found if kind is None or p.kind == kind]


def get_profile(name: str, kind: str) -> Profile:
    for profile in all_profiles(kind):
        if profile.name == name:
            return profile
    names = ", ".join(p.name for p in all_profiles(kind))
    raise FileRejected(
        _("There is no mapping profile %(name)s for this kind; profiles: %(names)s.") % {"name": name, "names": names}
    )


def template_profile(kind: str) -> Profile:
    return next(p for p in all_profiles(kind) if p.template)


def detect(kind: str, headers: list, name: str = "") -> tuple[Profile, dict[str, int]]:
    """The profile (given by name, or the best fit) and its field → column map; FileRejected if a required
    field has no column, naming the missing fields and the headers found."""
    candidates = [get_profile(name, kind)] if name else all_profiles(kind)
    best = None
    for profile in candidates:
        columns = profile.match(headers)
        missing = [f for f in profile.required if f not in columns]
        score = (not missing, len(columns))
        if best is None or score > best[0]:
            best = (score, profile, columns, missing)
    if best is None:
        raise FileRejected(_("No mapping profile is defined for this kind."))
    _score, profile, columns, missing = best
    if missing:
        shown = [str(h) for h in headers if h not in (None, "")]
        raise FileRejected(
            _("The header row lacks a required column: %(missing)s (profile %(profile)s). Headers found: %(found)s.")
            % {
                "missing": listed(
                    [bracketed(label_of(f, kind), " / ".join(profile.fields[f])) for f in missing], SEPARATED
                ),
                "profile": profile.display_label,
                "found": "、".join(shown) or _("none"),
            }
        )
    return profile, columns


def ignored_headers(headers: list, columns: dict[str, tuple[int, ...]]) -> list[str]:
    """The headers of a file that no field takes, as the file writes them: the summary lists them, so that no
    column is dropped silently."""
    taken = {index for indexes in columns.values() for index in indexes}
    return [str(h).strip() for index, h in enumerate(headers) if index not in taken and str(h or "").strip()]


def known_headers(kind: str) -> set[str]:
    """Every header any profile of the kind knows, folded: how the header row is found below a title."""
    return {fold_header(h) for p in all_profiles(kind) for headers in p.fields.values() for h in headers}


def label_of(name: str, kind: str):
    """The field's label as the kind declares it (a lazy text follows each reader's language when kept)."""
    from .kinds import get_kind

    return get_kind(kind).label_of(name)


def field_label(name: str, kind: str) -> str:
    from .kinds import get_kind

    return str(get_kind(kind).label_of(name))
