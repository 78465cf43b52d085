"""The lists of matching events, demands and offers, matches and co-operation agreements as their filters choose
them, each with its Excel export of the same rows and columns (columns.py)."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext

from zhichan.core.columns import sheet
from zhichan.documents import xlsx

from ..columns import AGREEMENT_COLUMNS, EVENT_COLUMNS, MATCH_COLUMNS, POSTING_COLUMNS
from ..matching_forms import AgreementFilter, EventFilter, MatchFilter, PostingFilter
from ..models import CooperationAgreement, Match, MatchingEvent, Posting


def _chosen(form_class, data):
    form = form_class(data or None)
    return form, (form.cleaned_data if form.is_valid() else {})


def filtered_events(user, data):
    form, chosen = _chosen(EventFilter, data)
    found = MatchingEvent.objects.visible_to(user).select_related("unit", "region")
    if chosen.get("year"):
        found = found.filter(held_on__year=chosen["year"])
    if chosen.get("q"):
        text = chosen["q"].strip()
        found = found.filter(Q(title__icontains=text) | Q(place__icontains=text))
    counts = {"posting_count": Count("postings", distinct=True), "match_count": Count("matches", distinct=True)}
    return form, found.annotate(**counts).order_by("-held_on", "-pk")  # a grouped query drops Meta.ordering


def filtered_postings(user, data):
    form, chosen = _chosen(PostingFilter, data)
    found = Posting.objects.visible_to(user).select_related("event", "region")
    if chosen.get("kind"):
        found = found.filter(kind=chosen["kind"])
    if chosen.get("q"):
        text = chosen["q"].strip()
        found = found.filter(Q(title__icontains=text) | Q(party__icontains=text) | Q(field__icontains=text))
    counts = Count("matches_as_demand", distinct=True) + Count("matches_as_offer", distinct=True)
    return form, found.annotate(match_count=counts).order_by("-created", "-pk")


def filtered_matches(user, data):
    form, chosen = _chosen(MatchFilter, data)
    found = Match.objects.visible_to(user).select_related("demand", "offer", "event", "agreement", "transaction")
    if chosen.get("outcome"):
        found = found.filter(outcome=chosen["outcome"])
    if chosen.get("q"):
        text = chosen["q"].strip()
        found = found.filter(
            Q(demand__title__icontains=text)
            | Q(offer__title__icontains=text)
            | Q(demand__party__icontains=text)
            | Q(offer__party__icontains=text)
        )
    return form, found


def filtered_agreements(user, data):
    form, chosen = _chosen(AgreementFilter, data)
    found = CooperationAgreement.objects.visible_to(user).select_related("unit", "region", "event")
    if chosen.get("year"):
        found = found.filter(signed_on__year=chosen["year"])
    if chosen.get("q"):
        text = chosen["q"].strip()
        found = found.filter(
            Q(title__icontains=text) | Q(enterprise_name__icontains=text) | Q(partners__icontains=text)
        )
    return form, found


def shown(value):
    """A cell as the pages write it: a day as 2024-06-01, an amount without trailing zeros."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return value


def _workbook(request, title, columns, filtered) -> xlsx.Workbook:
    _form, found = filtered(request.user, request.GET)
    made = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    note = gettext("%(title)s · made %(time)s") % {"title": title, "time": made}
    return xlsx.Workbook(filename=f"{title}.xlsx", sheets=[sheet(title, columns, found, note)], rows=found.count())


def event_workbook(request) -> xlsx.Workbook:
    return _workbook(request, gettext("Technology matching events"), EVENT_COLUMNS, filtered_events)


def posting_workbook(request) -> xlsx.Workbook:
    return _workbook(request, gettext("Technology demands and offers"), POSTING_COLUMNS, filtered_postings)


def match_workbook(request) -> xlsx.Workbook:
    return _workbook(request, gettext("Technology matches"), MATCH_COLUMNS, filtered_matches)


def agreement_workbook(request) -> xlsx.Workbook:
    return _workbook(request, gettext("Co-operation agreements"), AGREEMENT_COLUMNS, filtered_agreements)
