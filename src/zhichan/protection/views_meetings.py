"""The joint-meeting pages: the list with when the next plenary meeting is due, a new meeting, a meeting with its
minutes and decisions, the decisions (a unit's own first) and each decision with its steps, and the frequency the
office sets. Thin: each reads its form and calls the actions (services/meetings.py)."""

from functools import partial

from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, STAFF, Role, role_of
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .decision_steps import STEPS
from .forms_meetings import DecisionForm, FrequencyForm, MeetingForm, MinutesForm
from .models import DecisionState, JointMeeting, MeetingDecision, MeetingKind
from .services import meetings

OFFICE = frozenset({Role.OFFICE})
WRITERS = frozenset({Role.OFFICE, *LIAISONS})
PER_PAGE = 50


def _page(request, rows):
    return Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))


def _query(request) -> str:
    """The list's filters as a query string, for its page links."""
    kept = request.GET.copy()
    kept.pop("page", None)
    return kept.urlencode()


@allow(STAFF)
def meeting_list(request):
    user = request.user
    today = timezone.localdate()
    open_ = Q(decisions__state=DecisionState.OPEN)
    found = (
        JointMeeting.objects.visible_to(user)
        .select_related("convener")
        .annotate(
            present=Count("attendance", distinct=True),
            decided=Count("decisions", distinct=True),
            still_open=Count("decisions", filter=open_, distinct=True),
            late=Count("decisions", filter=open_ & Q(decisions__deadline__lt=today), distinct=True),
        )
        .order_by("-held_on", "-pk")
    )
    kind = request.GET.get("kind", "")
    if kind in MeetingKind.values:
        found = found.filter(kind=kind)
    organisation = meetings.organisation_of(user)
    context = {
        "page": _page(request, found),
        "query": _query(request),
        "kinds": MeetingKind.choices,
        "kind": kind,
        "due": meetings.meeting_due(organisation, today),
        "overdue": meetings.overdue_decisions(user, today).count(),
        "may_add": role_of(user) == Role.OFFICE,
    }
    return render(request, "protection/meeting_list.html", context)


@allow(OFFICE)
def meeting_new(request):
    organisation = meetings.organisation_of(request.user)
    form = MeetingForm(request.POST or None, request.FILES or None, organisation_id=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            meetings.record_meeting,
            request.user,
            title=data["title"],
            kind=data["kind"],
            held_on=data["held_on"],
            convener=data["convener"],
            units_present=list(data["units_present"]),
            agenda=data.get("agenda", ""),
            minutes=data.get("minutes"),
            form=form,
            done=_("The joint meeting is recorded."),
        )
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "protection/meeting_new.html", {"form": form}, status=400 if form.errors else 200)


def _meeting_context(request, meeting, forms=None):
    forms = forms or {}
    manage = meetings.may_manage(request.user, meeting)
    organisation = meeting.organisation_id
    return {
        "meeting": meeting,
        "present": [row.unit for row in meeting.attendance.select_related("unit")],
        "files": meetings.minutes_files(meeting),
        "decisions": meeting.decisions.select_related("unit"),
        "today": timezone.localdate(),
        "minutes_form": (forms.get("minutes") or MinutesForm(prefix="minutes")) if manage else None,
        "decision_form": (
            (forms.get("decision") or DecisionForm(prefix="decision", organisation_id=organisation)) if manage else None
        ),
        "open_form": next(iter(forms), None),
    }


@allow(STAFF, write=OFFICE, scope=JointMeeting)
def meeting_detail(request, pk):
    meeting = get_object_or_404(JointMeeting.objects.visible_to(request.user).select_related("convener"), pk=pk)
    return render(request, "protection/meeting_detail.html", _meeting_context(request, meeting))


@form_post("meeting-detail", "pk")
@allow(STAFF, write=OFFICE, scope=JointMeeting)
def meeting_minutes(request, pk):
    meeting = get_object_or_404(JointMeeting.objects.visible_to(request.user), pk=pk)
    form = MinutesForm(request.POST, request.FILES, prefix="minutes")
    if form.is_valid():
        outcome = run_action(
            request,
            meetings.attach_minutes,
            meeting,
            request.user,
            form.cleaned_data["minutes"],
            form=form,
            done=_("The minutes are attached."),
        )
        if outcome.ok:
            return redirect(meeting)
    context = _meeting_context(request, meeting, {"minutes": form})
    return render(request, "protection/meeting_detail.html", context, status=400)


