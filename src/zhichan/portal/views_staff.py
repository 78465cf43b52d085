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

from .forms import QuestionFormSet, ServiceForm, StateLabelForm
from .models import PublicRequest, RequestState, Service
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
        # 未办结: everything not yet closed, an answered request too (its close is still to come).
        found = found.exclude(state=RequestState.CLOSED)
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
        "answers": item.worded_answers(),
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
    # A post without the questions' section (a client of the page as it was) leaves the questions as they are.
    edits_questions = "questions-TOTAL_FORMS" in request.POST
    questions = QuestionFormSet(request.POST if edits_questions else None, service=service, prefix="questions")
    posted = request.method == "POST"
    valid = posted and form.is_valid()
    valid = (questions.is_valid() or not edits_questions) and valid  # both checked: every mistake shows at once
    if valid:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if edits_questions:
            values["fields"] = questions.questions
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
    refused = form.errors or (edits_questions and not questions.is_valid())
    context = {"service": service, "form": form, "questions": questions}
    return render(request, "portal/service_edit.html", context, status=400 if refused else 200)
