"""One way to export: a view hands over a workbook builder; small workbooks are sent at once, large ones are
built by a background task whose page shows the progress and then offers the file to the user who asked.

A builder is a module-level function `build(request, **kwargs) -> xlsx.Workbook` that reads only
`request.user` and `request.GET`, so the task can call it again with the same question. The task refuses when
the user's role or unit changed since asking: the file holds what the user could see when they asked.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.shortcuts import redirect
from django.utils.module_loading import import_string
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django_tasks import task

from zhichan.documents import xlsx

from ..models import ExportFile, TaskProgress
from .progress import finish, start, tracking


def inline_rows() -> int:
    """Up to this many rows a workbook is written in the request (well under a second); above it, in the
    background with progress."""
    return int(getattr(settings, "ZHICHAN_EXPORT_INLINE_ROWS", 2000))


@dataclass
class Asking:
    """What a builder sees of the request, in the view and again in the task."""

    user: object
    GET: QueryDict
    htmx: bool = False


def respond(request, build, **kwargs):
    """The file itself when small, else a redirect to the task page that will offer it."""
    workbook = build(request, **kwargs)
    if workbook.rows <= inline_rows():
        return xlsx.response(workbook.filename, workbook.sheets)
    progress = start_export(request.user, build, request.GET.urlencode(), kwargs, workbook.filename)
    return redirect("task-detail", pk=progress.pk)


def start_export(user, build, query: str, kwargs: dict, filename: str):
    label = _("Export %(file)s") % {"file": xlsx.clean_filename(filename)}
    builder = f"{build.__module__}.{build.__qualname__}"
    return start(build_export, label, user, builder, query, kwargs, get_language() or "", access_of(user))


def access_of(user) -> list:
    """What decides what the user sees: checked again when the task runs."""
    enterprises = sorted(user.enterprises.values_list("pk", flat=True)) if hasattr(user, "enterprises") else []
    return [str(getattr(user, "role", "")), getattr(user, "unit_id", None), user.is_active, enterprises]


def build_file(progress_id: int, user, build, query: str, kwargs: dict, asked: list, report) -> ExportFile:
    if access_of(user) != asked:
        raise PermissionDenied(_("Your access changed after you asked for this export; ask for it again."))
    if report:
        report(0, 0, _("Reading the rows …"))
    workbook = build(Asking(user=user, GET=QueryDict(query)), **kwargs)

    def written(done, total, _message):
        if report:
            report(done, total, _("%(done)d of %(total)d rows written") % {"done": done, "total": total})

    written(0, workbook.rows, "")
    content = xlsx.build(workbook.sheets, progress=written, total=workbook.rows)
    name = xlsx.clean_filename(workbook.filename)
    export = ExportFile(task_id=progress_id, user=user, name=name)
    export.file.save(f"export-{progress_id}.xlsx", ContentFile(content), save=False)
    export.save()
    return export


@task()
def build_export(progress_id: int, builder: str, query: str, kwargs: dict, language: str, asked: list):
    """An export too large to build in the request; the file is kept for the user who asked."""
    user = TaskProgress.objects.select_related("user").get(pk=progress_id).user
    with override(language or None), tracking(progress_id) as report:
        export = build_file(progress_id, user, import_string(builder), query, kwargs, asked, report)
        finish(progress_id, _("%(file)s is ready to download.") % {"file": export.name})
