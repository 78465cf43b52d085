"""The random inspection pages: the inspectors' list, the plans, a new plan, one plan with its steps (publish,
draw, step aside, results, publish the results), its Excel export, and the public verification page. Thin: each
reads its form and calls services/inspections.py or services/inspectors.py."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.clocks import clock
from zhichan.core.models import Region, Unit
from zhichan.core.roles import EVERYONE, LIAISONS, STAFF, Role, role_of
from zhichan.core.scoping import can_edit
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action

from . import inspection_pool
from .forms_experts import StepAsideForm
from .forms_inspections import InspectorForm, InspectorTieForm, PlanForm, ResultForm
from .models import InspectionPlan, Inspector, PlanState, PublishedPlan, TargetInspector
from .services import inspection_export, inspections, inspectors
from .steps import INSPECTOR_STEPS
from .views_common import WRITERS, post_entry

PER_PAGE = 50


def _units(user):
    """The units the user acts for: the office any of its organisation's, a liaison its own."""
    if role_of(user) == Role.OFFICE:
        units = Unit.objects.filter(active=True)
        return units.filter(organisation_id=user.unit.organisation_id) if user.unit_id else units
    if role_of(user) in LIAISONS and user.unit_id:
        return Unit.objects.filter(pk=user.unit_id)
    return Unit.objects.none()


@allow(STAFF, write=WRITERS)
def inspector_list(request):
    units = _units(request.user)
    form = InspectorForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            inspectors.add_inspector,
            request.user,
            **form.cleaned_data,
            form=form,
            done=_("The inspector is added to the list."),
        )
        if outcome.ok:
            return redirect("inspector-list")
    rows = Inspector.objects.visible_to(request.user).select_related("unit")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    shown = [inspector.pk for inspector in page]
    kept = set(Inspector.objects.editable_by(request.user).filter(pk__in=shown).values_list("pk", flat=True))
    context = {"page": page, "kept": kept, "form": form if units.exists() else None}
    return render(request, "services/inspector_list.html", context, status=400 if form.errors else 200)


def _inspector(request, inspector, forms=None, status=200):
    forms = forms or {}
    kept = can_edit(request.user, inspector)
    assignments = (
        inspector.assignments.visible_to(request.user)
        .select_related("target__plan")
        .order_by("-target__plan__drawn_on", "-target__plan__pk", "target__order")
    )
    context = {
        "inspector": inspector,
        "kept": kept,
        "ties": inspector.ties.all(),
        "tie_form": (forms.get("tie") or InspectorTieForm()) if kept else None,
        "assignments": assignments[:50],
    }
    return render(request, "services/inspector_detail.html", context, status=status)


@allow(STAFF, write=WRITERS, scope=Inspector)
def inspector_detail(request, pk):
    """An inspector: the declared ties, the plans they were drawn for; a tie declared, taken off or put back."""
    if request.method == "POST":
        inspector = get_object_or_404(Inspector.objects.editable_by(request.user), pk=pk)
        key = request.POST.get("form")
        if key not in INSPECTOR_STEPS:
            return HttpResponseBadRequest()
        return post_entry(request, inspector, INSPECTOR_STEPS, key, _inspector, on_page=key == "tie")
    return _inspector(request, get_object_or_404(Inspector.objects.visible_to(request.user), pk=pk))


@allow(STAFF)
def plan_list(request):
    rows = InspectionPlan.objects.visible_to(request.user).select_related("unit")
    context = {
        "page": Paginator(rows, PER_PAGE).get_page(request.GET.get("page")),
        "may_add": _units(request.user).exists(),
    }
    return render(request, "services/plan_list.html", context)


@allow(WRITERS)
def plan_new(request):
    user = request.user
    regions = Region.objects.all()
    if user.unit_id:
        regions = regions.filter(path__startswith=user.unit.organisation.path)
    defaults = inspection_pool.default_proportions()
    form = PlanForm(request.POST or None, units=_units(user), regions=regions, proportions=defaults)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            inspections.create_plan,
            user,
            **form.plan_values(),
            proportions=form.proportions(),
            form=form,
            done=_("The plan is drawn up."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "services/plan_new.html", {"form": form}, status=400 if form.errors else 200)


def _refused(request, message):
    messages.error(request, message)
    return "failed"


