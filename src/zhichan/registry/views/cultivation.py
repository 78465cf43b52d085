"""The cultivation pipeline (企业培育): enterprises on the lead-goose and little-giant lists and those with a GB/T 29490
certificate, for the staff, scoped by the enterprise's region; and its Excel export."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.roles import STAFF
from zhichan.core.services.exports import respond

from ..models.certifications import warning_days
from ..services.cultivation import cultivation_workbook, pipeline
from .common import PER_PAGE, query_without_page


@require_safe
@allow(STAFF)
def cultivation(request):
    today = timezone.localdate()
    form, rows = pipeline(request.user, request.GET, today)
    context = {
        "filter": {"form": form},
        "page": Paginator(rows, PER_PAGE).get_page(request.GET.get("page")),
        "query": query_without_page(request),
        "today": today,
        "warning_days": warning_days(),
        "titled_count": sum(1 for row in rows if row.titled),
        "certified_count": sum(1 for row in rows if row.state in ("valid", "expiring")),
    }
    return render(request, "registry/cultivation.html", context)


@require_safe
@allow(STAFF)
def cultivation_export(request):
    return respond(request, cultivation_workbook)
