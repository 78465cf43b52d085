"""The staff's pages of the portal: the public requests of the user's scope (overdue ones first), one request with
its steps or a link to the record it landed as, and the services catalogue the office edits. Thin: each calls
services/."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.actions import office_or_system
from zhichan.core.posting import form_post
from zhichan.core.roles import SEE_ALL, STAFF, Role, role_of
from zhichan.core.scoping import works_for
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .forms import ServiceForm, StateLabelForm
from .models import PublicRequest, RequestState, Service
from .models.requests import OPEN_STATES
from .services import catalogue, requests
from .steps import REQUEST_STEPS

OFFICE = frozenset({Role.OFFICE})


def sees_requester(user, item) -> bool:
    """The requester's name and contacts: the handling unit and the office only."""
    return role_of(user) == Role.OFFICE or works_for(user, item.unit)


@allow(STAFF)
def request_list(request):
    found = PublicRequest.objects.visible_to(request.user).select_related("service", "unit")
    state = request.GET.get("state", "open")
    if state == "open":
        found = found.filter(state__in=OPEN_STATES)
    elif state in RequestState.values:
        found = found.filter(state=state)
    context = {
        "requests": found[:200],
        "state": state,
        "states": RequestState.choices,
        "late": requests.overdue(request.user),
    }
    return render(request, "portal/request_list.html", context)


def _context(request, item, forms=None) -> dict:
    return {
        "item": item,
        "identity": sees_requester(request.user, item),
        "readings": requests.readings(item),
        "files": requests.landed_files(item),
        "steps": step_forms(REQUEST_STEPS, item, request.user, forms) if item.object_id is None else [],
        "landed": item.record if item.object_id else None,
        "state": item.state_label(catalogue.state_labels()),
        "answers": requests.worded_answers(item),
    }


def _visible(user):
    return PublicRequest.objects.visible_to(user).select_related("service", "unit", "decided_by")


@allow(STAFF, scope=PublicRequest)
def request_detail(request, pk):
    item = get_object_or_404(_visible(request.user), pk=pk)
    return render(request, "portal/request_detail.html", _context(request, item))


@form_post("portal-request-detail", "pk")
@allow(STAFF, scope=PublicRequest)
def request_step(request, pk):
    item = get_object_or_404(_visible(request.user), pk=pk)
    return take_step(request, item, REQUEST_STEPS, "portal/request_detail.html", partial(_context, request, item))


@allow(SEE_ALL, write=OFFICE)
def catalogue_page(request):
    may_edit = office_or_system(request.user)
    labels = catalogue.state_labels()
    form = StateLabelForm(request.POST or None, labels=labels)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            chosen = {
                state: (form.cleaned_data[f"{state}-label"], form.cleaned_data[f"{state}-label_en"])
                for state in RequestState.values
            }
            changed = catalogue.reword_states(request.user, chosen)
            messages.success(request, _("The state labels are saved.") if changed else _("Nothing was changed."))
            return redirect("portal-catalogue")
    context = {
        "services": Service.objects.select_related("unit", "rule"),
        "form": form,
        "may_edit": may_edit,
    }
    return render(request, "portal/catalogue.html", context, status=400 if form.errors else 200)


@allow(OFFICE)
def service_edit(request, code):
    service = get_object_or_404(Service.objects.select_related("unit"), code=code)
    form = ServiceForm(request.POST or None, instance=service, organisation=service.unit.organisation)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        service.refresh_from_db()
        outcome = run_action(
            request,
            catalogue.change_service,
            service,
            request.user,
            **values,
            form=form,
            done=_("The service is saved."),
        )
        if outcome.ok:
            return redirect("portal-catalogue")
    return render(
        request, "portal/service_edit.html", {"service": service, "form": form}, status=400 if form.errors else 200
    )
