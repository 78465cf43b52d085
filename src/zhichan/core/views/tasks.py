from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from zhichan.documents.files import response

from ..access import allow
from ..models import ExportFile, TaskProgress
from ..roles import SIGNED_IN


def _visible(user):
    return TaskProgress.objects.visible_to(user).select_related("user")


@allow(SIGNED_IN)
def task_list(request):
    return render(request, "core/task_list.html", {"tasks": _visible(request.user)[:100]})


@allow(SIGNED_IN, scope=TaskProgress)
def task_detail(request, pk):
    """The progress of one background task; the page polls itself (HTMX) until the task ends."""
    progress = get_object_or_404(_visible(request.user), pk=pk)
    template = "core/_task_progress.html" if request.htmx else "core/task_detail.html"
    return render(request, template, {"progress": progress})


@require_safe
@allow(SIGNED_IN, scope=ExportFile)
def export_download(request, pk):
    """A file exported in the background, for the user who asked only."""
    export = get_object_or_404(ExportFile.objects.visible_to(request.user), pk=pk)
    with export.file.open("rb") as handle:
        return response(handle.read(), export.name)
