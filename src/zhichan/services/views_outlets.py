"""The pages of brand guidance stations and service outlets: the directory with filters and search, entering and
changing one, its page with its activities and yearly figures, and publishing it. Thin: each reads its form and
calls services/outlets.py or services/publication.py."""

from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import STAFF, Role, role_of
from zhichan.core.scoping import can_edit

from .forms_agencies import PublishForm
from .forms_outlets import ActivityForm, OutletFilterForm, OutletForm
from .models import Outlet
from .services import outlets
from .steps import OUTLET_STEPS
from .views_common import OFFICE, WRITERS, paged, post_entry, read_only, run


@allow(STAFF)
def outlet_list(request):
    user = request.user
    found = Outlet.objects.visible_to(user).select_related("region", "unit")
    form = OutletFilterForm(request.GET or None, user=user)
    if form.is_valid():
        chosen = form.cleaned_data
        if chosen.get("q"):
            found = found.filter(Q(name__icontains=chosen["q"]) | Q(host__icontains=chosen["q"]))
        if chosen.get("kind"):
            found = found.filter(kind=chosen["kind"])
        if chosen.get("region"):
            found = found.filter(region__path__startswith=chosen["region"].path)
    page, query = paged(request, found)
    context = {
        "form": form,
        "page": page,
        "query": query,
        "figures": outlets.yearly_figures(found),
        "may_add": role_of(user) == Role.OFFICE or (role_of(user) in WRITERS and bool(user.unit_id)),
    }
    return render(request, "services/outlet_list.html", context)


@allow(WRITERS)
def outlet_new(request):
    form = OutletForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        outcome = run(request, outlets.create_outlet, request.user, form=form, done=_("The outlet is saved."))
        if outcome.ok:
            return redirect(outcome.result)
    context = {"form": form, "outlet": None}
    return render(request, "services/outlet_form.html", context, status=400 if form.errors else 200)


@allow(WRITERS, scope=Outlet)
def outlet_edit(request, pk):
    outlet = get_object_or_404(Outlet.objects.visible_to(request.user), pk=pk)
    if not can_edit(request.user, outlet):
        return read_only(request, "services/outlet_form.html", {"outlet": outlet})
    form = OutletForm(request.POST or None, user=request.user, instance=outlet)
    if request.method == "POST" and form.is_valid():
        outcome = run(request, outlets.update_outlet, outlet, request.user, form=form, done=_("The outlet is saved."))
        if outcome.ok:
            return redirect(outlet)
    context = {"form": form, "outlet": outlet}
    return render(request, "services/outlet_form.html", context, status=400 if form.errors else 200)


def _detail(request, outlet, forms=None, status=200):
    user = request.user
    editable = can_edit(user, outlet)
    forms = forms or {}
    context = {
        "outlet": outlet,
        "activities": outlet.activities.all()[:50],
        "figures": outlets.yearly_figures([outlet]),
        "editable": editable,
        "may_publish": role_of(user) == Role.OFFICE and editable,
    }
    if editable:
        context["activity_form"] = forms.get("activity") or ActivityForm()
    if context["may_publish"]:
        context["publish_form"] = forms.get("publish") or PublishForm()
    return render(request, "services/outlet_detail.html", context, status=status)


@allow(STAFF, write=WRITERS, scope=Outlet)
def outlet_detail(request, pk):
    outlet = get_object_or_404(Outlet.objects.visible_to(request.user).select_related("region", "unit"), pk=pk)
    return _detail(request, outlet)


def _entry(request, pk, key, **options):
    outlet = get_object_or_404(Outlet.objects.editable_by(request.user), pk=pk)
    return post_entry(request, outlet, OUTLET_STEPS, key, _detail, **options)


@form_post("outlet-detail", "pk")
@allow(STAFF, write=WRITERS, scope=Outlet)
def outlet_activity_add(request, pk):
    return _entry(request, pk, "activity")


@form_post("outlet-detail", "pk")
@allow(STAFF, write=OFFICE, scope=Outlet)
def outlet_publish(request, pk):
    if "withdraw" in request.POST:
        return _entry(request, pk, "withdraw", on_page=False)
    return _entry(request, pk, "publish")
