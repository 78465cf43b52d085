from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from ..access import allow
from ..models import Notification
from ..roles import SIGNED_IN
from ..services.notify import mark_read

PER_PAGE = 50


@allow(SIGNED_IN)
def notifications(request):
    """The user's own notifications, newest first; POST marks one (`id`) or all (`all`) read."""
    if request.method == "POST":
        pk = request.POST.get("id", "")
        if pk.isdigit():
            mark_read(request.user, int(pk))
        elif "all" in request.POST:
            mark_read(request.user)
        return redirect(request.get_full_path())
    page = Paginator(Notification.objects.visible_to(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "core/notifications.html", {"page": page})
