"""The pages of industry–university–research matching and co-operation agreements: the four lists (events, demands
and offers, matches, agreements) with their Excel exports, the forms entering each, and the pages of an event, a
match and an agreement with the steps the reader may take. Thin: each reads its form and calls services/."""

from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from zhichan.core.access import allow
from zhichan.core.columns import headers
from zhichan.core.models import Attachment, Unit, UnitKind
from zhichan.core.posting import form_post
from zhichan.core.roles import PROGRAMME_USERS, Role, role_of
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step
from zhichan.finance.models import RightTransaction

from .columns import AGREEMENT_COLUMNS, EVENT_COLUMNS, MATCH_COLUMNS, POSTING_COLUMNS
from .matching_forms import AgreementForm, EventForm, MatchForm, PostingForm
from .matching_steps import AGREEMENT_STEPS, EVENT_STEPS, MATCH_STEPS, match_recorded
from .models import CooperationAgreement, Match, MatchingEvent, PostingKind
from .services import agreements, matching
from .services.matching_lists import (
    agreement_workbook,
    event_workbook,
    filtered_agreements,
    filtered_events,
    filtered_matches,
    filtered_postings,
    match_workbook,
    posting_workbook,
    shown,
)
from .services.projects import may_create
from .views import CREATORS

PER_PAGE = 50


def _units(user):
    """The units the office chooses from; None for a liaison, whose records are its own unit's."""
    if role_of(user) != Role.OFFICE:
        return None
    return Unit.objects.visible_to(user).exclude(kind=UnitKind.BANK).order_by("kind", "name")


# --- lists -------------------------------------------------------------------------------------------------------

LISTS = {
    "events": {
        "title": gettext_lazy("Technology matching events"),
        "columns": EVENT_COLUMNS,
        "filtered": filtered_events,
        "export": "matching-event-export",
        "new": ("matching-event-new", gettext_lazy("Enter an event")),
        "link": lambda event, events: event.get_absolute_url(),
    },
    "postings": {
        "title": gettext_lazy("Technology demands and offers"),
        "columns": POSTING_COLUMNS,
        "filtered": filtered_postings,
        "export": "matching-posting-export",
        "new": ("matching-posting-new", gettext_lazy("Post a demand or an offer")),
        # the event's page, when the reader reads the event (a township's demand posted at a county event is its
        # township's; the event is not)
        "link": lambda posting, events: posting.event.get_absolute_url() if posting.event_id in events else "",
    },
    "matches": {
        "title": gettext_lazy("Technology matches"),
        "columns": MATCH_COLUMNS,
        "filtered": filtered_matches,
        "export": "matching-match-export",
        "new": ("matching-match-new", gettext_lazy("Record a match")),
        "link": lambda match, events: match.get_absolute_url(),
    },
    "agreements": {
        "title": gettext_lazy("Co-operation agreements"),
        "columns": AGREEMENT_COLUMNS,
        "filtered": filtered_agreements,
        "export": "agreement-export",
        "new": ("agreement-new", gettext_lazy("Enter an agreement")),
        "link": lambda agreement, events: agreement.get_absolute_url(),
    },
}


def _readable_events(user, records) -> set:
    """The ids of the events the records name that the user reads (a link is only given to a page that opens)."""
    named = {getattr(record, "event_id", None) for record in records} - {None}
    return set(MatchingEvent.objects.visible_to(user).filter(pk__in=named).values_list("pk", flat=True))


def _list(request, which):
    shape = LISTS[which]
    form, found = shape["filtered"](request.user, request.GET)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    columns = shape["columns"]
    events = _readable_events(request.user, page.object_list)
    rows = [
        {
            "link": shape["link"](record, events),
            "cells": [shown(column.of(record)) for column in columns],
            "record": record,
        }
        for record in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "which": which,
        "title": shape["title"],
        "headers": headers(columns),
        "rows": rows,
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "export": shape["export"],
        "new": shape["new"] if may_create(request.user) else None,
    }
    return render(request, "projects/matching_list.html", context)


@allow(PROGRAMME_USERS)
def event_list(request):
    return _list(request, "events")


@require_safe
@allow(PROGRAMME_USERS)
def event_export(request):
    return respond(request, event_workbook)


@allow(PROGRAMME_USERS)
def posting_list(request):
    return _list(request, "postings")


@require_safe
@allow(PROGRAMME_USERS)
def posting_export(request):
    return respond(request, posting_workbook)


@allow(PROGRAMME_USERS)
def match_list(request):
    return _list(request, "matches")


@require_safe
@allow(PROGRAMME_USERS)
def match_export(request):
    return respond(request, match_workbook)


@allow(PROGRAMME_USERS)
def agreement_list(request):
    return _list(request, "agreements")


@require_safe
@allow(PROGRAMME_USERS)
def agreement_export(request):
    return respond(request, agreement_workbook)


# --- entering ----------------------------------------------------------------------------------------------------


def _new(request, form, action, *, title, intro, done, back, then=None):
    """Show the form; on a valid POST run the action and go to the new record (or to `then`)."""
    if request.method == "POST" and form.is_valid():
        outcome = run_action(request, action, request.user, **form.cleaned_data, form=form, done=done)
        if outcome.ok:
            return redirect(then or outcome.result)
    context = {"form": form, "title": title, "intro": intro, "back": back, "which": back}
    return render(request, "projects/matching_new.html", context, status=400 if form.errors else 200)


@allow(CREATORS)
def event_new(request):
    form = EventForm(request.POST or None, units=_units(request.user), user=request.user)
    return _new(
        request,
        form,
        matching.enter_event,
        title=_("Enter a technology matching event"),
        intro=_("Entered once held; the demands and offers posted at it and the matches made are added on its page."),
        done=_("The event is entered."),
        back="events",
    )


