"""GET /api/v1/dashboard/: the leadership dashboard's figures as JSON, chosen as on the page.

`?region=ID&period=YYYY-MM&indicator=ID&as_of=YYYY-MM-DD`, each optional (the page's defaults apply). Read from
the materialized values only, like the page, and scoped the same way: a region the reader may not see is 404. A
target about named sub-regions gives no value of its own (`value` is null) but each named region's value and status
under `parts`, and `parts_met`. The ranking and grid are of the places the page compares (a city's: its counties).
"""

import json
from decimal import Decimal

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from zhichan.core.access import RolePermission
from zhichan.core.params import date_field, id_field, month_field, query
from zhichan.core.roles import STAFF

from .services.dashboard_figures import cached, dashboard_charts, dashboard_context


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _region(region):
    return {"id": region.pk, "code": region.code, "name": region.name, "kind": region.kind}


def _value(row):
    if row is None:
        return None
    return {"id": row.pk, "value": _plain(row.value), "period": row.period, "reason": row.reason}


def _status(status):
    return None if status is None else {key: _plain(v) for key, v in vars(status).items()}


def _part(part):
    return {
        "region": _region(part.region),
        "value": _value(part.value),
        "status": _status(part.status),
        "met": part.met,
    }


def _target_row(row):
    status, forecast, target = row.status, row.forecast, row.target
    return {
        "indicator": {
            "id": row.indicator.pk,
            "code": row.indicator.code,
            "name": row.indicator.name,
            "formula": getattr(row, "formula", ""),
        },
        "unit": row.indicator.unit_of_measure,
        "as_of": row.as_of.isoformat(),
        "value": _value(row.value),
        "target": None
        if target is None
        else {
            "code": target.code,
            "value": _plain(target.value),
            "comparator": target.comparator,
            "deadline": target.deadline.isoformat(),
            "region": target.region_id,
            # the target region's own value when the row is another region's (a township against the county)
            "region_value": _value(row.target_value),
        },
        "status": _status(status),
        "forecast": None if forecast is None else {key: _plain(v) for key, v in vars(forecast).items()},
        # A target about named sub-regions (each must meet it) has no value of its own: each region's, as the page
        # shows them, and how many meet it.
        "parts": [_part(part) for part in row.parts],
        "parts_met": row.parts_met if row.parts else None,
    }


@extend_schema(
    parameters=[
        OpenApiParameter("region", int, description="A region the reader may see (default: the programme's)."),
        OpenApiParameter("period", str, description="A month, YYYY-MM (default: the month the targets are read at)."),
        OpenApiParameter("indicator", int, description="The indicator the township ranking shows."),
        OpenApiParameter(
            "as_of", str, description="A day, YYYY-MM-DD: values, status and forecasts as they stood then."
        ),
    ],
    responses={200: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
@permission_classes([RolePermission])
def dashboard(request):
    query(request, region=id_field(), period=month_field(), indicator=id_field(), as_of=date_field())
    # The JSON itself is cached: a request that finds it neither unpickles nor encodes the figures.
    _key, body = cached(request, "api-json", _json)
    if request.accepted_renderer.format == "json":
        return HttpResponse(body, content_type="application/json")
    return Response(json.loads(body))  # the browsable API renders the same figures


def _json(request, regions, region) -> bytes:
    return JSONRenderer().render(_figures(request))


def _figures(request) -> dict:
    context = dashboard_context(request)
    indicators = context["indicators"]
    return {
        "region": _region(context["region"]) if context["region"] else None,
        "period": context["period"],
        "periods": context["periods"],
        "targets": [_target_row(row) for row in context["rows"]],
        "trends": dashboard_charts(context)["trends"],
        "ranking": {
            "indicator": context["indicator"].code if context["indicator"] else None,
            "rows": [
                {"region": _region(r.region), "rank": r.rank, "value": _value(r.value)} for r in context["ranked"]
            ],
        },
        "grid": {
            "indicators": [indicator.code for indicator in indicators],
            "rows": [
                {"region": _region(row.region), "values": [_value(cell) for cell, _shade in row.cells]}
                for row in context["grid"]
            ],
        },
    }


dashboard.cls.allowed_roles = STAFF
