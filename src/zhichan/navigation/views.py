"""The navigation pages: the sets, a new set, a set's landscape (its analyses, branches and description), the
patents behind a figure, an analysis's table in Excel, and the office's merge table. Thin: each reads its form and
calls services/."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.roles import PROGRAMME_USERS, SEE_ALL, Role, role_of
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.documents import files

from . import tasks
from .columns import status_shown
from .forms import BranchForm, DescribeForm, ImportedSetForm, MergeForm, RegisterSetForm
from .models import ApplicantAlias, PatentSet, SetKind
from .services import merging, sets
from .services.analyses import CATALOGUE, LEVEL_NAMES, analyse
from .services.branches import tree_order
from .services.drilling import patents_behind
from .services.exports import analysis_workbook, patents_workbook
from .services.rows import described_query
from .tasks import read_in_background, refresh_all_in_background, retag_in_background

OFFICE = frozenset({Role.OFFICE})
SET_WRITERS = frozenset({Role.OFFICE, Role.ENTERPRISE})
PER_PAGE = 50


@allow(PROGRAMME_USERS, write=SET_WRITERS)
def set_list(request):
    if request.method == "POST":  # an enterprise asks for the landscape of its own patents
        outcome = run_action(request, tasks.own_set, request.user)
        if outcome.ok:
            return redirect(outcome.result)
    found = (
        PatentSet.objects.visible_to(request.user).select_related("project", "enterprise", "batch").defer("aggregates")
    )
    context = {
        "sets": found,
        "may_create": sets.may_manage(request.user),
        "may_own": role_of(request.user) == Role.ENTERPRISE and request.user.enterprises.exists(),
    }
    return render(request, "navigation/set_list.html", context)


@allow(OFFICE)
def set_new(request):
    source = request.POST.get("source", "")
    register = RegisterSetForm(request.POST if source == "register" else None, prefix="register", user=request.user)
    imported = ImportedSetForm(
        request.POST if source == "file" else None, request.FILES or None, prefix="file", user=request.user
    )
    form = register if source == "register" else imported if source == "file" else None
    if request.method == "POST" and form is not None and form.is_valid():
        if form is register:
            outcome = run_action(request, tasks.create_register_set, request.user, **form.cleaned_data, form=form)
        else:
            outcome = run_action(request, sets.import_set, request.user, **form.cleaned_data, form=form)
        if outcome.ok:
            return redirect(outcome.result)
    status = 400 if form is not None and form.errors else 200
    return render(request, "navigation/set_new.html", {"register": register, "imported": imported}, status=status)


def _visible(request, pk, *, figures=True) -> PatentSet:
    found = PatentSet.objects.visible_to(request.user)
    return get_object_or_404(found if figures else found.defer("aggregates"), pk=pk)


@allow(PROGRAMME_USERS, write=SET_WRITERS, scope=PatentSet)
def set_detail(request, pk):
    patent_set = _visible(request, pk)
    forms = {
        "describe": DescribeForm(None, initial=_described(patent_set), user=request.user),
        "branch_form": BranchForm(prefix="branch", patent_set=patent_set),
    }
    if request.method == "POST":
        done = _post(request, patent_set, forms)
        if done is not None:
            return done
    level = request.GET.get("level", "subclass")
    against = _against(request, patent_set)
    analyses = [analyse(patent_set, key, level=level, against=against) for key in CATALOGUE]
    task = patent_set.task or (patent_set.batch.task if patent_set.batch_id else None)
    arguments = {"patent_set": patent_set}
    context = {
        "set": patent_set,
        "analyses": analyses,
        # What the set cannot feed; the comparison waits for its set to be chosen, beside its own selector.
        "unfed": [found for found in analyses if found.cannot and not (found.key == "position" and against is None)],
        "level": level,
        "levels": LEVEL_NAMES.items(),
        "against": against,
        "comparable": PatentSet.objects.visible_to(request.user)
        .exclude(pk=patent_set.pk)
        .filter(patent_count__gt=0)
        .only("pk", "name"),
        "may_manage": sets.may_manage(request.user, arguments),
        "may_read": patent_set.kind == SetKind.REGISTER and sets.read_set.allowed(request.user, arguments),
        "branches": tree_order(patent_set.branches.all()),
        "query_described": described_query(patent_set.query) if patent_set.query else "",
        "progress": task if task is not None and not task.finished and not patent_set.failed else None,
        "task": task,
        **forms,
    }
    status = 400 if any(form.errors for form in forms.values()) else 200
    return render(request, "navigation/set_detail.html", context, status=status)


def _described(patent_set) -> dict:
    return {field: getattr(patent_set, field) for field in sets.EDITED}


def _against(request, patent_set):
    pk = request.GET.get("against", "")
    if not pk.isdigit():
        return None
    return PatentSet.objects.visible_to(request.user).exclude(pk=patent_set.pk).filter(pk=pk).first()


def _post(request, patent_set, forms):
    """The set page's forms, each by its `op`: a redirect, or None with the bound form in `forms` to show again."""
    op = request.POST.get("op")
    if op == "read":
        if not sets.read_set.allowed(request.user, {"patent_set": patent_set}):
            raise PermissionDenied
        read_in_background(request.user, patent_set)
        return redirect(patent_set)
    if op == "delete":
        outcome = run_action(request, sets.delete_set, patent_set, request.user, done=_("The set is deleted."))
        return redirect("patent-set-list" if outcome.ok else patent_set)
    if op == "describe":
        form = forms["describe"] = DescribeForm(request.POST, user=request.user)
        if form.is_valid():
            basis = patent_set.date_basis
            done = _("Saved.")
            outcome = run_action(
                request, sets.describe_set, patent_set, request.user, **form.cleaned_data, form=form, done=done
            )
            if outcome.ok:
                if outcome.result.date_basis != basis:
                    retag_in_background(request.user, outcome.result)
                return redirect(patent_set)
        return None
    if op == "branch":
        form = forms["branch_form"] = BranchForm(request.POST, prefix="branch", patent_set=patent_set)
        if form.is_valid():
            outcome = run_action(request, sets.add_branch, patent_set, request.user, **form.cleaned_data, form=form)
            if outcome.ok:
                retag_in_background(request.user, patent_set)
                return redirect(f"{patent_set.get_absolute_url()}#branch-tree")
        return None
    if op == "unbranch":
        branch = patent_set.branches.filter(pk=request.POST.get("branch") or 0).first()
        if branch is None:
            raise Http404
        outcome = run_action(request, sets.remove_branch, patent_set, request.user, branch=branch)
        if outcome.ok:
            retag_in_background(request.user, patent_set)
        return redirect(f"{patent_set.get_absolute_url()}#branch-tree")
    raise Http404


