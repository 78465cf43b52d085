"""Units enter the figures they report; the office approves them."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhichan.core.access import allow
from zhichan.core.roles import LIAISONS, SEE_ALL, STAFF, Role, role_of

from ..models import DataValue, ValueState
from ..periods import PeriodError, parse_period, periods_of
from ..services import entry
from ..services.programmes import programme_years

WRITERS = frozenset({Role.OFFICE, *LIAISONS})


def _period_choices():
    first, last = programme_years()
    return [p for kind in ("quarter", "year", "month") for p in periods_of(kind, first + 1, last)]


@allow(STAFF, write=WRITERS)
def data_entry(request):
    """A unit's figures for a period: one row per data element it reports."""
    user = request.user
    role = role_of(user)
    unit = user.unit if role in WRITERS and user.unit_id else None
    try:
        period = parse_period(request.GET.get("period") or request.POST.get("period") or "")
    except PeriodError:
        period = None
    elements = entry.elements_for(None if role == Role.OFFICE else unit) if unit else []
    if period is not None:
        elements = [e for e in elements if e.period_type == period.kind]
    if request.method == "POST" and period is not None and unit is not None:
        saved, errors = 0, []
        for element in elements:
            raw = request.POST.get(f"value-{element.pk}", "").strip()
            if raw == "":
                continue
            try:
                number = Decimal(raw)
                entry.save_value(
                    element,
                    unit,
                    period.key,
                    number,
                    user,
                    comment=request.POST.get(f"comment-{element.pk}", ""),
                    submit="submit" in request.POST,
                )
                saved += 1
            except InvalidOperation:
                errors.append(f"{element.name}: {_('Enter a number.')}")
            except ValidationError as error:
                errors.append(f"{element.name}: {' '.join(error.messages)}")
            except PermissionDenied:
                errors.append(f"{element.name}: {_('You may not change this value.')}")
        for error in errors:
            messages.error(request, error)
        if saved:
            messages.success(request, _("%(count)d values saved.") % {"count": saved})
        return redirect(f"{request.path}?period={period.key}")
    existing = {}
    if unit is not None and period is not None:
        rows = DataValue.objects.visible_to(user).filter(period=period.key, region=unit.region, element__in=elements)
        existing = {row.element_id: row for row in rows}
    choices = _period_choices()
    return render(
        request,
        "indicators/data_entry.html",
        {
            "unit": unit,
            "period": period,
            "choices": [p for p in choices if p.kind in {e.period_type for e in entry.elements_for(None)}],
            "rows": [(element, existing.get(element.pk)) for element in elements],
            "can_write": role in WRITERS and unit is not None,
        },
    )


@allow(SEE_ALL, write={Role.OFFICE})
def data_review(request):
    state = request.GET.get("state", ValueState.SUBMITTED)
    rows = (
        DataValue.objects.visible_to(request.user)
        .filter(state=state)
        .select_related("element", "region", "unit", "entered_by")
        .order_by("period_start", "element__order", "region__path")
    )
    return render(
        request,
        "indicators/data_review.html",
        {"rows": rows[:500], "state": state, "states": ValueState.choices},
    )


@require_POST
@allow(Role.OFFICE)
def datavalue_approve(request, pk):
    row = get_object_or_404(DataValue.objects.editable_by(request.user), pk=pk)
    try:
        entry.approve(row, request.user)
        messages.success(request, _("Approved."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("data-review")


datavalue_approve.scoped_model = DataValue


@require_POST
@allow(Role.OFFICE)
def datavalue_return(request, pk):
    row = get_object_or_404(DataValue.objects.editable_by(request.user), pk=pk)
    try:
        entry.send_back(row, request.user, request.POST.get("note", ""))
        messages.success(request, _("Returned to the unit."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("data-review")


datavalue_return.scoped_model = DataValue
