"""Copyright registrations and geographical indications: lists, exports and detail pages."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core import columns
from zhichan.core.access import allow
from zhichan.core.services.exports import respond
from zhichan.documents import xlsx

from ..columns import COPYRIGHTS, GEOGRAPHICAL_INDICATIONS
from ..filters import CopyrightFilter, GIFilter
from ..models import Copyright, GeographicalIndication
from .common import READERS, export_note, filtered, legal_history, list_context, rows_of


def _copyrights():
    return Copyright.objects.select_related("region").prefetch_related("owners")


def _gis():
    return GeographicalIndication.objects.select_related("region", "holder", "trademark")


@require_safe
@allow(READERS)
def copyright_list(request):
    context = list_context(request, filtered(request, CopyrightFilter, _copyrights()))
    return render(request, "registry/copyright_list.html", context)


@require_safe
@allow(READERS)
def copyright_export(request):
    return respond(request, copyright_workbook)


def copyright_workbook(request) -> xlsx.Workbook:
    copyrights = filtered(request, CopyrightFilter, _copyrights()).qs
    title = _("Copyright registrations")
    # lazy: read as the rows are written, in the background when large
    sheet = columns.sheet(title, COPYRIGHTS, rows_of(copyrights), note=export_note(title))
    return xlsx.Workbook(
        f"{_('Copyright registration list')}-{timezone.localdate():%Y%m%d}.xlsx", [sheet], rows=copyrights.count()
    )


@require_safe
@allow(READERS, scope=Copyright)
def copyright_detail(request, pk):
    record = get_object_or_404(
        Copyright.objects.visible_to(request.user).select_related("region", "import_batch"), pk=pk
    )
    context = {
        "record": record,
        "owners": record.owners.visible_to(request.user).select_related("region"),
        "history": record.history.select_related("history_user")[:20],
        **legal_history(request.user, record),
    }
    return render(request, "registry/copyright_detail.html", context)


@require_safe
@allow(READERS)
def gi_list(request):
    context = list_context(request, filtered(request, GIFilter, _gis()))
    return render(request, "registry/gi_list.html", context)


@require_safe
@allow(READERS)
def gi_export(request):
    return respond(request, gi_workbook)


def gi_workbook(request) -> xlsx.Workbook:
    gis = filtered(request, GIFilter, _gis()).qs
    title = _("Geographical indications")
    sheet = columns.sheet(title, GEOGRAPHICAL_INDICATIONS, rows_of(gis), note=export_note(title))
    return xlsx.Workbook(
        f"{_('Geographical indication list')}-{timezone.localdate():%Y%m%d}.xlsx", [sheet], rows=gis.count()
    )


@require_safe
@allow(READERS, scope=GeographicalIndication)
def gi_detail(request, pk):
    record = get_object_or_404(
        GeographicalIndication.objects.visible_to(request.user).select_related(
            "region", "holder", "trademark", "import_batch"
        ),
        pk=pk,
    )
    context = {
        "record": record,
        # The holder is linked only when the user may open it; the trademark likewise.
        "holder_visible": record.holder_id is not None
        and record.holder._meta.model.objects.visible_to(request.user).filter(pk=record.holder_id).exists(),
        "trademark_visible": record.trademark_id is not None
        and record.trademark._meta.model.objects.visible_to(request.user).filter(pk=record.trademark_id).exists(),
        "history": record.history.select_related("history_user")[:20],
    }
    return render(request, "registry/gi_detail.html", context)
