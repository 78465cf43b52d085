"""The national IPC concordances (data/navigation/concordances/, README there): which industry a patent's IPC
codes fall in. A table left empty is not loaded, and the analysis says so instead of guessing."""

import csv
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Concordance:
    key: str
    title: str  # the table's official name
    file: str


CONCORDANCES = (
    Concordance(
        "national_industry",
        _("Concordance of the IPC and the national economic industry classification (2018)"),
        "ipc-national-industry.csv",
    ),
    Concordance(
        "strategic_emerging",
        _("Concordance of the strategic emerging industries and the IPC (2021, trial)"),
        "ipc-strategic-emerging.csv",
    ),
)


def directory() -> Path:
    default = settings.PROJECT_DIR / "data" / "navigation" / "concordances"
    return Path(os.environ.get("ZHICHAN_CONCORDANCES_DIR", default))


@cache
def rows(key: str) -> tuple[tuple[str, str, str], ...]:
    """(IPC prefix, industry code, industry name) of a table; () when it is empty or missing."""
    found = next(c for c in CONCORDANCES if c.key == key)
    path = directory() / found.file
    if not path.exists():
        return ()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        read = []
        for row in csv.DictReader(handle):
            symbol = "".join((row.get("ipc") or "").split()).upper()
            if symbol.endswith("/00"):
                symbol = symbol[: -len("00")]
            if symbol and row.get("code"):
                read.append((symbol, row["code"].strip(), (row.get("name") or "").strip()))
    return tuple(read)


@cache
def _index(key: str) -> tuple[tuple[int, ...], dict[str, set[str]]]:
    """The table's prefix lengths and, by prefix, its industries: a code is looked up once per length."""
    by_prefix: dict[str, set[str]] = {}
    for prefix, code, _name in rows(key):
        by_prefix.setdefault(prefix, set()).add(code)
    return tuple(sorted({len(prefix) for prefix in by_prefix})), by_prefix


def loaded() -> list[str]:
    return [concordance.key for concordance in CONCORDANCES if rows(concordance.key)]


def industries_of(key: str, codes: list[str]) -> set[str]:
    """The industries of the table `key` the IPC codes fall in."""
    lengths, by_prefix = _index(key)
    found: set[str] = set()
    for code in codes:
        for length in lengths:
            found |= by_prefix.get(code[:length], set())
    return found


def prefixes(key: str, code: str) -> list[str]:
    return [prefix for prefix, industry, _name in rows(key) if industry == code]


def names(key: str) -> dict[str, str]:
    return {code: name for _prefix, code, name in rows(key)}
