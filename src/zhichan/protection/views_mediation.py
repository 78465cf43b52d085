"""The mediation, judicial-confirmation and rights-assistance pages: thin, each reads its form and calls the
actions (services/mediation.py, services/assistance.py)."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, STAFF, Role
from zhichan.core.scoping import can_edit
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .forms_mediation import AssistanceForm, CloseRequestForm, MediationForm, RulingForm
from .mediation_steps import STEPS
from .models import AssistanceRequest, JudicialConfirmation, Mediation, MediationState
from .services import assistance
from .services import mediation as mediations

WRITERS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50


def _page(request, rows):
    return Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))


def _may_add(user) -> bool:
    return bool(user.role in WRITERS and user.unit_id)


@allow(STAFF)
def mediation_list(request):
    found = Mediation.objects.visible_to(request.user).select_related("unit", "township")
    state = request.GET.get("state", "")
    if state in MediationState.values:
        found = found.filter(state=state)
    context = {
        "page": _page(request, found),
        "states": MediationState.choices,
        "state": state,
        "may_add": _may_add(request.user),
    }
    return render(request, "protection/mediation_list.html", context)


@allow(WRITERS)
def mediation_new(request):
    form = MediationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            mediations.open_mediation,
            request.user,
            unit=data["unit"],
            number=data["number"],
            title=data["title"],
            kind=data["kind"],
            rights=data["rights"],
            claim=data.get("claim", ""),
            mediator=data.get("mediator", ""),
            received_on=data["received_on"],
            township=data.get("township"),
            parties=form.parties(),
            form=form,
            done=_("The dispute is taken in for mediation."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "protection/mediation_new.html", {"form": form})


@allow(STAFF, write=WRITERS, scope=Mediation)
def mediation_detail(request, pk):
    mediation = get_object_or_404(Mediation.objects.visible_to(request.user).select_related("unit"), pk=pk)
    return render(request, "protection/mediation_detail.html", _detail_context(request, mediation))


def _detail_context(request, mediation, forms=None):
    user, forms = request.user, forms or {}
    confirmation = JudicialConfirmation.objects.filter(mediation=mediation).select_related("court").first()
    may_rule = confirmation is not None and not confirmation.ruling and can_edit(user, confirmation)
    return {
        "mediation": mediation,
        "readings": mediations.confirmation_readings(mediation),
        "parties": mediation.parties.select_related("enterprise"),
        "sessions": mediation.sessions.all(),
        "files": mediations.agreement_files(mediation),
        "confirmation": confirmation,
        "ruling_form": (forms.get("ruling") or RulingForm(prefix="ruling")) if may_rule else None,
        "steps": step_forms(STEPS, mediation, user, forms),
    }


@form_post("mediation-detail", "pk")
@allow(STAFF, write=WRITERS, scope=Mediation)
def mediation_step(request, pk):
    mediation = get_object_or_404(Mediation.objects.editable_by(request.user), pk=pk)
    context = partial(_detail_context, request, mediation)
    return take_step(request, mediation, STEPS, "protection/mediation_detail.html", context)


@allow(STAFF)
def confirmation_list(request):
    """The applications for judicial confirmation: the court's own to rule on; the office's and leadership's all."""
    found = JudicialConfirmation.objects.visible_to(request.user).select_related("mediation", "court")
    rows = [
        (row, RulingForm(prefix="ruling") if not row.ruling and can_edit(request.user, row) else None) for row in found
    ]
    return render(request, "protection/confirmation_list.html", {"rows": rows})


@form_post()  # its form is on the mediation page, which the address does not name
@allow(STAFF, write=WRITERS, scope=JudicialConfirmation)
def confirmation_ruling(request, pk):
    confirmation = get_object_or_404(JudicialConfirmation.objects.editable_by(request.user), pk=pk)
    form = RulingForm(request.POST, prefix="ruling")
    if form.is_valid():
        data = form.cleaned_data
        run_action(
            request,
            mediations.rule,
            confirmation,
            request.user,
            data["ruling"],
            data["day"],
            data.get("number", ""),
            data.get("note", ""),
            done=_("The court's ruling is entered."),
        )
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("confirmation-list")


@allow(STAFF)
def assistance_list(request):
    found = AssistanceRequest.objects.visible_to(request.user).select_related("unit", "township")
    context = {"page": _page(request, found), "may_add": _may_add(request.user)}
    return render(request, "protection/assistance_list.html", context)


@allow(WRITERS)
def assistance_new(request):
    form = AssistanceForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            assistance.open_request,
            request.user,
            unit=data["unit"],
            kind=data["kind"],
            requester=data["requester"],
            credit_code=data.get("credit_code", ""),
            matter=data.get("matter", ""),
            requested_on=data["requested_on"],
            township=data.get("township"),
            form=form,
            done=_("The request is taken in."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "protection/assistance_new.html", {"form": form})


@allow(STAFF, write=WRITERS, scope=AssistanceRequest)
def assistance_detail(request, pk):
    item = get_object_or_404(AssistanceRequest.objects.visible_to(request.user).select_related("unit"), pk=pk)
    form = None
    if request.method == "POST":
        if not can_edit(request.user, item):
            raise PermissionDenied
        form = CloseRequestForm(request.POST, prefix="close")
        if form.is_valid():
            data = form.cleaned_data
            outcome = run_action(
                request,
                assistance.close_request,
                item,
                request.user,
                data["outcome"],
                data["day"],
                data.get("note", ""),
                form=form,
                done=_("The request is closed."),
            )
            if outcome.ok:
                return redirect(item)
    may_close = not item.outcome and can_edit(request.user, item)
    context = {"item": item, "form": (form or CloseRequestForm(prefix="close")) if may_close else None}
    return render(request, "protection/assistance_detail.html", context, status=400 if form is not None else 200)
