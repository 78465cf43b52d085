"""The special-action pages: the list, setting one up and changing it (the office), its page with the summary, the
cases linked and the inspections, its Excel export, and the inspections' list and entry. Thin: each reads its form
and calls services/special_actions.py; the figures come from services/special_action_summary.py."""

import datetime
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.columns import headers, row
from zhichan.core.roles import LIAISONS, STAFF, Role, role_of
from zhichan.core.scoping import can_edit
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action

from .forms_special_actions import ActionFilterForm, InspectionForm, SpecialActionForm
from .models import ActionState, Case, Inspection, SpecialAction
from .services import special_action_summary as summaries
from .services import special_actions
from .services.special_action_summary import CASE_COLUMNS, INSPECTION_COLUMNS

OFFICE = frozenset({Role.OFFICE})
WRITERS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50


def _years(actions) -> list[int]:
    """Every year some action's period touches, newest first."""
    spans = actions.order_by().values_list("start__year", "end__year").distinct()
    return sorted({year for first, last in spans for year in range(first, last + 1)}, reverse=True)


def _in_state(actions, state: str, today):
    if state == ActionState.UPCOMING:
        return actions.filter(start__gt=today)
    if state == ActionState.CURRENT:
        return actions.filter(start__lte=today, end__gte=today)
    if state == ActionState.PAST:
        return actions.filter(end__lt=today)
    return actions


def _run(request, function, *args, form, done=None):
    """Run the action with the form's values; its refusals show on the form."""
    return run_action(
        request,
        function,
        *args,
        form=form,
        done=done or _("The special action is saved."),
        **form.values(),
    )


@allow(STAFF)
def special_action_list(request):
    user, today = request.user, timezone.localdate()
    actions = SpecialAction.objects.visible_to(user).select_related("lead_unit")
    form = ActionFilterForm(request.GET or None, years=_years(actions))
    if form.is_valid():
        year = form.cleaned_data.get("year")
        if year:
            actions = actions.filter(start__year__lte=year, end__year__gte=year)
        actions = _in_state(actions, form.cleaned_data.get("state") or "", today)
    page = Paginator(actions, PER_PAGE).get_page(request.GET.get("page"))
    shown = [row.pk for row in page]
    # What each action on the page holds of what the reader may read: two grouped queries for the page.
    inspections = dict(
        Inspection.objects.visible_to(user)
        .filter(action__in=shown)
        .order_by()
        .values_list("action")
        .annotate(n=Count("pk"))
    )
    cases = dict(
        Case.objects.visible_to(user).filter(action__in=shown).order_by().values_list("action").annotate(n=Count("pk"))
    )
    rows = [(row, row.state_on(today), inspections.get(row.pk, 0), cases.get(row.pk, 0)) for row in page]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "states": dict(ActionState.choices),
        "may_add": role_of(user) == Role.OFFICE,
        "may_inspect": role_of(user) in WRITERS and user.unit_id,
        "query": query.urlencode(),
    }
    return render(request, "protection/special_action_list.html", context)


@allow(OFFICE)
def special_action_new(request):
    form = SpecialActionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        outcome = _run(request, special_actions.create_action, request.user, form=form)
        if outcome.ok:
            return redirect(outcome.result)
    context = {"form": form, "special_action": None}
    return render(request, "protection/special_action_form.html", context, status=400 if form.errors else 200)


@allow(OFFICE, scope=SpecialAction)
def special_action_edit(request, pk):
    special_action = get_object_or_404(SpecialAction.objects.editable_by(request.user), pk=pk)
    form = SpecialActionForm(request.POST or None, user=request.user, instance=special_action)
    if request.method == "POST" and form.is_valid():
        outcome = _run(request, special_actions.update_action, special_action, request.user, form=form)
        if outcome.ok:
            return redirect(special_action)
    context = {"form": form, "special_action": special_action}
    return render(request, "protection/special_action_form.html", context, status=400 if form.errors else 200)


