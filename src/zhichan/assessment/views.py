"""The assessment's pages: the rounds and schemes, one round with its groups' rankings and its steps, one assessed
unit with its items, one item with the records behind it and its forms, a notice, and the trends across rounds.
Thin: each reads through the scope and calls services/."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import LIAISONS, SEE_ALL, STAFF, Role, role_of
from zhichan.core.services.exports import respond
from zhichan.core.services.organisation import organisation_of
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .forms import OpenRoundForm, SchemeForm, ScoresForm
from .models import Appeal, ItemScore, Notice, Participant, ParticipantState, Round, RoundState, Scheme
from .services import exports, rounds, schemes
from .services.reading import explained, groups, scheme_shown
from .services.trends import trends
from .steps import APPEAL_STEPS, ITEM_STEPS, NOTICE_STEPS, PARTICIPANT_STEPS, ROUND_STEPS

OFFICE = frozenset({Role.OFFICE})
RUNNERS = frozenset({Role.OFFICE, Role.LEADER})


@allow(STAFF, write=OFFICE)
def round_list(request):
    user = request.user
    context = {
        "rounds": Round.objects.visible_to(user).select_related("scheme"),
        "schemes": Scheme.objects.visible_to(user),
        "may_open": rounds.open_round.allowed(user),
        "sees_all": role_of(user) in SEE_ALL,
        "own": Participant.objects.visible_to(user).filter(unit_id=user.unit_id).select_related("round")
        if role_of(user) in LIAISONS
        else [],
    }
    return render(request, "assessment/round_list.html", context)


@allow(OFFICE)
def round_new(request):
    form = OpenRoundForm(request.POST or None, schemes=Scheme.objects.editable_by(request.user))
    if request.method == "POST" and form.is_valid():
        done = _("The round is open: units assess themselves now.")
        outcome = run_action(request, rounds.open_round, request.user, **form.cleaned_data, form=form, done=done)
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "assessment/round_new.html", {"form": form}, status=400 if form.errors else 200)


def _round_context(request, assessment_round, forms=None) -> dict:
    user = request.user
    return {
        "round": assessment_round,
        "groups": groups(assessment_round, user),
        "assessed": ItemScore.objects.visible_to(user)
        .filter(participant__round=assessment_round, assessor_id=user.unit_id)
        .select_related("participant__unit", "participant__round")
        if role_of(user) in LIAISONS and user.unit_id
        else [],
        "notices": Notice.objects.visible_to(user).filter(round=assessment_round),
        "appeals": Appeal.objects.visible_to(user)
        .filter(participant__round=assessment_round)
        .select_related("participant__unit"),
        "steps": step_forms(ROUND_STEPS, assessment_round, user, forms),
        "sees_all": role_of(user) in SEE_ALL,
        **_waiting(assessment_round, user),
    }


WAITING_SHOWN = 50


def _waiting(assessment_round, user) -> dict:
    """For the office in review: the items that wait for their assessor's score before the round goes on."""
    if role_of(user) != Role.OFFICE or assessment_round.state != RoundState.REVIEW:
        return {}
    waiting = rounds.awaiting_assessors(assessment_round).select_related(
        "participant__unit", "participant__round", "assessor"
    )
    count = waiting.count()
    return {"waiting": list(waiting[:WAITING_SHOWN]), "waiting_more": max(0, count - WAITING_SHOWN)} if count else {}


@allow(STAFF, write=RUNNERS, scope=Round)
def round_detail(request, pk):
    assessment_round = get_object_or_404(Round.objects.visible_to(request.user), pk=pk)
    return render(request, "assessment/round_detail.html", _round_context(request, assessment_round))


@form_post("assessment-round", "pk")
@allow(STAFF, write=RUNNERS, scope=Round)
def round_step(request, pk):
    assessment_round = get_object_or_404(Round.objects.visible_to(request.user), pk=pk)
    return take_step(
        request,
        assessment_round,
        ROUND_STEPS,
        "assessment/round_detail.html",
        partial(_round_context, request, assessment_round),
    )


