"""Holders and regions of imported rows: enterprises by credit code or exact name, townships by address.

Built once per import from the enterprise register, the region tree and the village list; every answer is
cached, because exports repeat the same applicants and addresses on many rows. Rules: docs/imports.md.
"""

import csv
import re
from functools import cache

from zhichan.core.imports.values import fold_name, split_list
from zhichan.core.models import Region
from zhichan.core.models.regions import RegionKind
from zhichan.core.services.divisions import divisions_dir

from ...identifiers import IdentifierError, parse_uscc
from ...models import Enterprise

VILLAGE_SUFFIXES = ("村民委员会", "居民委员会", "村委会", "居委会", "委员会")
# A division above the township named in an address before the township: 晋江市安海镇 is not ours.
_OTHER_DIVISION = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|县|区|旗)")


def village_short_name(name: str) -> str:
    """溪美社区居委会 → 溪美社区, 凤巢村委会 → 凤巢村: the name an address uses."""
    for suffix in VILLAGE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@cache
def villages_of(county_code: str) -> tuple[tuple[str, str], ...]:
    """(short village name, township code) for every village of a county in the national list.

    The list has 620,000 lines; only those whose code starts with the county's are parsed.
    """
    path = divisions_dir() / "villages.csv"
    if not path.exists() or not county_code:
        return ()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader([handle.readline()]))
        lines = [line for line in handle if line.startswith(county_code)]
    found = []
    for row in csv.DictReader(lines, fieldnames=header):
        if row["areaCode"] == county_code:
            found.append((village_short_name(row["name"]), row["streetCode"]))
    return tuple(found)


class RegionMatcher:
    """The township an address names (itself or one of its villages), else the county it names, else None."""

    def __init__(self):
        self.counties = []  # (names the address may use, county id, [(name, township id)])
        for county in Region.objects.filter(kind__in=RegionKind.county_level()):
            townships = list(Region.objects.filter(path__startswith=county.path, depth=county.depth + 1))
            by_code = {t.code: t.pk for t in townships if t.code}
            names = [(t.name, t.pk) for t in townships]
            village_names: dict[str, set] = {}
            for name, street in villages_of(county.code or ""):
                if street in by_code:
                    village_names.setdefault(name, set()).add(by_code[street])
            # A village name shared by two townships says nothing.
            names += [(name, next(iter(ids))) for name, ids in village_names.items() if len(ids) == 1]
            names.sort(key=lambda item: -len(item[0]))  # the longest name first: 水头镇 before 水头
            pattern = re.compile("|".join(re.escape(name) for name, _ in names)) if names else None
            county_names = {county.name}
            short = re.sub(r"(市|县|区)$", "", county.name)
            if len(short) >= 2:
                county_names.add(short)
            ancestors = [a.name for a in Region.objects.get_ancestors(county)]
            self.counties.append((county_names, county.pk, pattern, dict(names), ancestors))
        self._cache: dict[str, int | None] = {}

    def __call__(self, address: str) -> int | None:
        if not address:
            return None
        try:
            return self._cache[address]
        except KeyError:
            pass
        result = self._match(fold_name(address))
        if len(self._cache) < 500_000:
            self._cache[address] = result
        return result

    def _match(self, address: str) -> int | None:
        for county_names, county_id, pattern, names, ancestors in self.counties:
            at = min((address.find(n) for n in county_names if n in address), default=-1)
            found = pattern.search(address, max(at, 0)) if pattern else None
            if found and (at >= 0 or not self._names_another_division(address[: found.start()], ancestors)):
                return names[found[0]]
            if at >= 0:
                return county_id
        return None

    @staticmethod
    def _names_another_division(prefix: str, ancestors: list[str]) -> bool:
        for name in ancestors:
            prefix = prefix.replace(name, "")
        return bool(_OTHER_DIVISION.search(prefix))


class HolderMatcher:
    """Enterprise ids (and the first one's region) for a credit-code cell or a names cell."""

    def __init__(self):
        self.by_uscc: dict[str, tuple[int, int]] = {}
        by_name: dict[str, tuple[int, int] | None] = {}
        for pk, name, uscc, region_id, merged in Enterprise.objects.values_list(
            "pk", "name", "uscc", "region_id", "merged_into_id"
        ):
            if merged is not None:
                continue  # a merged enterprise's rights belong to its successor
            if uscc:
                self.by_uscc[uscc] = (pk, region_id)
            key = fold_name(name)
            by_name[key] = None if key in by_name else (pk, region_id)  # two of one name: ambiguous
        self.by_name = {k: v for k, v in by_name.items() if v is not None}
        self._names: dict[str, tuple] = {}
        self._codes: dict[str, tuple] = {}

    def by_names(self, cell: str) -> tuple[tuple[int, ...], int | None]:
        try:
            return self._names[cell]
        except KeyError:
            pass
        found = [self.by_name[key] for key in (fold_name(n) for n in split_list(cell)) if key in self.by_name]
        result = (tuple(dict.fromkeys(pk for pk, _ in found)), found[0][1] if found else None)
        if len(self._names) < 500_000:
            self._names[cell] = result
        return result

    def by_codes(self, cell: str) -> tuple[tuple[int, ...], int | None]:
        """Raises IdentifierError for a code that is not a valid credit code."""
        try:
            return self._codes[cell]
        except KeyError:
            pass
        found = []
        for code in split_list(cell):
            normalized = parse_uscc(code).normalized
            if normalized in self.by_uscc:
                found.append(self.by_uscc[normalized])
        result = (tuple(dict.fromkeys(pk for pk, _ in found)), found[0][1] if found else None)
        if len(self._codes) < 500_000:
            self._codes[cell] = result
        return result


__all__ = ["HolderMatcher", "IdentifierError", "RegionMatcher"]
