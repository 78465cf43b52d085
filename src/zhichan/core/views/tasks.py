from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.documents.files import response

from ..access import allow
from ..models import ExportFile, TaskProgress
from ..posting import form_post
from ..roles import SIGNED_IN
from ..services.exports import ask_again, may_ask_again
from ..services.interruptions import settle_progress


def _visible(user):
    return TaskProgress.objects.visible_to(user).select_related("user")


@allow(SIGNED_IN)
def task_list(request):
    return render(request, "core/task_list.html", {"tasks": _visible(request.user)[:100]})


@allow(SIGNED_IN, scope=TaskProgress)
def task_detail(request, pk):
    """The progress of one background task; the page polls itself (HTMX) until the task ends."""
    progress = settle_progress(get_object_or_404(_visible(request.user), pk=pk))  # a vanished worker's: failed
    template = "core/_task_progress.html" if request.htmx else "core/task_detail.html"
    return render(request, template, {"progress": progress, "again": may_ask_again(request.user, progress)})


@form_post("task-detail", "pk")
@allow(SIGNED_IN, scope=TaskProgress)
def task_again(request, pk):
    """A failed export asked for again: a new task, whose page this leads to."""
    progress = get_object_or_404(_visible(request.user), pk=pk)
    if not may_ask_again(request.user, progress):
        messages.error(request, _("Only a failed export can be asked for again, by the user who asked for it."))
        return redirect("task-detail", pk=progress.pk)
    return redirect("task-detail", pk=ask_again(progress, request.user).pk)


@require_safe
@allow(SIGNED_IN, scope=ExportFile)
def export_download(request, pk):
    """A file exported in the background, for the user who asked only."""
    export = get_object_or_404(ExportFile.objects.visible_to(request.user), pk=pk)
    with export.file.open("rb") as handle:
        return response(handle.read(), export.name)
