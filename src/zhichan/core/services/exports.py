"""One way to export: a view hands over a document builder; small documents are sent at once, large ones are
built by a background task whose page shows the progress and then offers the file to the user who asked.

A builder is a module-level function `build(request, **kwargs)` returning a document (`documents.files.Document`:
an `xlsx.Workbook`, a `docx.Word` or a `pdf.Pdf`) that reads only `request.user` and `request.GET`, so the task
can call it again with the same question; its kwargs must be JSON. The task refuses when the user's role or unit
changed since asking: the file holds what the user could see when they asked.
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

from zhichan.documents import files

from ..actions import action
from ..events import EXPORT_ASKED_AGAIN
from ..models import ExportFile, TaskProgress
from .progress import finish, start, tracking


def inline_rows() -> int:
    """Up to this many spreadsheet rows (or other documents' rows, weighed by their `row_cost`) a document is
    built in the request (about a second at most); above it, in the background with progress."""
    return int(getattr(settings, "ZHICHAN_EXPORT_INLINE_ROWS", 2000))


def is_small(document) -> bool:
    return document.rows * document.row_cost <= inline_rows()


@dataclass
class Asking:
    """What a builder sees of the request, in the view and again in the task."""

    user: object
    GET: QueryDict
    htmx: bool = False


def respond(request, build, **kwargs):
    """The file itself when small, else a redirect to the task page that will offer it."""
    document = build(request, **kwargs)
    if is_small(document):
        return files.response(document.render(), document.filename)
    progress = start_export(request.user, build, request.GET.urlencode(), kwargs, document.filename)
    return redirect("task-detail", pk=progress.pk)


def start_export(user, build, query: str, kwargs: dict, filename: str):
    label = _("Export %(file)s") % {"file": files.clean_filename(filename)}
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
    document = build(Asking(user=user, GET=QueryDict(query)), **kwargs)

    def written(done, total, _message):
        if report:
            report(done, total, _("%(done)d of %(total)d rows written") % {"done": done, "total": total})

    written(0, document.rows, "")
    content = document.render(progress=written)
    name = files.clean_filename(document.filename)
    export = ExportFile(task_id=progress_id, user=user, name=name)
    suffix = name.rpartition(".")[2].lower()
    suffix = suffix if suffix in files.CONTENT_TYPES else "bin"
    export.file.save(f"export-{progress_id}.{suffix}", ContentFile(content), save=False)
    export.save()
    return export


def may_ask_again(user, progress: TaskProgress) -> bool:
    """A failed export (interrupted, or refused because the user's access changed) may be asked for again by
    the user who asked for it."""
    return (
        progress.user_id == getattr(user, "pk", None)
        and progress.state == TaskProgress.State.FAILED
        and progress.task_path == build_export.module_path
        and bool(progress.arguments)
    )


@action(EXPORT_ASKED_AGAIN, allow=lambda user, arguments: may_ask_again(user, arguments["progress"]))
def ask_again(progress: TaskProgress, user) -> TaskProgress:
    """The same export asked for again: the same question in the same language, answered with what the user may
    see now. Returns the new task's progress."""
    builder, query, kwargs, language, _asked = progress.arguments["args"]
    with override(language or None):
        return start(build_export, progress.label, user, builder, query, kwargs, language, access_of(user))


@task()
def build_export(progress_id: int, builder: str, query: str, kwargs: dict, language: str, asked: list):
    """An export too large to build in the request; the file is kept for the user who asked."""
    user = TaskProgress.objects.select_related("user").get(pk=progress_id).user
    with override(language or None), tracking(progress_id) as report:
        export = build_file(progress_id, user, import_string(builder), query, kwargs, asked, report)
        finish(progress_id, _("%(file)s is ready to download.") % {"file": export.name})