def _post(request, plan):
    """Run the step the plan's page posted; returns the form with errors, or None when done."""
    user, do = request.user, request.POST.get("do", "")
    if do == "publish":
        outcome = run_action(
            request, inspections.publish_plan, plan, user, done=_("The pools and the commitment are published.")
        )
    elif do == "draw":
        outcome = run_action(
            request, inspections.draw_plan, plan, user, done=_("The objects and inspectors are drawn.")
        )
    elif do == "publish-results":
        outcome = run_action(request, inspections.publish_results, plan, user, done=_("The results are published."))
    elif do == "result":
        target = plan.targets.filter(pk=request.POST.get("target")).first()
        if target is None:
            return _refused(request, _("Choose the object."))
        form = ResultForm(request.POST, prefix=f"r{target.pk}")
        if not form.is_valid():
            return form
        outcome = run_action(
            request,
            inspections.enter_result,
            target,
            user,
            **form.cleaned_data,
            form=form,
            done=_("The result is saved."),
        )
        return None if outcome.ok else form
    elif do == "step-aside":
        assignment = TargetInspector.objects.filter(target__plan=plan, pk=request.POST.get("assignment")).first()
        if assignment is None:
            return _refused(request, _("Choose the inspector who steps aside."))
        form = StepAsideForm(request.POST, prefix=f"a{assignment.pk}")
        if not form.is_valid():
            for error in form.errors.get("reason", []):
                messages.error(request, error)
            return "failed"
        outcome = run_action(
            request,
            inspections.step_aside,
            assignment,
            user,
            reason=form.cleaned_data["reason"],
            done=_("The inspector stepped aside; the next in rank is drawn."),
        )
        return None if outcome.ok else form
    else:
        return _refused(request, _("Choose what to do."))
    return None if outcome.ok else "failed"


@allow(STAFF, write=WRITERS, scope=InspectionPlan)
def plan_detail(request, pk):
    plan = get_object_or_404(InspectionPlan.objects.visible_to(request.user).select_related("unit"), pk=pk)
    failed = None
    if request.method == "POST":
        failed = _post(request, plan)
        if failed is None:
            return redirect(plan)
        plan.refresh_from_db()
    writes = can_edit(request.user, plan)
    targets = list(plan.targets.prefetch_related("inspectors__inspector"))
    for target in targets:
        bound = failed if getattr(failed, "prefix", None) == f"r{target.pk}" else None
        target.form = bound or ResultForm(
            prefix=f"r{target.pk}",
            initial={"finding": target.finding, "inspected_on": target.inspected_on, "note": target.note},
        )
    context = {
        "plan": plan,
        "targets": targets,
        "writes": writes,
        "drawn": plan.state == PlanState.DRAWN,
        "failed": failed,
        "pool_size": len(plan.pool_text.splitlines()),
        "States": PlanState,
        "reading": clock(plan, rule=inspections.RESULTS_RULE) if plan.drawn_on else None,
    }
    return render(request, "services/plan_detail.html", context, status=400 if failed else 200)


@allow(STAFF, scope=InspectionPlan)
def plan_export(request, pk):
    return respond(request, plan_workbook, pk=pk)


def plan_workbook(request, pk):
    plan = get_object_or_404(InspectionPlan.objects.visible_to(request.user), pk=pk)
    return inspection_export.workbook(plan)


@allow(EVERYONE, scope=PublishedPlan)
def plan_verify(request, pk):
    """Public (一公开): the pools, the commitment, the seed once drawn, the draw, and its recomputation."""
    plan = get_object_or_404(inspections.published_plans(request.user), pk=pk)
    recompute = "recompute" in request.GET
    context = {
        "plan": plan,
        "targets": plan.targets.prefetch_related("inspectors__inspector"),
        "exclusions": inspections.recorded_exclusions(plan),
        "recomputed": recompute,
        "problems": inspections.verification(plan) if recompute else [],
        "draw_data": inspections.published_draw(plan) if plan.drawn_on else None,
        "draw_words": {
            "seed": _("The seed does not match the commitment published before the draw."),
            "pool": _("The pool's text does not match its published fingerprint."),
            "inspectors_pool": _("The inspectors' pool does not match its published fingerprint."),
            "objects": _("Recomputing gives another draw than the one published."),
            "inspectors": _("%(object)s: recomputing gives other inspectors."),
            "short": _("Stratum %(stratum)s: fewer eligible entries in the pool than wanted."),
            "working": _("Recomputing…"),
            "ok": _(
                "Recomputed in this browser: the seed matches its commitment, the pools match their fingerprints "
                "and the draw is exactly the one published."
            ),
            "unavailable": _("This browser cannot compute SHA-256 here (it needs a secure connection)."),
        },
    }
    return render(request, "services/plan_verify.html", context)