@allow(STAFF, write=STAFF, scope=Round)
def round_scores(request, pk):
    """The items an assessor unit scores, in one table: its liaisons score their unit's, the office any."""
    assessment_round = get_object_or_404(Round.objects.visible_to(request.user), pk=pk)
    items = list(
        rounds.assessor_items(assessment_round, request.user)
        .select_related("participant__unit", "participant__round", "assessor")
        .prefetch_related("evidence")
    )
    scoring = assessment_round.state == RoundState.REVIEW and role_of(request.user) in {Role.OFFICE, *LIAISONS}
    table = ScoresForm(items, request.POST if request.method == "POST" and scoring else None)
    if request.method == "POST":
        if not scoring:
            messages.error(request, _("Items are reviewed while the round is in review."))
        elif table.is_valid():
            changed = table.changed()
            refused = rounds.review_items(request.user, changed)
            if not refused:
                if changed:
                    messages.success(request, _("%(count)d scores saved.") % {"count": len(changed)})
                else:
                    messages.info(request, _("Nothing was saved: no score changed."))
                return redirect(request.path)
            table.refuse(refused)
        if table.refused:
            messages.error(
                request,
                ngettext(
                    "Nothing was saved: %(count)s row needs correcting.",
                    "Nothing was saved: %(count)s rows need correcting.",
                    table.refused,
                )
                % {"count": table.refused},
            )
    context = {"round": assessment_round, "rows": table.rows, "scoring": scoring}
    status = 400 if any(row.errors for row in table.rows) else 200
    return render(request, "assessment/round_scores.html", context, status=status)


@require_safe
@allow(STAFF, scope=Round)
def round_export(request, pk):
    return respond(request, exports.round_workbook, pk=pk)


def _participant_context(request, participant, forms=None, appeal_forms=None) -> dict:
    """The unit's page; `appeal_forms` (appeal id, its refused step's form) when an appeal's decision was refused."""
    items = list(participant.items.select_related("assessor").prefetch_related("evidence"))
    for item in items:
        item.words = explained(item)
    names = {item.key: item.name for item in items}
    appeals = list(participant.appeals.all())
    for appeal in appeals:
        appeal.item_name = names.get(appeal.item, "")
        refused = appeal_forms[1] if appeal_forms and appeal_forms[0] == appeal.pk else None
        appeal.steps = step_forms(APPEAL_STEPS, appeal, request.user, refused)
        appeal.open_step = next(iter(refused)) if refused else ""
    return {
        "participant": participant,
        "round": participant.round,
        "items": items,
        "results": participant.round.results_public or role_of(request.user) in SEE_ALL,
        "appeals": appeals,
        "assessing": participant.state == ParticipantState.DRAFT and participant.round.state == RoundState.OPEN,
        "steps": step_forms(PARTICIPANT_STEPS, participant, request.user, forms),
    }


@allow(STAFF, write=STAFF, scope=Participant)
def participant_detail(request, pk):
    participant = get_object_or_404(Participant.objects.visible_to(request.user).select_related("round", "unit"), pk=pk)
    return render(request, "assessment/participant_detail.html", _participant_context(request, participant))


@form_post("assessment-participant", "pk")
@allow(STAFF, write=STAFF, scope=Participant)
def participant_step(request, pk):
    participant = get_object_or_404(Participant.objects.visible_to(request.user).select_related("round", "unit"), pk=pk)
    return take_step(
        request,
        participant,
        PARTICIPANT_STEPS,
        "assessment/participant_detail.html",
        partial(_participant_context, request, participant),
    )


def _item_context(request, item, forms=None) -> dict:
    participant = item.participant
    results = participant.round.results_public or role_of(request.user) in SEE_ALL
    return {
        "item": item,
        "participant": participant,
        "round": participant.round,
        "words": explained(item),
        "records": (item.basis or {}).get("records", []),
        "more": (item.basis or {}).get("more", 0),
        "results": results,
        # the log names the review's points: a unit reads it once its results are published, an assessor always
        "log": results or bool(item.assessor_id) and request.user.unit_id == item.assessor_id,
        "reads_unit": Participant.objects.visible_to(request.user).filter(pk=participant.pk).exists(),
        "steps": step_forms(ITEM_STEPS, item, request.user, forms),
    }


def _item(request, pk):
    return get_object_or_404(
        ItemScore.objects.visible_to(request.user).select_related("participant__round", "participant__unit"), pk=pk
    )


@allow(STAFF, write=STAFF, scope=ItemScore)
def item_detail(request, pk):
    item = _item(request, pk)
    return render(request, "assessment/item_detail.html", _item_context(request, item))


