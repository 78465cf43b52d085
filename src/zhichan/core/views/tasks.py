from django.shortcuts import get_object_or_404, render

from ..access import allow
from ..models import TaskProgress
from ..roles import SIGNED_IN


def _visible(user):
    return TaskProgress.objects.visible_to(user).select_related("user")


@allow(SIGNED_IN)
def task_list(request):
    return render(request, "core/task_list.html", {"tasks": _visible(request.user)[:100]})


@allow(SIGNED_IN)
def task_detail(request, pk):
    """The progress of one background task; the page polls itself (HTMX) until the task ends."""
    progress = get_object_or_404(_visible(request.user), pk=pk)
    template = "core/_task_progress.html" if request.htmx else "core/task_detail.html"
    return render(request, template, {"progress": progress})


task_detail.scoped_model = TaskProgress