@allow(PROGRAMME_USERS, scope=PatentSet)
def set_patents(request, pk):
    patent_set = _visible(request, pk, figures=False)
    rows, described = patents_behind(patent_set, request.GET)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    for row in page.object_list:
        row.status_shown = status_shown(row)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"set": patent_set, "page": page, "described": described, "query": query.urlencode()}
    return render(request, "navigation/set_patents.html", context)


@require_safe
@allow(PROGRAMME_USERS, scope=PatentSet)
def set_patents_export(request, pk):
    _visible(request, pk, figures=False)
    return respond(request, patents_workbook, pk=pk)


@require_safe
@allow(PROGRAMME_USERS, scope=PatentSet)
def analysis_export(request, pk):
    """An analysis's table in Excel: `?key=` names the analysis (`level`, `against` as on the page)."""
    patent_set = _visible(request, pk)
    key = request.GET.get("key", "trend")
    if key not in CATALOGUE:
        raise Http404
    found = analyse(patent_set, key, level=request.GET.get("level", "subclass"), against=_against(request, patent_set))
    document = analysis_workbook(patent_set, found)
    return files.response(document.render(), document.filename)


@allow(SEE_ALL, write=OFFICE)
def alias_list(request):
    form = MergeForm(request.POST if request.POST.get("op") == "merge" else None)
    if request.method == "POST":
        if request.POST.get("op") == "unmerge":
            alias = get_object_or_404(ApplicantAlias, pk=request.POST.get("alias") or 0)
            outcome = run_action(request, merging.unmerge, request.user, alias=alias, done=_("The merge is undone."))
        elif form.is_valid():
            outcome = run_action(
                request, merging.merge, request.user, **form.cleaned_data, form=form, done=_("Merged.")
            )
        else:
            outcome = None
        if outcome is not None and outcome.ok:
            refresh_all_in_background(request.user)
            return redirect("applicant-alias-list")
    q = request.GET.get("q", "").strip()
    found = ApplicantAlias.objects.visible_to(request.user)
    if q:
        found = found.filter(alias__contains=q) | found.filter(name__contains=q)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "q": q, "may_edit": role_of(request.user) == Role.OFFICE}
    return render(request, "navigation/alias_list.html", context, status=400 if form.errors else 200)
