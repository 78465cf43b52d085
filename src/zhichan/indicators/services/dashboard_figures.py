"""The figures one request to the dashboards shows (the page, its export, the comparison, the display screen and
the API), assembled once per choice and cached.

`dashboard_context(request)` reads the reader's regions and the request's choice (`?region`, `?period`,
`?indicator`, `?as_of`; the programme chosen in the session) and returns the region, headline rows, periods, chosen
indicator, the places compared (services/places.py: townships, or a city's counties), ranking and grid;
`cached(request, name, build)` keeps anything else built from the same choice (the page's HTML, the API's JSON)
under the same key. The key moves with `values_version()`, so nothing cached outlives the figures.
"""

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from zhichan.core import versions
from zhichan.core.asof import as_of

from . import dashboard as board
from . import places as compared
from .board import rows_for
from .programmes import chosen_programme
from .readings import reading_key
from .scope import scope_for
from .wording import formula_of, labels

CACHE_SECONDS = 3600


def _choice(request, options, name, default):
    wanted = request.GET.get(name)
    return next((o for o in options if str(getattr(o, "pk", o)) == wanted), default)


def cache_key(request, name: str, regions, region, version: str) -> str:
    """The key of what `name` shows this request: it changes when the values, an indicator, a target, a
    programme or a region change (`version`: `values_version()`), and differs per day (status and forecast depend
    on it), the day shown (`as_of`), the programme chosen, language, choice and the set of regions the reader may
    see."""
    return versions.cache_key(f"dashboard:{name}", _parts(request, regions, region, version))


def _parts(request, regions, region, version: str) -> list:
    programme = chosen_programme(request)
    return [
        version,
        programme.key if programme else None,
        timezone.localdate(),
        as_of(request),
        get_language(),
        region.pk if region else None,
        request.GET.get("period"),
        request.GET.get("indicator"),
        [r.pk for r in regions],
    ]


def cached(request, name: str, build):
    """`build(request, regions, region)` for this request, cached under `cache_key` (core/versions.py:
    `remember`): the dashboards are read far more often than the values are computed."""
    version = board.values_version()
    regions, region = scope_for(request, version)
    parts = _parts(request, regions, region, version)
    found = versions.remember(f"dashboard:{name}", parts, lambda: build(request, regions, region), CACHE_SECONDS)
    return versions.cache_key(f"dashboard:{name}", parts), found


def dashboard_context(request) -> dict:
    """The region, headline rows, period, chosen indicator, compared places, ranking and grid of one request."""
    _key, context = cached(request, "context", _context)
    return context


def _context(request, regions, region):
    day = as_of(request)
    programme = chosen_programme(request)
    key = reading_key(programme)
    rows = rows_for(region, day, programme) if region else []
    names = labels()
    for row in rows:
        row.formula = formula_of(row.indicator, names)  # the tooltips and the API say what the figure divides
    indicators = [row.indicator for row in rows]
    periods = board.month_periods(key, region, until=day)
    current = board.current_period(rows, day)
    period = _choice(request, periods, "period", current)
    level = compared.level_of(programme)
    places = compared.places(region, regions, programme)
    grid = board.grid(key, indicators, period, places)
    indicator = _choice(request, indicators, "indicator", board.first_ranked(rows, grid))
    lowest_first = board.lower_is_better(rows, indicator)
    ranked = board.ranking(key, indicator, period, places, lowest_first) if indicator else []
    return {
        "programme": programme,
        "region": region,
        "regions": regions,
        "rows": rows,
        "indicators": indicators,
        "periods": periods,
        "period": period,
        "indicator": indicator,
        "places": places,
        "level": level,
        "words": compared.words(level),  # the context is cached per language
        "ranked": ranked,
        "grid": grid,
        "computed": board.latest_computation(),  # part of the cache key, so never older than the figures
    }


def dashboard_charts(context) -> dict:
    """The charts' data of a dashboard context: the trend lines and the ranking's bars."""
    return {
        "trends": board.trends(context["rows"], context["region"]),
        "ranking": board.ranking_chart(context["indicator"], context["ranked"]),
        "targetLabel": _("target"),
        "saveLabel": _("Save as image"),
    }
