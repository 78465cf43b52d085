"""The expert pool's pages: the pool, a new expert, one expert with their ties and history of use, a new draw and
one draw with its experts and replacements. Thin: each reads its form and calls services/experts.py; what an
expert's page enters (availability, a tie, publishing) goes by the table the API reads too (steps.py)."""

from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.roles import STAFF, Role, role_of
from zhichan.core.views.actions import run_action

from .forms_agencies import PublishForm
from .forms_experts import AvailabilityForm, DrawForm, ExpertForm, StepAsideForm, TieForm
from .models import Expert, ExpertDraw, ExpertField
from .services import experts as pool
from .steps import EXPERT_STEPS
from .views_common import post_entry

OFFICE = frozenset({Role.OFFICE})
PER_PAGE = 50


def _office(user) -> bool:
    return role_of(user) == Role.OFFICE


@allow(STAFF)
def expert_list(request):
    rows = Expert.objects.visible_to(request.user).order_by("number")
    field = request.GET.get("field", "")
    listed = [expert for expert in rows if not field or field in expert.fields]
    context = {
        "page": Paginator(listed, PER_PAGE).get_page(request.GET.get("page")),
        "fields": ExpertField.choices,
        "field": field,
        "draws": ExpertDraw.objects.visible_to(request.user)[:10],
        "office": _office(request.user),
    }
    return render(request, "services/expert_list.html", context)


@allow(OFFICE)
def expert_new(request):
    form = ExpertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            pool.add_expert,
            request.user,
            **form.cleaned_data,
            form=form,
            done=_("The expert is added to the pool."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "services/expert_new.html", {"form": form}, status=400 if form.errors else 200)


@allow(OFFICE, scope=Expert)
def expert_edit(request, pk):
    expert = get_object_or_404(Expert.objects.editable_by(request.user), pk=pk)
    initial = {name: getattr(expert, name) for name in (*pool.EDITABLE, "fields")}
    form = ExpertForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = _("The expert is saved.")
        outcome = run_action(
            request, pool.update_expert, expert, request.user, **form.cleaned_data, form=form, done=done
        )
        if outcome.ok:
            return redirect(expert)
    context = {"form": form, "expert": expert}
    return render(request, "services/expert_new.html", context, status=400 if form.errors else 200)


def _detail(request, expert, forms=None, status=200):
    office = _office(request.user)
    forms = forms or {}
    initial = {"available": expert.available, "until": expert.unavailable_until}
    context = {
        "expert": expert,
        "office": office,
        "ties": expert.ties.all(),
        "uses": pool.uses_of(expert),
        "visits": expert.custody_visits.visible_to(request.user).select_related("engagement__enterprise")[:20],
        "availability_form": (forms.get("availability") or AvailabilityForm(initial=initial)) if office else None,
        "tie_form": (forms.get("tie") or TieForm()) if office else None,
        "publish_form": (forms.get("publish") or PublishForm()) if office else None,
    }
    return render(request, "services/expert_detail.html", context, status=status)


@allow(STAFF, write=OFFICE, scope=Expert)
def expert_detail(request, pk):
    if request.method == "POST":
        expert = get_object_or_404(Expert.objects.editable_by(request.user), pk=pk)
        key = request.POST.get("form")
        if key not in EXPERT_STEPS:
            return HttpResponseBadRequest()
        return post_entry(request, expert, EXPERT_STEPS, key, _detail, on_page=key != "withdraw")
    return _detail(request, get_object_or_404(Expert.objects.visible_to(request.user), pk=pk))


@allow(OFFICE)
def expert_draw_new(request):
    form = DrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request, pool.draw_experts, request.user, **form.cleaned_data, form=form, done=_("The experts are drawn.")
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "services/expert_draw_new.html", {"form": form}, status=400 if form.errors else 200)


@allow(STAFF, write=OFFICE, scope=ExpertDraw)
def expert_draw_detail(request, pk):
    draw = get_object_or_404(ExpertDraw.objects.visible_to(request.user), pk=pk)
    form = StepAsideForm(request.POST or None)
    if request.method == "POST":
        pick = draw.picks.filter(pk=request.POST.get("pick")).first()
        if form.is_valid() and pick is None:
            form.add_error(None, _("Choose the expert who steps aside."))
        elif form.is_valid():
            outcome = run_action(
                request,
                pool.step_aside,
                pick,
                request.user,
                reason=form.cleaned_data["reason"],
                form=form,
                done=_("The expert stepped aside; the next in rank is drawn."),
            )
            if outcome.ok:
                return redirect(draw)
    context = {
        "draw": draw,
        "picks": draw.picks.select_related("expert"),
        "excluded": sorted(draw.excluded.items()),
        "form": form if _office(request.user) else None,
    }
    return render(request, "services/expert_draw_detail.html", context, status=400 if form.errors else 200)
