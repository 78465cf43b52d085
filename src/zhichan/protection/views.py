"""The case pages: thin, each reads its form and calls the case's actions (services/cases.py)."""

from functools import partial

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, STAFF, Role
from zhichan.core.scoping import can_edit
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .forms import CaseForm, FilterForm
from .models import Case
from .services import cases
from .services.clock_lists import ByDaysLeft, list_readings
from .services.clocks import case_readings
from .services.parties import id_shown
from .steps import STEPS

WRITERS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50


def filtered_cases(user, query):
    """(the filter form, the cases the user reads under its filters, the sort asked for): the list's rows, which
    its ledger export (views_ledger.py) writes too."""
    form = FilterForm(query or None, user=user)
    found = Case.objects.visible_to(user).select_related("kind", "unit", "township")
    sort = "days-left"
    if form.is_valid():
        data = form.cleaned_data
        for field in ("state", "ip_type", "unit", "township"):
            if data.get(field):
                found = found.filter(**{field: data[field]})
        sort = data.get("sort") or sort
    return form, found, sort


@allow(STAFF)
def case_list(request):
    form, found, sort = filtered_cases(request.user, request.GET)
    today = timezone.localdate()
    ordered = ByDaysLeft(found, today) if sort == "days-left" else found
    page = Paginator(ordered, PER_PAGE).get_page(request.GET.get("page"))
    readings = list_readings(page, today)
    context = {
        "form": form,
        "page": page,
        "rows": [(case, readings.get(case.pk)) for case in page],
        "may_add": request.user.role in WRITERS and request.user.unit_id,
        "query": _query_without_page(request),
    }
    return render(request, "protection/case_list.html", context)


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@allow(WRITERS)
def case_new(request):
    form = CaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            cases.open_case,
            request.user,
            unit=data["unit"],
            number=data["number"],
            title=data["title"],
            kind=data["kind"],
            source=data["source"],
            lead_on=data["lead_on"],
            township=data.get("township"),
            goods=data.get("goods", ""),
            parties=form.parties(),
            action=data.get("action"),
            form=form,
            done=_("The case is entered; its filing clock runs from the lead."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "protection/case_new.html", {"form": form})


@allow(STAFF, write=WRITERS, scope=Case)
def case_detail(request, pk):
    case = get_object_or_404(Case.objects.visible_to(request.user).select_related("kind", "unit", "township"), pk=pk)
    return render(request, "protection/case_detail.html", _detail_context(request, case))


def _detail_context(request, case, forms=None):
    editable = can_edit(request.user, case)
    pauses = list(cases.open_pauses(case)) if editable else []
    return {
        "case": case,
        "readings": case_readings(case),
        "parties": [(party, id_shown(party, request.user)) for party in case.parties.select_related("enterprise")],
        "steps": step_forms(STEPS, case, request.user, forms) if editable else [],
        "pauses": pauses,
        "editable": editable,
        "transfers": case.transfers.select_related("police"),  # its readers read its transfers too
    }


@form_post("case-detail", "pk")
@allow(STAFF, write=WRITERS, scope=Case)
def case_step(request, pk):
    case = get_object_or_404(Case.objects.editable_by(request.user).select_related("kind", "unit"), pk=pk)
    return take_step(request, case, STEPS, "protection/case_detail.html", partial(_detail_context, request, case))


def step_errors(error: ValidationError) -> dict:
    return error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages}