@allow(CREATORS)
def posting_new(request):
    form = PostingForm(request.POST or None, units=_units(request.user), user=request.user)
    return _new(
        request,
        form,
        matching.add_posting,
        title=_("Post a technology demand or offer"),
        intro=_("A demand or an offer not posted at an event; one posted at an event is added on the event's page."),
        done=_("The demand or offer is added."),
        back="postings",
        then="matching-posting-list",
    )


@allow(CREATORS)
def match_new(request):
    form = MatchForm(request.POST or None, user=request.user)
    return _new(
        request,
        form,
        matching.record_match,
        title=_("Record a match"),
        intro=_("A demand you follow and an offer, matched at an event or not; it starts in talks."),
        done=match_recorded,
        back="matches",
    )


@allow(CREATORS)
def agreement_new(request):
    form = AgreementForm(request.POST or None, units=_units(request.user), user=request.user)
    return _new(
        request,
        form,
        agreements.enter_agreement,
        title=_("Enter a co-operation agreement"),
        intro=_("The signed text and its annexes are attached on the agreement's page."),
        done=_("The agreement is entered."),
        back="agreements",
    )


# --- one record --------------------------------------------------------------------------------------------------


def _event_context(request, event, forms=None) -> dict:
    postings = list(event.postings.select_related("enterprise").order_by("kind", "pk"))
    return {
        "event": event,
        "demands": [posting for posting in postings if posting.kind == PostingKind.DEMAND],
        "offers": [posting for posting in postings if posting.kind == PostingKind.OFFER],
        "matches": Match.objects.visible_to(request.user).filter(event=event).select_related("demand", "offer"),
        "agreements": CooperationAgreement.objects.visible_to(request.user).filter(event=event),
        "steps": step_forms(EVENT_STEPS, event, request.user, forms),
        "which": "events",
    }


def _event(pk, rows):
    return get_object_or_404(rows.select_related("unit", "region"), pk=pk)


@allow(PROGRAMME_USERS, write=CREATORS, scope=MatchingEvent)
def event_detail(request, pk):
    event = _event(pk, MatchingEvent.objects.visible_to(request.user))
    return render(request, "projects/matching_event_detail.html", _event_context(request, event))


@form_post("matching-event-detail", "pk")
@allow(PROGRAMME_USERS, write=CREATORS, scope=MatchingEvent)
def event_step(request, pk):
    event = _event(pk, MatchingEvent.objects.editable_by(request.user))
    template = "projects/matching_event_detail.html"
    return take_step(request, event, EVENT_STEPS, template, partial(_event_context, request, event))


def _match_context(request, match, forms=None) -> dict:
    readable_deal = (
        match.transaction_id is not None
        and RightTransaction.objects.visible_to(request.user).filter(pk=match.transaction_id).exists()
    )
    readable_agreement = (
        match.agreement_id is not None
        and CooperationAgreement.objects.visible_to(request.user).filter(pk=match.agreement_id).exists()
    )
    return {
        "match": match,
        "deal_readable": readable_deal,
        "agreement_readable": readable_agreement,
        "event_readable": match.event_id is not None
        and MatchingEvent.objects.visible_to(request.user).filter(pk=match.event_id).exists(),
        "steps": step_forms(MATCH_STEPS, match, request.user, forms),
        "which": "matches",
    }


def _match(pk, rows):
    related = ("demand", "offer", "event", "agreement", "transaction", "demand__enterprise")
    return get_object_or_404(rows.select_related(*related), pk=pk)


@allow(PROGRAMME_USERS, write=CREATORS, scope=Match)
def match_detail(request, pk):
    match = _match(pk, Match.objects.visible_to(request.user))
    return render(request, "projects/matching_match_detail.html", _match_context(request, match))


@form_post("matching-match-detail", "pk")
@allow(PROGRAMME_USERS, write=CREATORS, scope=Match)
def match_step(request, pk):
    match = _match(pk, Match.objects.editable_by(request.user))
    template = "projects/matching_match_detail.html"
    return take_step(request, match, MATCH_STEPS, template, partial(_match_context, request, match))


def _agreement_context(request, agreement, forms=None) -> dict:
    return {
        "agreement": agreement,
        "partners": agreement.partners.splitlines(),
        "documents": Attachment.objects.on(agreement),
        "matches": Match.objects.visible_to(request.user).filter(agreement=agreement).select_related("demand", "offer"),
        "event_readable": agreement.event_id is not None
        and MatchingEvent.objects.visible_to(request.user).filter(pk=agreement.event_id).exists(),
        "steps": step_forms(AGREEMENT_STEPS, agreement, request.user, forms),
        "register_readable": role_of(request.user) in PROGRAMME_USERS,
        "which": "agreements",
    }


def _agreement(pk, rows):
    return get_object_or_404(rows.select_related("unit", "region", "event", "enterprise"), pk=pk)


@allow(PROGRAMME_USERS, write=CREATORS, scope=CooperationAgreement)
def agreement_detail(request, pk):
    agreement = _agreement(pk, CooperationAgreement.objects.visible_to(request.user))
    return render(request, "projects/agreement_detail.html", _agreement_context(request, agreement))


@form_post("agreement-detail", "pk")
@allow(PROGRAMME_USERS, write=CREATORS, scope=CooperationAgreement)
def agreement_step(request, pk):
    agreement = _agreement(pk, CooperationAgreement.objects.editable_by(request.user))
    template = "projects/agreement_detail.html"
    return take_step(request, agreement, AGREEMENT_STEPS, template, partial(_agreement_context, request, agreement))
