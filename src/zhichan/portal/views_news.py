"""News and notices: the public's pages (the published items, newest first, and one item) and the office's (every
item, drafts too, a form to write one, and its publication). Thin: services/news.py acts and decides.

A public address reads only published items: a draft, or an item whose day is still to come, answers 404 whoever
asks, so nothing unpublished is reached by guessing its number."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.actions import office_or_system
from zhichan.core.posting import form_post
from zhichan.core.roles import EVERYONE, SEE_ALL, Role
from zhichan.core.views.actions import run_action

from .cache import published_page
from .forms_news import NoticeForm, PublishForm
from .models import Notice
from .services import news

OFFICE = frozenset({Role.OFFICE})
PER_PAGE = 10


@published_page
@allow(EVERYONE)
def news_list(request):
    page = Paginator(Notice.objects.published(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "portal/news.html", {"page": page})


@published_page
@allow(EVERYONE)
def news_item(request, item):
    notice = get_object_or_404(Notice.objects.published(), pk=item)
    return render(request, "portal/news_item.html", {"notice": notice})


# --- the office's -------------------------------------------------------------------------------------------


@allow(SEE_ALL, write=OFFICE)
def notice_list(request):
    found = Notice.objects.visible_to(request.user).order_by(F("published_on").desc(nulls_first=True), "-pk")
    context = {
        "notices": found.select_related("created_by"),
        "may_edit": office_or_system(request.user),
        "today": timezone.localdate(),
    }
    return render(request, "portal/notice_list.html", context)


def _write_page(request, notice=None):
    form = NoticeForm(request.POST or None, instance=notice)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in news.WRITTEN}
        if notice is not None:
            notice.refresh_from_db()  # the form wrote into it; the action writes from the values
        outcome = run_action(request, news.write, request.user, notice, **values, form=form, done=_("Saved."))
        if outcome.ok:
            return redirect("portal-notice-edit", pk=outcome.result.pk)
    context = {
        "notice": notice,
        "form": form,
        "publish": PublishForm(),
        "today": timezone.localdate(),
    }
    return render(request, "portal/notice_edit.html", context, status=400 if form.errors else 200)


@allow(OFFICE)
def notice_new(request):
    return _write_page(request)


def _editable(request, pk) -> Notice:
    return get_object_or_404(Notice.objects.editable_by(request.user), pk=pk)


@allow(OFFICE, scope=Notice)
def notice_edit(request, pk):
    return _write_page(request, _editable(request, pk))


@form_post("portal-notice-edit", "pk")
@allow(OFFICE, scope=Notice)
def notice_step(request, pk):
    notice = _editable(request, pk)
    step = request.POST.get("step")
    back = redirect("portal-notice-list") if request.POST.get("back") == "list" else None
    if step == "publish":
        form = PublishForm(request.POST)
        if form.is_valid():
            run_action(
                request,
                news.publish,
                notice,
                request.user,
                day=form.cleaned_data["day"],
                done=_("Published on the portal."),
            )
        else:
            for error in form.errors.get("day", []):
                messages.error(request, error)
    elif step == "unpublish":
        run_action(request, news.unpublish, notice, request.user, done=_("Taken off the portal."))
    elif step == "remove":
        if run_action(request, news.remove, notice, request.user, done=_("Removed.")).ok:
            return redirect("portal-notice-list")
    else:
        messages.error(request, _("Choose what to do."))
    return back or redirect("portal-notice-edit", pk=notice.pk)
