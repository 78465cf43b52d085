"""The places the dashboards compare (the ranking, the grid, the comparison page): the level right below the
programme's region.

A county's programme compares its townships (every township-level division and zone in the chosen region's
subtree); a city's programme compares its counties, one level up: the regions right below the city (its counties,
county-level cities and districts, and any zone of the city's own), within the chosen region's subtree. The words
the pages and exports use name that level.
"""

from django.utils.translation import gettext as _

from zhichan.core.models import Region, RegionKind

TOWNSHIPS, COUNTIES = "townships", "counties"


def level_of(programme) -> str:
    """The level a programme's dashboards compare: counties below a city, townships otherwise."""
    region = getattr(programme, "region", None)
    if region is not None and region.kind == RegionKind.CITY:
        return COUNTIES
    return TOWNSHIPS


def places(region, regions, programme) -> list:
    """The visible regions of the compared level in the chosen region's subtree (the region itself when it is
    one), in tree order."""
    if region is None:
        return []
    inside = [r for r in regions if r.path.startswith(region.path)]
    if level_of(programme) == COUNTIES:
        below = len(programme.region.path) + Region.steplen
        return [r for r in inside if r.path.startswith(programme.region.path) and len(r.path) == below]
    levels = set(RegionKind.township_level())
    return [r for r in inside if r.kind in levels]


def words(level: str) -> dict[str, str]:
    """What the pages and exports call the compared places (in the active language)."""
    if level == COUNTIES:
        return {
            "comparison": _("County comparison"),
            "ranking": _("County ranking"),
            "grid": _("Counties × indicators"),
            "none": _("No counties in this region."),
            "no_value": _("No county has a value for this indicator and period; the table says why."),
            "shades": _(
                "Darker cells are closer to the highest county in their column; grey cells have no value (hover for "
                "the reason)."
            ),
            "note": _(
                "Each county's value is the indicator's own value for that county: per 10,000 residents where the "
                "indicator divides by population, a count where it counts, and a rate as the county's total "
                "numerator over its total denominator. Counties without a value are listed last with the reason "
                "(for instance no population figure)."
            ),
            "ranking_sheet": _("County ranking"),
            "grid_sheet": _("Counties"),
            "file": _("county comparison"),
        }
    return {
        "comparison": _("Township comparison"),
        "ranking": _("Township ranking"),
        "grid": _("Townships × indicators"),
        "none": _("No townships in this region."),
        "no_value": _("No township has a value for this indicator and period; the table says why."),
        "shades": _(
            "Darker cells are closer to the highest township in their column; grey cells have no value (hover for "
            "the reason)."
        ),
        "note": _(
            "Each township's value is the indicator's own value for that township: per 10,000 residents where the "
            "indicator divides by population, a count where it counts, and a rate as the township's total numerator "
            "over its total denominator. Townships without a value are listed last with the reason (for instance no "
            "population figure)."
        ),
        "ranking_sheet": _("Ranking"),
        "grid_sheet": _("Townships"),
        "file": _("comparison"),
    }