@allow(STAFF, write=OFFICE, scope=SpecialAction)
def special_action_detail(request, pk):
    user = request.user
    special_action = get_object_or_404(
        SpecialAction.objects.visible_to(user).select_related("lead_unit", "organisation"), pk=pk
    )
    summary = summaries.summarise(special_action, user)
    cases = summaries.linked_cases(special_action, user).select_related("unit", "kind", "township")
    inspections = summaries.inspections_of(special_action, user).select_related("unit", "township", "case")
    may_inspect = role_of(user) == Role.OFFICE or (
        role_of(user) in LIAISONS and user.unit_id and special_actions.takes_part(special_action, user.unit)
    )
    context = {
        "special_action": special_action,
        "state": dict(ActionState.choices)[special_action.state_on(timezone.localdate())],
        "units": special_action.units.order_by("order", "pk"),
        "areas": special_action.areas.order_by("path"),
        "summary": summary,
        "summary_tables": [
            (_("By unit"), summary.units, "summary-units"),
            (_("By township"), summary.townships, "summary-townships"),
        ],
        "count_tables": [
            (_("Cases by kind"), summary.by_kind),
            (_("Cases by IP type"), summary.by_ip_type),
            (_("Cases by state"), summary.by_state),
        ],
        "record_tables": [
            (
                _("Cases linked"),
                _table(CASE_COLUMNS, cases.order_by("-lead_on", "-pk")[:PER_PAGE], _case_url, "number"),
                "special-action-cases",
            ),
            (
                _("Inspections"),
                _table(INSPECTION_COLUMNS, inspections.order_by("-day", "-pk")[:PER_PAGE], _inspection_url, "case"),
                "special-action-inspections",
            ),
        ],
        "editable": can_edit(user, special_action),
        "may_inspect": may_inspect,
        "per_page": PER_PAGE,
    }
    return render(request, "protection/special_action_detail.html", context)


def _case_url(case):
    return case.get_absolute_url()


def _inspection_url(inspection):
    return inspection.case.get_absolute_url() if inspection.case_id else ""


def _shown(value):
    """A cell as the pages write it: dates as YYYY-MM-DD, amounts with thousands separators."""
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return value


def _table(columns, records, url_of, link: str) -> dict:
    """The records as the page's table: the columns' headers, and each row's cells as (header, value, link) —
    the column `link` names links to `url_of(record)` — so a phone can stack the cells with their labels."""
    shown = headers(columns)
    rows = []
    for record in records:
        url = url_of(record)
        cells = map(_shown, row(columns, record))
        rows.append(
            [
                (header, value, url if column.key == link else "")
                for header, value, column in zip(shown, cells, columns, strict=True)
            ]
        )
    return {"headers": shown, "rows": rows}


@allow(STAFF, write=OFFICE, scope=SpecialAction)
def special_action_export(request, pk):
    return respond(request, special_action_workbook, pk=pk)


def special_action_workbook(request, pk):
    """The action's summary and records as the reader may read them (built again in the background when large)."""
    special_action = get_object_or_404(SpecialAction.objects.visible_to(request.user), pk=pk)
    return summaries.workbook(special_action, request.user)


@allow(STAFF)
def inspection_list(request):
    user = request.user
    found = Inspection.objects.visible_to(user).select_related("unit", "township", "action", "case")
    chosen = request.GET.get("action", "")
    if chosen.isdigit():
        found = found.filter(action=int(chosen))
    elif chosen == "none":
        found = found.filter(action__isnull=True)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "actions": SpecialAction.objects.visible_to(user).order_by("-start", "-pk"),
        "chosen": chosen,
        "may_add": role_of(user) in WRITERS and user.unit_id,
    }
    return render(request, "protection/inspection_list.html", context)


@allow(WRITERS)
def inspection_new(request):
    user = request.user
    initial = {}
    chosen = request.GET.get("action", "")
    if chosen.isdigit():
        initial["action"] = SpecialAction.objects.visible_to(user).filter(pk=int(chosen)).first()
    form = InspectionForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        outcome = _run(
            request,
            special_actions.record_inspection,
            user,
            form=form,
            done=_("The inspection is recorded."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "protection/inspection_new.html", {"form": form}, status=400 if form.errors else 200)
