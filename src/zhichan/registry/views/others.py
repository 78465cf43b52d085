"""Copyright registrations and geographical indications: lists, exports and detail pages."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.services.exports import respond
from zhichan.documents import xlsx

from ..filters import CopyrightFilter, GIFilter
from ..models import Copyright, GeographicalIndication
from .common import READERS, export_note, filtered, joined, list_context, rows_of, synthetic_cell


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
    rows = (  # lazy: written row by row, in the background when large
        [
            c.registration_number,
            c.get_kind_display(),
            c.get_category_display(),
            c.title,
            c.owner_name,
            joined(c.owners.all()),
            c.region.name if c.region else "",
            c.completion_date,
            c.first_publication_date,
            c.registration_date,
            c.source,
            synthetic_cell(c),
        ]
        for c in rows_of(copyrights)
    )
    headers = [
        _("registration number"),
        _("kind"),
        _("category of work"),
        _("title"),
        _("owner (as written)"),
        _("owners in the register"),
        _("region"),
        _("completion date"),
        _("first publication date"),
        _("registration date"),
        _("source"),
        _("demo data"),
    ]
    title = _("Copyright registrations")
    sheet = xlsx.Sheet(title, headers, rows, note=export_note(title))
    return xlsx.Workbook(
        f"{_('Copyright registration list')}-{timezone.localdate():%Y%m%d}.xlsx", [sheet], rows=copyrights.count()
    )


@require_safe
@allow(READERS)
def copyright_detail(request, pk):
    record = get_object_or_404(
        Copyright.objects.visible_to(request.user).select_related("region", "import_batch"), pk=pk
    )
    context = {
        "record": record,
        "owners": record.owners.visible_to(request.user).select_related("region"),
        "history": record.history.select_related("history_user")[:20],
    }
    return render(request, "registry/copyright_detail.html", context)


copyright_detail.scoped_model = Copyright


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
    rows = (  # lazy: written row by row, in the background when large
        [
            g.name,
            g.get_kind_display(),
            g.holder_name,
            g.holder.name if g.holder else "",
            g.approval_date,
            g.announcement_number,
            g.product_category,
            g.area,
            g.region.name if g.region else "",
            g.trademark.registration_number if g.trademark else "",
            g.source,
            synthetic_cell(g),
        ]
        for g in rows_of(gis)
    )
    headers = [
        _("name"),
        _("kind"),
        _("holder or applicant (as written)"),
        _("holder in the register"),
        _("approval date"),
        _("announcement number"),
        _("product category"),
        _("protected area"),
        _("region"),
        _("trademark"),
        _("source"),
        _("demo data"),
    ]
    title = _("Geographical indications")
    sheet = xlsx.Sheet(title, headers, rows, note=export_note(title))
    return xlsx.Workbook(
        f"{_('Geographical indication list')}-{timezone.localdate():%Y%m%d}.xlsx", [sheet], rows=gis.count()
    )


@require_safe
@allow(READERS)
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


gi_detail.scoped_model = GeographicalIndication
