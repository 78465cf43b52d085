"""The school pages: the schools (pilot schools first) with their activities' reach and their students' works, a
new school, and one school with its activities and works linked to the register. Thin: each calls services/."""

from functools import partial

from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.columns import Column, sheet
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, STAFF, Role
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step
from zhichan.documents import xlsx

from .forms import SchoolFilter, SchoolForm, organisers, own_regions
from .models import ActivityKind, School
from .services import schools
from .steps import SCHOOL_STEPS

CREATORS = frozenset({Role.OFFICE, *LIAISONS})

SCHOOL_COLUMNS = (
    Column("name", _("school"), width=30),
    Column("level", _("school level"), lambda school: school.get_level_display()),
    Column("township", _("township"), "region__name"),
    Column(
        "pilot", _("pilot school of"), lambda school: school.get_pilot_level_display() if school.pilot_level else ""
    ),
    Column("pilot_since", _("pilot school since (year)")),
    Column("activities", _("activities in schools"), "activity_count"),
    Column("teachers", _("teachers trained"), "teachers"),
    Column("students_reached", _("students reached"), "students_reached"),
    Column("patents", _("students' patent applications"), "patent_count"),
    Column("fairs", _("science fair entries"), "fair_count"),
)


def filtered_schools(user, data):
    found = School.objects.visible_to(user).select_related("region")
    form = SchoolFilter(data or None)
    if form.is_valid():
        chosen = form.cleaned_data
        if chosen.get("pilot") == "any":
            found = found.exclude(pilot_level="")
        elif chosen.get("pilot"):
            found = found.filter(pilot_level=chosen["pilot"])
        if chosen.get("q"):
            found = found.filter(Q(name__icontains=chosen["q"].strip()))
    return form, schools.school_figures(found).order_by("-pilot_level", "region__code", "name")


@allow(STAFF)
def school_list(request):
    form, found = filtered_schools(request.user, request.GET)
    query = request.GET.urlencode()
    context = {"form": form, "schools": found, "query": query, "may_add": schools.may_create(request.user)}
    return render(request, "outreach/school_list.html", context)


@require_safe
@allow(STAFF)
def school_export(request):
    return respond(request, school_workbook)


def school_workbook(request) -> xlsx.Workbook:
    _form, found = filtered_schools(request.user, request.GET)
    title = _("IP education in schools")
    note = _("%(title)s · made %(time)s") % {"title": title, "time": timezone.localtime().strftime("%Y-%m-%d %H:%M")}
    return xlsx.Workbook(
        filename=f"{title}.xlsx", sheets=[sheet(title, SCHOOL_COLUMNS, found, note)], rows=found.count()
    )


@allow(CREATORS)
def school_new(request):
    form = SchoolForm(request.POST or None, units=organisers(request.user), regions=own_regions(request.user))
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            schools.create_school,
            request.user,
            **form.cleaned_data,
            form=form,
            done=_("The school is entered."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "outreach/school_new.html", {"form": form}, status=400 if form.errors else 200)


def _context(request, school, forms=None) -> dict:
    works = list(school.works.all())
    linked = schools.linked_patents(works)
    return {
        "school": school,
        "activities": school.activities.filter(kind=ActivityKind.SCHOOL).order_by("-starts_on"),
        "works": [(work, linked.get(work.number)) for work in works],
        "steps": step_forms(SCHOOL_STEPS, school, request.user, forms),
        "register_readable": True,
    }


@allow(STAFF, write=CREATORS, scope=School)
def school_detail(request, pk):
    school = get_object_or_404(School.objects.visible_to(request.user).select_related("region", "unit"), pk=pk)
    return render(request, "outreach/school_detail.html", _context(request, school))


@form_post("school-detail", "pk")
@allow(STAFF, write=CREATORS, scope=School)
def school_step(request, pk):
    school = get_object_or_404(School.objects.editable_by(request.user).select_related("region", "unit"), pk=pk)
    return take_step(request, school, SCHOOL_STEPS, "outreach/school_detail.html", partial(_context, request, school))
