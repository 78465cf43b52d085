"""The activity pages: the list (with its Excel export), a new activity, and one activity with its participants,
attendance, feedback, reach, photos, sign-in page and sign-in sheet. Thin: each reads its form and calls
services/."""

from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.models import Attachment
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, STAFF, Role
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .forms import ActivityForm, organisers, own_regions
from .models import Activity, School
from .qr import qr_svg
from .services import activities
from .services.attendance import attendance_figures
from .services.lists import activity_workbook, filtered_activities, sign_in_sheet
from .steps import ACTIVITY_STEPS

CREATORS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50


@allow(STAFF)
def activity_list(request):
    form, found = filtered_activities(request.user, request.GET)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "may_add": activities.may_create(request.user)}
    return render(request, "outreach/activity_list.html", context)


@require_safe
@allow(STAFF)
def activity_export(request):
    return respond(request, activity_workbook)


@allow(CREATORS)
def activity_new(request):
    units = organisers(request.user)  # None: a liaison's activity is its own unit's
    schools = School.objects.visible_to(request.user)
    form = ActivityForm(request.POST or None, units=units, schools=schools, regions=own_regions(request.user))
    if request.method == "POST" and form.is_valid():
        done = _("The activity is entered.")
        outcome = run_action(
            request, activities.create_activity, request.user, **form.cleaned_data, form=form, done=done
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "outreach/activity_new.html", {"form": form}, status=400 if form.errors else 200)


def _context(request, activity, forms=None) -> dict:
    manages = activities.manages(request.user, activity)
    sign_in_url = request.build_absolute_uri(reverse("activity-sign-in", args=[activity.token]))
    return {
        "activity": activity,
        "figures": attendance_figures(activity),
        "participants": activity.participants.order_by("-attended", "guest", "name"),
        "photos": Attachment.objects.on(activity).filter(kind=activities.PHOTOS),
        "steps": step_forms(ACTIVITY_STEPS, activity, request.user, forms),
        "manages": manages,
        "sign_in_url": sign_in_url if manages else "",
        "qr": qr_svg(sign_in_url) if manages and activity.sign_in_open else "",
    }


def _activity(request, pk, rows):
    return get_object_or_404(rows.select_related("region", "unit", "school"), pk=pk)


@allow(STAFF, write=CREATORS, scope=Activity)
def activity_detail(request, pk):
    activity = _activity(request, pk, Activity.objects.visible_to(request.user))
    return render(request, "outreach/activity_detail.html", _context(request, activity))


@form_post("activity-detail", "pk")
@allow(STAFF, write=CREATORS, scope=Activity)
def activity_step(request, pk):
    activity = _activity(request, pk, Activity.objects.editable_by(request.user))
    return take_step(
        request, activity, ACTIVITY_STEPS, "outreach/activity_detail.html", partial(_context, request, activity)
    )


@require_safe
@allow(STAFF, scope=Activity)
def activity_sheet(request, pk):
    return respond(request, activity_sheet_workbook, pk=pk)


def activity_sheet_workbook(request, pk):
    return sign_in_sheet(get_object_or_404(Activity.objects.visible_to(request.user), pk=pk))
