"""Indicator list, indicator page and the office's recompute button."""

from types import SimpleNamespace

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.asof import as_of
from zhichan.core.posting import form_post
from zhichan.core.roles import STAFF, Role, role_of
from zhichan.core.services.progress import start
from zhichan.core.views.actions import run_action

from ..forms import ReadingForm
from ..models import Indicator, IndicatorValue, Reading
from ..periods import months_between
from ..services.board import MONTH_KEY, rows_for, status_of
from ..services.compute import names_of
from ..services.dashboard import latest_computation
from ..services.places import COUNTIES, level_of, places
from ..services.programmes import chosen_programme, targets_by_indicator
from ..services.readings import change_reading, current, publish_reading, reading_key, withdraw_reading
from ..services.scope import scope_for
from ..services.targets import programme_targets
from ..services.wording import formula_of
from ..sources import sources
from ..tasks import compute_task


@allow(STAFF)
def indicator_list(request):
    regions, region = scope_for(request)
    day = as_of(request)
    rows = rows_for(region, day, chosen_programme(request)) if region else []
    computed = latest_computation()
    return render(
        request,
        "indicators/indicator_list.html",
        {"rows": rows, "region": region, "regions": regions, "computed": computed, "shown_day": day},
    )


@form_post("indicator-list")
@allow(Role.OFFICE)
def indicator_compute(request):
    progress = start(compute_task, _("Compute the indicators"), request.user)
    messages.info(request, _("The indicators are being computed."))
    return redirect("task-detail", pk=progress.pk)


@form_post()
@allow(Role.OFFICE, scope=Reading)
def reading_change(request, pk):
    """The office changes its programme's reading of an indicator: the values become stale and are recomputed."""
    reading = get_object_or_404(Reading.objects.select_related("indicator"), pk=pk)
    form = ReadingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            change_reading,
            reading,
            request.user,
            window=data["window"],
            since=data["since"],
            options=reading.options,
            text=data["text"],
            done=_("The reading is saved; values it changed are being recomputed."),
        )
        if outcome.ok and outcome.result is not None:
            return redirect("task-detail", pk=outcome.result.pk)  # the recompute's progress
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("indicator-detail", pk=reading.indicator_id)


@form_post()
@allow(Role.OFFICE, scope=Reading)
def reading_publish(request, pk):
    """The office publishes its programme's indicator on the public portal (definition and latest value), or takes
    it off."""
    reading = get_object_or_404(Reading.objects.select_related("indicator"), pk=pk)
    if request.POST.get("publish") == "withdraw":
        run_action(request, withdraw_reading, reading, request.user, done=_("The indicator is off the public portal."))
    else:
        run_action(
            request, publish_reading, reading, request.user, done=_("The indicator is published on the public portal.")
        )
    return redirect("indicator-detail", pk=reading.indicator_id)


def _periods(reading, programme=None):
    """The periods with values under the reading, newest first; with a programme, those ending within its years
    (the baseline year before it and the months after its end are not its figures)."""
    if reading is None:
        return []
    rows = current(IndicatorValue.objects.filter(reading=reading))
    if programme is not None:
        rows = rows.filter(period_end__range=(programme.start, programme.end))
    keys = rows.order_by("-period_end", "period").values_list("period", flat=True).distinct()
    return list(dict.fromkeys(keys))


@allow(STAFF, scope=Indicator)
def indicator_detail(request, pk):
    indicator = get_object_or_404(Indicator.objects.visible_to(request.user), pk=pk)
    regions, region = scope_for(request)
    programme = chosen_programme(request)
    # The chosen programme's reading of the indicator: the values shown are those computed under it.
    reading = Reading.objects.filter(programme=reading_key(programme), indicator=indicator).first()
    periods = _periods(reading, programme)
    today = as_of(request)
    targets = targets_by_indicator(programme).get(indicator.code, [])
    target = next((t for t in targets if region and t.region_id == region.pk), targets[0] if targets else None)
    default = min(today, target.deadline) if target else today
    period = request.GET.get("period") or f"{default.year:04d}-{default.month:02d}"
    if periods and period not in periods:
        period = periods[0]
    # A city's programme lists the region and its counties, not every township below them.
    listed = [region, *places(region, regions, programme)] if level_of(programme) == COUNTIES and region else regions
    values = (
        current(IndicatorValue.objects.visible_to(request.user))
        .filter(reading=reading, period=period, region__in=[r.pk for r in listed])
        .select_related("region")
        .order_by("region__path")
    )
    trend = (
        list(
            current(IndicatorValue.objects.filter(reading=reading, region=region, period_end__lte=today))
            .filter(period__regex=MONTH_KEY)
            .order_by("period_end")
        )
        if region and reading
        else []
    )
    status = forecast = None
    if target is not None and region is not None and target.region_id == region.pk:
        day = min(today, target.deadline)
        now_key = f"{day.year:04d}-{day.month:02d}"
        now = next((r for r in trend if r.period == now_key), None)
        status, forecast = status_of(target, now, [r for r in trend if r.period_end <= day], day)
    parts = None  # a target about named sub-regions is read on theirs: each one's value and status
    if status is not None and target.subregions.exists():
        parts = programme_targets(programme, today).get(target.pk)
        status = forecast = None
    found = sources()
    inputs = [(name, found.get(name)) for name in names_of(indicator)]
    labels = {name: str(source.label) for name, source in found.items()}
    formula = formula_of(indicator, labels)
    second = indicator.second_source or {}
    second_source = (
        {
            "formula": formula_of(SimpleNamespace(**{"denominator": "", **second}), labels),
            "note": second.get("note", ""),
        }
        if second.get("numerator")
        else None
    )
    chart = {
        "labels": [r.period for r in trend],
        "values": [None if r.value is None else float(r.value) for r in trend],
        "target": float(target.value) if target and region and target.region_id == region.pk else None,
        "forecast": _forecast_line(forecast, trend),
        "name": indicator.name,
        "targetLabel": _("target"),
        "forecastLabel": _("forecast"),
    }
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "reading": reading,
            "reading_form": _reading_form(reading) if reading and may_change(request.user, reading) else None,
            "may_publish": bool(reading)
            and role_of(request.user) == Role.OFFICE
            and publish_reading.allowed(request.user, {"reading": reading}),
            "programme": programme,
            "region": region,
            "regions": regions,
            "periods": periods,
            "period": period,
            "values": values,
            "target": target,
            "status": status,
            "parts": parts,
            "forecast": forecast,
            "inputs": inputs,
            "formula": formula,
            "second_source": second_source,
            "chart": chart,
        },
    )


def may_change(user, reading) -> bool:
    return role_of(user) == Role.OFFICE and change_reading.allowed(user, {"reading": reading})


def _reading_form(reading) -> ReadingForm:
    return ReadingForm(initial={"window": reading.window, "since": reading.since, "text": reading.reading})


def _forecast_line(forecast, trend):
    """The least-squares line over the months it was fitted on, for the chart."""
    if forecast is None:
        return []
    return [
        float(forecast.intercept + forecast.slope * months_between(forecast.first, r.period_end))
        if r.period_end >= forecast.first
        else None
        for r in trend
    ]
