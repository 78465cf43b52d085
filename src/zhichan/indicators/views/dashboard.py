"""The leadership dashboard, the township comparison and the full-screen display: thin views over services."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.extensions import dashboard_alerts
from zhichan.core.roles import SEE_ALL, STAFF, role_of
from zhichan.documents.xlsx import response

from ..services import dashboard as board
from ..services.board import rows_for
from ..services.exports import grid_sheet, ranking_sheet, targets_sheet
from .common import chosen_region, regions_for

CACHE_SECONDS = 3600


def _choice(request, options, name, default):
    wanted = request.GET.get(name)
    return next((o for o in options if str(getattr(o, "pk", o)) == wanted), default)


def cached(request, name: str, build):
    """`build(request, regions, region)` for this request, cached until the values, an indicator, a target or a
    region change (`values_version`), per day (status and forecast depend on it), language, choice and the set
    of regions the reader may see: the dashboards are read far more often than the values are computed."""
    regions = regions_for(request.user)
    region = chosen_region(request, regions)
    parts = [
        board.values_version(),
        timezone.localdate(),
        get_language(),
        region.pk if region else None,
        request.GET.get("period"),
        request.GET.get("indicator"),
        [r.pk for r in regions],
    ]
    key = f"dashboard:{name}:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = build(request, regions, region)
        cache.set(key, found, CACHE_SECONDS)
    return key, found


def dashboard_context(request):
    """The region, headline rows, period, chosen indicator, townships, ranking and grid of one request."""
    key, context = cached(request, "context", _context)
    context["key"] = key  # names the page's cached fragments
    return context


def _context(request, regions, region):
    rows = rows_for(region) if region else []
    indicators = [row.indicator for row in rows]
    periods = board.month_periods(region)
    current = board.current_period(rows, timezone.localdate())
    period = _choice(request, periods, "period", current)
    places = board.townships(region, regions)
    grid = board.grid(indicators, period, places)
    indicator = _choice(request, indicators, "indicator", board.first_ranked(rows, grid))
    ranked = board.ranking(indicator, period, places) if indicator else []
    return {
        "region": region,
        "regions": regions,
        "rows": rows,
        "indicators": indicators,
        "periods": periods,
        "period": period,
        "indicator": indicator,
        "places": places,
        "ranked": ranked,
        "grid": grid,
        "computed": board.latest_computation(),  # part of the cache key, so never older than the figures
    }


def dashboard_charts(context):
    return {
        "trends": board.trends(context["rows"], context["region"]),
        "ranking": board.ranking_chart(context["indicator"], context["ranked"]),
        "targetLabel": _("target"),
        "saveLabel": _("Save as image"),
    }


@allow(STAFF)
def dashboard(request):
    context = dashboard_context(request)
    context["charts"] = dashboard_charts(context)
    context["alerts"] = dashboard_alerts() if role_of(request.user) in SEE_ALL else []
    return render(request, "indicators/dashboard.html", context)


@allow(STAFF)
def dashboard_export(request):
    context = dashboard_context(request)
    sheets = [targets_sheet(context["rows"], context["region"])]
    if context["indicator"]:
        sheets.append(ranking_sheet(context["indicator"], context["period"], context["ranked"]))
    sheets.append(grid_sheet(context["indicators"], context["period"], context["grid"]))
    return response(f"{_('dashboard')}-{context['period']}.xlsx", sheets)


@allow(STAFF)
def comparison(request):
    context = dashboard_context(request)
    context["charts"] = {
        "trends": [],
        "ranking": board.ranking_chart(context["indicator"], context["ranked"]),
        "saveLabel": _("Save as image"),
    }
    return render(request, "indicators/comparison.html", context)


@allow(STAFF)
def comparison_export(request):
    context = dashboard_context(request)
    if context["indicator"] is None:
        return response(f"{_('comparison')}.xlsx", [])
    sheet = ranking_sheet(context["indicator"], context["period"], context["ranked"])
    return response(f"{_('comparison')}-{context['indicator'].code}-{context['period']}.xlsx", [sheet])


@allow(STAFF)
def display(request):
    context = dashboard_context(request)
    context["charts"] = dashboard_charts(context)
    context["charts"]["dark"] = True
    context["refresh"] = getattr(settings, "DISPLAY_REFRESH_SECONDS", 300)
    context["now"] = timezone.localtime()
    return render(request, "indicators/display.html", context)
