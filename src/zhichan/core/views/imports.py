"""Import pages: upload, the batches, one batch with live progress and its rejected rows, the rejected rows and
our templates as Excel files, for every kind the apps declare. The office imports every kind; a liaison the kinds
that name its role (`ImportKind.roles`), and reads its own batches. The work itself: imports/."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core.services.exports import respond
from zhichan.documents import files

from ..access import allow
from ..imports.confirming import confirm_preview, confirmable, may_confirm, register_changed_since
from ..imports.errors import FileRejected
from ..imports.forms import ImportForm
from ..imports.kinds import IMPORTERS, find_kind, kinds_for, may_import
from ..imports.profiles import all_profiles
from ..imports.starting import restart_import, restartable, start_import
from ..imports.workbooks import rejections_workbook, template_filename, template_workbook
from ..models import ImportBatch
from ..posting import form_post
from ..roles import Role, role_of
from ..services.interruptions import settle_batch

OFFICE = Role.OFFICE


def _batches(user):
    return ImportBatch.objects.visible_to(user).select_related("user", "task")


@allow(IMPORTERS)
def import_start(request):
    wanted = request.GET.get("kind")  # a module's page links here with its kind chosen
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user, initial={"kind": wanted})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = start_import(
                request.user,
                data["kind"],
                data["file"],
                profile=data["profile"],
                dry_run=data["dry_run"],
                source=data["source"],
            )
        except FileRejected as error:
            form.add_error("file", error.message)
        else:
            return redirect("import-batch", pk=batch.pk)
    kinds = kinds_for(request.user)
    names = {kind.name for kind in kinds}
    context = {
        "form": form,
        "kinds": kinds,
        "profiles": [profile for profile in all_profiles() if profile.kind in names],
        "recent": _batches(request.user)[:5],
    }
    return render(request, "core/imports/import_start.html", context)


@require_safe
@allow(IMPORTERS)
def import_list(request):
    page = Paginator(_batches(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "core/imports/import_list.html", {"page": page})


@allow(IMPORTERS, scope=ImportBatch)
def import_batch(request, pk):
    """One batch; while it runs the progress box polls itself (HTMX), and the page reloads when it ends."""
    batch = settle_batch(get_object_or_404(_batches(request.user), pk=pk))  # a vanished worker's: failed
    if request.htmx and request.GET.get("part") == "progress":
        reply = render(request, "core/imports/_import_progress.html", {"batch": batch})
        if batch.state in ("done", "failed"):
            reply["HX-Refresh"] = "true"  # the whole page: counts and rejected rows
        return reply
    page = Paginator(batch.rejections.all(), 50).get_page(request.GET.get("page"))
    context = {
        "batch": batch,
        "page": page,
        # Why "import now" is not offered ("" when it is), for the one who may import this preview.
        "refusal": confirmable(batch) if batch.dry_run and may_confirm(request.user, batch) else None,
        "imported_as": batch.confirmations.first() if batch.dry_run else None,
        "register_changed": batch.dry_run and register_changed_since(batch),
        "restartable": batch.state == "failed" and role_of(request.user) == OFFICE and not restartable(batch),
    }
    return render(request, "core/imports/import_batch.html", context)


@form_post("import-batch", "pk")
@allow(IMPORTERS, scope=ImportBatch)
def import_confirm(request, pk):
    """Import now: the previewed file is imported without uploading it again."""
    preview = get_object_or_404(_batches(request.user), pk=pk)
    try:
        batch = confirm_preview(request.user, preview)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("import-batch", pk=preview.pk)
    return redirect("import-batch", pk=batch.pk)


@form_post("import-batch", "pk")
@allow(OFFICE, scope=ImportBatch)
def import_restart(request, pk):
    """Start a failed (interrupted) import again on its stored file."""
    batch = get_object_or_404(_batches(request.user), pk=pk)
    try:
        restart_import(request.user, batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("import-batch", pk=batch.pk)


@require_safe
@allow(IMPORTERS, scope=ImportBatch)
def import_rejections(request, pk):
    return respond(request, rejected_rows, pk=pk)


@dataclass
class RejectedRows:
    """The rejected-rows workbook as an export (documents.files.Document): counted from the batch, and read from
    the imported file only when it is written, in the request or, when large, in the background."""

    batch: ImportBatch
    filename: str
    rows: int
    row_cost = 2  # each row is read again from the imported file before it is written

    def render(self, progress=None) -> bytes:
        return rejections_workbook(self.batch, progress=progress)


def rejected_rows(request, pk) -> RejectedRows:
    batch = get_object_or_404(_batches(request.user), pk=pk)
    name = _("rejected rows of import batch %(id)d") % {"id": batch.pk}
    return RejectedRows(batch, f"{name}.xlsx", batch.rejections.count())


@require_safe
@allow(IMPORTERS)
def import_template(request):
    kinds = kinds_for(request.user)
    kind = request.GET.get("kind") or (kinds[0].name if kinds else "")
    declared = find_kind(kind)
    if declared is None or not may_import(request.user, declared):
        raise Http404
    if not any(profile.template for profile in all_profiles(kind)):
        raise Http404
    return _download(template_workbook(kind), template_filename(kind))


def _download(content: bytes, filename: str) -> HttpResponse:
    return files.response(content, filename)