@form_post("meeting-detail", "pk")
@allow(STAFF, write=OFFICE, scope=JointMeeting)
def meeting_decision_new(request, pk):
    meeting = get_object_or_404(JointMeeting.objects.visible_to(request.user), pk=pk)
    form = DecisionForm(request.POST, prefix="decision", organisation_id=meeting.organisation_id)
    if form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            meetings.add_decision,
            request.user,
            meeting=meeting,
            text=data["text"],
            unit=data["unit"],
            deadline=data["deadline"],
            form=form,
            done=_("The decision is recorded."),
        )
        if outcome.ok:
            return redirect(meeting)
    context = _meeting_context(request, meeting, {"decision": form})
    return render(request, "protection/meeting_detail.html", context, status=400)


@allow(STAFF)
def decision_list(request):
    """The decisions the reader reads: a liaison's own unit's by default (its to-do), the office's all."""
    user = request.user
    today = timezone.localdate()
    liaison = role_of(user) in LIAISONS and bool(user.unit_id)
    who = request.GET.get("who") or ("mine" if liaison else "all")
    found = MeetingDecision.objects.visible_to(user).select_related("meeting", "unit")
    if who == "mine" and liaison:
        found = found.filter(unit_id=user.unit_id)
    state = request.GET.get("state", "")
    if state in DecisionState.values:
        found = found.filter(state=state)
    overdue = request.GET.get("overdue") == "1"
    if overdue:
        found = found.filter(state=DecisionState.OPEN, deadline__lt=today)
    found = found.annotate(
        open_first=Case(When(state=DecisionState.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("open_first", "deadline", "pk")
    context = {
        "page": _page(request, found),
        "query": _query(request),
        "states": DecisionState.choices,
        "state": state,
        "overdue": overdue,
        "who": who if liaison else "all",
        "liaison": liaison,
        "today": today,
    }
    return render(request, "protection/decision_list.html", context)


def _decision_context(request, decision, forms=None):
    user = request.user
    return {
        "decision": decision,
        "meeting": decision.meeting,
        "today": timezone.localdate(),
        "steps": step_forms(STEPS, decision, user, forms),
        "may_act": meetings.may_act(user, decision),
    }


@allow(STAFF, write=WRITERS, scope=MeetingDecision)
def decision_detail(request, pk):
    decision = get_object_or_404(
        MeetingDecision.objects.visible_to(request.user).select_related("meeting", "unit"), pk=pk
    )
    return render(request, "protection/decision_detail.html", _decision_context(request, decision))


@form_post("decision-detail", "pk")
@allow(STAFF, write=WRITERS, scope=MeetingDecision)
def decision_step(request, pk):
    # Read, not edit: another unit's liaison reads the decision, and its action refuses it with the reason.
    decision = get_object_or_404(
        MeetingDecision.objects.visible_to(request.user).select_related("meeting", "unit"), pk=pk
    )
    context = partial(_decision_context, request, decision)
    return take_step(request, decision, STEPS, "protection/decision_detail.html", context)


@allow(OFFICE)
def meeting_settings(request):
    """How often the office's organisation holds a plenary meeting, and how early it is reminded."""
    organisation = request.user.unit.organisation if request.user.unit_id else None
    if organisation is None:
        return render(request, "protection/meeting_settings.html", {"form": None})
    current = meetings.frequency_of(organisation.pk)
    initial = {"months": current.months, "notice_days": current.notice_days, "basis": current.basis}
    form = FrequencyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = run_action(
            request,
            meetings.set_frequency,
            request.user,
            organisation,
            data["months"],
            data["notice_days"],
            data.get("basis", ""),
            form=form,
            done=_("The frequency of joint meetings is saved."),
        )
        if outcome.ok:
            return redirect("meeting-list")
    context = {"form": form, "frequency": current}
    return render(request, "protection/meeting_settings.html", context, status=400 if form.errors else 200)
