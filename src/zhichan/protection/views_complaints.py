"""The complaint pages: thin, each reads its form and calls the complaint's actions (services/complaints.py)."""

import datetime
from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, STAFF, Role
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .complaint_steps import STEPS
from .forms_complaints import ComplaintFilterForm, ComplaintForm
from .models import Complaint
from .services import complaints
from .views import _query_without_page

WRITERS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50


@allow(STAFF)
def complaint_list(request):
    user = request.user
    form = ComplaintFilterForm(request.GET or None, user=user)
    found = Complaint.objects.visible_to(user).select_related("unit", "case")
    if form.is_valid():
        for field in ("state", "kind", "unit"):
            if form.cleaned_data.get(field):
                found = found.filter(**{field: form.cleaned_data[field]})
    rows = list(found)
    readings = complaints.running_readings(rows)
    # The running clock's due date first (the least time left), then the rest, newest first.
    rows.sort(key=lambda row: readings[row.pk].due if row.pk in readings else datetime.date.max)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "rows": [(row, readings.get(row.pk)) for row in page],
        "may_add": user.role in WRITERS and user.unit_id,
        "query": _query_without_page(request),
    }
    return render(request, "protection/complaint_list.html", context)


@allow(WRITERS)
def complaint_new(request):
    form = ComplaintForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            complaints.take_complaint,
            request.user,
            **form.cleaned_data,
            form=form,
            done=_("The complaint is entered; its acceptance clock runs from the day received."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "protection/complaint_new.html", {"form": form})


@allow(STAFF, write=WRITERS, scope=Complaint)
def complaint_detail(request, pk):
    complaint = get_object_or_404(Complaint.objects.visible_to(request.user).select_related("unit", "case"), pk=pk)
    return render(request, "protection/complaint_detail.html", _detail_context(request, complaint))


def _detail_context(request, complaint, forms=None):
    return {
        "complaint": complaint,
        "identity": complaints.identity(complaint, request.user),
        "readings": complaints.complaint_readings(complaint),
        "steps": step_forms(STEPS, complaint, request.user, forms),
    }


@form_post("complaint-detail", "pk")
@allow(STAFF, write=WRITERS, scope=Complaint)
def complaint_step(request, pk):
    complaint = get_object_or_404(Complaint.objects.editable_by(request.user).select_related("unit"), pk=pk)
    context = partial(_detail_context, request, complaint)
    return take_step(request, complaint, STEPS, "protection/complaint_detail.html", context)
