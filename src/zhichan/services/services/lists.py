"""The agencies, custody engagements and custody applications a reader reads, as their lists' filters choose them:
one reading for the list pages and their Excel exports."""

import datetime

from django.db.models import Q
from django.utils import timezone

from ..forms_agencies import AgencyFilterForm
from ..forms_custody import ApplicationFilterForm, EngagementFilterForm
from ..models import Agency, CustodyApplication, CustodyEngagement, EngagementState
from .custody_applications import open_first

SOON = datetime.timedelta(days=30)


def filtered_agencies(user, data):
    """The agencies the reader reads, as the list's filters choose them."""
    found = Agency.objects.visible_to(user).select_related("region", "supervisor")
    form = AgencyFilterForm(data or None, user=user)
    if form.is_valid():
        chosen = form.cleaned_data
        if chosen.get("q"):
            found = found.filter(Q(name__icontains=chosen["q"]) | Q(uscc__icontains=chosen["q"].upper()))
        if chosen.get("kind"):
            found = found.filter(kinds__icontains=f'"{chosen["kind"]}"')  # the JSON text names it, quoted
        if chosen.get("region"):
            found = found.filter(region__path__startswith=chosen["region"].path)
        if chosen.get("settled") == "yes":
            found = found.filter(settled_on__isnull=False)
        elif chosen.get("settled") == "no":
            found = found.filter(settled_on__isnull=True)
        if chosen.get("expiring"):
            today = timezone.localdate()
            found = found.filter(
                qualifications__valid_to__gte=today, qualifications__valid_to__lte=today + SOON
            ).distinct()
    return form, found


def filtered_engagements(user, data):
    """The engagements the reader reads, as the ledger's filters choose them."""
    found = CustodyEngagement.objects.visible_to(user).select_related("enterprise__region", "agency", "unit")
    form = EngagementFilterForm(data or None, user=user)
    today = timezone.localdate()
    if form.is_valid():
        chosen = form.cleaned_data
        if chosen.get("q"):
            q = chosen["q"]
            found = found.filter(
                Q(enterprise__name__icontains=q)
                | Q(enterprise__uscc__icontains=q.upper())
                | Q(agency__name__icontains=q)
                | Q(agreement_number__icontains=q)
            )
        state = chosen.get("state")
        if state == EngagementState.UPCOMING:
            found = found.filter(start__gt=today)
        elif state == EngagementState.ACTIVE:
            found = found.filter(start__lte=today, end__gte=today)
        elif state == EngagementState.ENDED:
            found = found.filter(end__lt=today)
        elif state == "ending":
            found = found.filter(end__gte=today, end__lte=today + SOON)
        if chosen.get("region"):
            found = found.filter(enterprise__region__path__startswith=chosen["region"].path)
        if chosen.get("industry"):
            found = found.filter(enterprise__industry_code__startswith=chosen["industry"].strip().upper())
    return form, found


def filtered_applications(user, data):
    """The custody applications the reader reads, those awaiting a decision first."""
    found = CustodyApplication.objects.visible_to(user).select_related("unit", "engagement__agency")
    form = ApplicationFilterForm(data or None)
    if form.is_valid():
        chosen = form.cleaned_data
        if chosen.get("q"):
            q = chosen["q"].strip()
            found = found.filter(Q(enterprise_name__icontains=q) | Q(credit_code__icontains=q.upper()))
        if chosen.get("state"):
            found = found.filter(state=chosen["state"])
    return form, open_first(found)
