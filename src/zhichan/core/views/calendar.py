from datetime import MAXYEAR, MINYEAR

from django.contrib import messages
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..access import allow
from ..forms import CalendarDayForm, CalendarYearForm
from ..models import CalendarDay, CalendarYear
from ..posting import form_post
from ..roles import SEE_ALL, Role, role_of
from ..services.calendar import fallback_warning, remove_day, save_day, set_year


def _year_url(year) -> str:
    return f"{reverse('calendar')}?year={year}"


def _overview(today):
    """One row per year the calendar has anything for, and this year and next: its state and counts."""
    counts = {
        row["year"]: row
        for row in CalendarDay.objects.annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(
            holidays=Count("pk", filter=Q(kind=CalendarDay.Kind.HOLIDAY)),
            workdays=Count("pk", filter=Q(kind=CalendarDay.Kind.WORKDAY)),
        )
    }
    states = {row.year: row for row in CalendarYear.objects.all()}
    rows = []
    for year in sorted(set(counts) | set(states) | {today.year, today.year + 1}, reverse=True):
        state = states.get(year)
        rows.append(
            {
                "year": year,
                "complete": bool(state and state.complete),
                "entered": year in counts or state is not None,
                "source": state.source if state else "",
                "holidays": counts.get(year, {}).get("holidays", 0),
                "workdays": counts.get(year, {}).get("workdays", 0),
            }
        )
    return rows


@allow(SEE_ALL, write={Role.OFFICE})
def calendar(request):
    """Each year's state and its statutory holidays and make-up working days; the office keeps them."""
    today = timezone.localdate()
    year_form = None
    if request.method == "POST":
        year_form = CalendarYearForm(request.POST)
        if year_form.is_valid():
            data = year_form.cleaned_data
            set_year(request.user, data["year"], data["complete"], data["source"])
            messages.success(request, _("The state of %(year)s is saved.") % {"year": data["year"]})
            return redirect(_year_url(data["year"]))
    try:
        year = int(request.GET.get("year") or (year_form.data.get("year") if year_form else None) or today.year)
    except ValueError:
        year = today.year
    if not MINYEAR <= year <= MAXYEAR:  # a year no date can hold is shown as this one
        year = today.year
    state = CalendarYear.objects.filter(year=year).first()
    if year_form is None:
        year_form = CalendarYearForm(
            initial={"year": year, "complete": bool(state and state.complete), "source": state.source if state else ""}
        )
    context = {
        "years": _overview(today),
        "year": year,
        "state": state,
        "warning": "" if state and state.complete else fallback_warning([year]),
        "days": CalendarDay.objects.visible_to(request.user).filter(date__year=year),
        "can_edit": role_of(request.user) == Role.OFFICE,
        "year_form": year_form,
    }
    return render(request, "core/calendar.html", context)


@allow(Role.OFFICE)
def calendar_day_add(request):
    form = CalendarDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        day = save_day(request.user, form.save(commit=False))
        return redirect(_year_url(day.date.year))
    return render(request, "core/calendar_day_form.html", {"form": form, "title": _("Add a day")})


@allow(Role.OFFICE, scope=CalendarDay)
def calendar_day_edit(request, pk):
    day = get_object_or_404(CalendarDay.objects.editable_by(request.user), pk=pk)
    form = CalendarDayForm(request.POST or None, instance=day)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            save_day(request.user, form.save(commit=False))
        return redirect(_year_url(day.date.year))
    return render(request, "core/calendar_day_form.html", {"form": form, "day": day, "title": str(day)})


@form_post("calendar-day-edit", "pk")
@allow(Role.OFFICE, scope=CalendarDay)
def calendar_day_delete(request, pk):
    day = get_object_or_404(CalendarDay.objects.editable_by(request.user), pk=pk)
    year = day.date.year
    remove_day(request.user, day)
    messages.success(request, _("%(day)s is removed from the calendar.") % {"day": day})
    return redirect(_year_url(year))
