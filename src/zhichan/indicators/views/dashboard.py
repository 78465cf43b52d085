"""The leadership dashboard, the comparison of townships (a city's programme: of its counties) and the full-screen
display: thin views over services (`services/dashboard_figures.py` assembles and caches what they show)."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.asof import as_of, chosen
from zhichan.core.extensions import dashboard_alerts
from zhichan.core.roles import SEE_ALL, STAFF, role_of
from zhichan.core.services.exports import respond
from zhichan.documents.xlsx import Workbook

from ..services import dashboard as board
from ..services.dashboard_figures import cached, dashboard_charts, dashboard_context
from ..services.exports import grid_sheet, ranking_sheet, targets_sheet


@allow(STAFF)
def dashboard(request):
    """The page's figures are rendered once per cache key, as two pieces of HTML (above and below the task
    alerts); only the shell (navigation, the reader's name) and the alerts are rendered per request."""
    _key, (head, body) = cached(request, "page", _page_parts)
    alerts = dashboard_alerts(request) if role_of(request.user) in SEE_ALL else []
    context = {"head": mark_safe(head), "body": mark_safe(body), "alerts": alerts, "shown_day": as_of(request)}
    return render(request, "indicators/dashboard.html", context)


def _page_parts(request, regions, region) -> tuple[str, str]:
    context = dict(dashboard_context(request))
    context["charts"] = dashboard_charts(context)
    # The export link names the choice the key holds, so every request sharing the key gets the same link.
    choice = {
        "region": region.pk if region else None,
        **{n: request.GET.get(n) for n in ("indicator", "period")},
        "as_of": chosen(request),
    }
    context["export_query"] = urlencode({name: value for name, value in choice.items() if value is not None})
    context["as_of_query"] = f"as_of={chosen(request)}" if chosen(request) else ""
    # Rendered without the request: nothing in them is the reader's own (no user, no CSRF token, no nonce).
    return (
        render_to_string("indicators/_dashboard_head.html", context),
        render_to_string("indicators/_dashboard_body.html", context),
    )


@allow(STAFF)
def dashboard_export(request):
    return respond(request, dashboard_workbook)


def dashboard_workbook(request) -> Workbook:
    context = dashboard_context(request)
    words = context["words"]
    sheets = [targets_sheet(context["rows"], context["region"])]
    if context["indicator"]:
        sheets.append(ranking_sheet(context["indicator"], context["period"], context["ranked"], words["ranking_sheet"]))
    sheets.append(grid_sheet(context["indicators"], context["period"], context["grid"], words["grid_sheet"]))
    return Workbook(f"{_('dashboard')}-{context['period']}.xlsx", sheets, rows=_rows(sheets))


def _rows(sheets) -> int:
    return sum(len(sheet.rows) for sheet in sheets)


@allow(STAFF)
def comparison(request):
    context = dict(dashboard_context(request))
    context["export_query"] = request.GET.urlencode()
    context["charts"] = {
        "trends": [],
        "ranking": board.ranking_chart(context["indicator"], context["ranked"]),
        "saveLabel": _("Save as image"),
    }
    return render(request, "indicators/comparison.html", context)


@allow(STAFF)
def comparison_export(request):
    return respond(request, comparison_workbook)


def comparison_workbook(request) -> Workbook:
    context = dashboard_context(request)
    words = context["words"]
    if context["indicator"] is None:
        return Workbook(f"{words['file']}.xlsx", [])
    sheets = [ranking_sheet(context["indicator"], context["period"], context["ranked"], words["ranking_sheet"])]
    return Workbook(f"{words['file']}-{context['indicator'].name}-{context['period']}.xlsx", sheets, _rows(sheets))


@allow(STAFF)
def display(request):
    context = dict(dashboard_context(request))
    context["charts"] = dashboard_charts(context)
    context["charts"]["dark"] = True
    context["refresh"] = getattr(settings, "DISPLAY_REFRESH_SECONDS", 300)
    context["now"] = timezone.localtime()
    return render(request, "indicators/display.html", context)