@form_post("assessment-item", "pk")
@allow(STAFF, write=STAFF, scope=ItemScore)
def item_step(request, pk):
    item = _item(request, pk)
    return take_step(request, item, ITEM_STEPS, "assessment/item_detail.html", partial(_item_context, request, item))


@form_post()
@allow(STAFF, write=OFFICE, scope=Appeal)
def appeal_step(request, pk):
    appeal = get_object_or_404(Appeal.objects.visible_to(request.user).select_related("participant__round"), pk=pk)

    def context(forms):
        return _participant_context(request, appeal.participant, appeal_forms=(appeal.pk, forms))

    return take_step(request, appeal, APPEAL_STEPS, "assessment/participant_detail.html", context)


def _notice_context(request, notice, forms=None) -> dict:
    return {
        "notice": notice,
        "round": notice.round,
        "paragraphs": [part for part in notice.body.split("\n\n") if part.strip()],
        "named": notice.participants.select_related("unit", "round").order_by("group", "rank"),
        "steps": step_forms(NOTICE_STEPS, notice, request.user, forms),
    }


@allow(STAFF, write=OFFICE, scope=Notice)
def notice_detail(request, pk):
    notice = get_object_or_404(Notice.objects.visible_to(request.user).select_related("round"), pk=pk)
    return render(request, "assessment/notice_detail.html", _notice_context(request, notice))


@form_post("assessment-notice", "pk")
@allow(STAFF, write=OFFICE, scope=Notice)
def notice_step(request, pk):
    notice = get_object_or_404(Notice.objects.visible_to(request.user).select_related("round"), pk=pk)
    context = partial(_notice_context, request, notice)
    return take_step(request, notice, NOTICE_STEPS, "assessment/notice_detail.html", context)


@require_safe
@allow(STAFF, scope=Notice)
def notice_docx(request, pk):
    return respond(request, exports.notice_document, pk=pk, kind="docx")


@require_safe
@allow(STAFF, scope=Notice)
def notice_pdf(request, pk):
    return respond(request, exports.notice_document, pk=pk, kind="pdf")


def save_file(request, form, save, done: str, **arguments):
    """A data file's page posted (a scheme, an evaluation index): its text saved by `save`, the saved record's page
    on success; None otherwise (not posted, or the form shows what is wrong)."""
    if request.method != "POST" or not form.is_valid():
        return None
    outcome = run_action(request, save, request.user, text=form.cleaned_data["text"], form=form, done=done, **arguments)
    return redirect(outcome.result) if outcome.ok else None


@allow(STAFF, write=OFFICE, scope=Scheme)
def scheme_detail(request, pk):
    scheme = get_object_or_404(Scheme.objects.visible_to(request.user), pk=pk)
    form = SchemeForm(request.POST or None, initial={"text": scheme.text})
    if request.method == "POST":
        if not Scheme.objects.editable_by(request.user).filter(pk=pk).exists():
            raise PermissionDenied
        done = _("The scheme is saved; rounds opened before keep the scheme they opened with.")
        saved = save_file(request, form, schemes.save_scheme, done, organisation=scheme.organisation, scheme=scheme)
        if saved:
            return saved
    may_edit = role_of(request.user) == Role.OFFICE and schemes.save_scheme.allowed(
        request.user, {"organisation": scheme.organisation}
    )
    context = {
        "scheme": scheme,
        "data": scheme.data,
        "groups": scheme_shown(scheme.data, scheme.organisation),
        "form": form,
        "may_edit": may_edit,
    }
    return render(request, "assessment/scheme_detail.html", context, status=400 if form.errors else 200)


@allow(OFFICE)
def scheme_new(request):
    form = SchemeForm(request.POST or None)
    organisation = organisation_of(request.user)
    saved = save_file(request, form, schemes.save_scheme, _("The scheme is saved."), organisation=organisation)
    if saved:
        return saved
    return render(request, "assessment/scheme_new.html", {"form": form}, status=400 if form.errors else 200)


@allow(STAFF)
def trends_page(request):
    return render(request, "assessment/trends.html", {"trends": trends(request.user)})


@require_safe
@allow(STAFF)
def trends_export(request):
    return respond(request, exports.trends_workbook)
