"""The project pages: the list (with its Excel export), a new project, and one project with its course, targets,
outputs linked to the register, milestones, deliverables and (navigation) analysis. Thin: each reads its form and
calls services/."""

from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.models import Attachment, Unit, UnitKind
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, PROGRAMME_USERS, STAFF, Role, role_of
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .forms import ProjectForm
from .models import Project, ProjectKind
from .services import projects
from .services.lists import filtered_projects, project_workbook
from .services.outputs import linked_outputs, since, target_rows
from .services.phases import phases
from .services.reviews import review_rows
from .steps import PROJECT_STEPS

WRITERS = frozenset({Role.OFFICE, *LIAISONS, Role.ENTERPRISE})
CREATORS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50


@allow(PROGRAMME_USERS)
def project_list(request):
    form, found = filtered_projects(request.user, request.GET)
    page = Paginator(found.prefetch_related("targets", "outputs"), PER_PAGE).get_page(request.GET.get("page"))
    linked = linked_outputs(page.object_list)
    for project in page.object_list:
        project.target_rows = target_rows(project, linked.get(project.pk, []))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "may_add": projects.may_create(request.user),
    }
    return render(request, "projects/project_list.html", context)


@require_safe
@allow(PROGRAMME_USERS)
def project_export(request):
    return respond(request, project_workbook)


@allow(CREATORS)
def project_new(request):
    units = None  # a liaison's project is its own unit's
    if role_of(request.user) == Role.OFFICE:
        units = Unit.objects.visible_to(request.user).exclude(kind=UnitKind.BANK).order_by("kind", "name")
    form = ProjectForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        done = _("The project is entered.")
        outcome = run_action(request, projects.create_project, request.user, **form.cleaned_data, form=form, done=done)
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "projects/project_new.html", {"form": form}, status=400 if form.errors else 200)


def _deliverables(project) -> list[dict]:
    """The deliverables by phase (a navigation project's, in the phases' order), then those of no phase."""
    files = list(Attachment.objects.on(project))
    navigation = project.kind == ProjectKind.NAVIGATION
    groups = []
    for phase in phases() if navigation else ():
        kind = f"{projects.DELIVERABLES}:{phase.key}"
        groups.append({"phase": phase, "files": [file for file in files if file.kind == kind]})
    placed = {file.pk for group in groups for file in group["files"]}
    rest = [file for file in files if file.pk not in placed]
    if rest or not navigation:
        groups.append({"phase": None, "files": rest})
    return groups


def _project_context(request, project, forms=None) -> dict:
    linked = linked_outputs([project]).get(project.pk, [])
    return {
        "project": project,
        "targets": target_rows(project, linked),
        "outputs": linked,
        "unmatched": sum(1 for one in linked if one.patent is None),
        "since": since(project),
        "milestones": project.milestones.all(),
        "reviews": review_rows(project),
        "deliverables": _deliverables(project),
        "steps": step_forms(PROJECT_STEPS, project, request.user, forms),
        "register_readable": role_of(request.user) in PROGRAMME_USERS,
        "may_read_draws": role_of(request.user) in STAFF,
    }


def _project(request, pk, rows):
    return get_object_or_404(rows.select_related("region", "unit", "applicant", "patent_set_batch"), pk=pk)


@allow(PROGRAMME_USERS, write=WRITERS, scope=Project)
def project_detail(request, pk):
    project = _project(request, pk, Project.objects.visible_to(request.user))
    return render(request, "projects/project_detail.html", _project_context(request, project))


@form_post("project-detail", "pk")
@allow(PROGRAMME_USERS, write=WRITERS, scope=Project)
def project_step(request, pk):
    project = _project(request, pk, Project.objects.editable_by(request.user))
    return take_step(
        request, project, PROJECT_STEPS, "projects/project_detail.html", partial(_project_context, request, project)
    )
