"""The outreach workbench panel, for the office and the units' liaisons: the sign-in pages open now (an activity
under way: its QR code is on its page), this year's activities and people trained, and — for the office and the
leadership — the survey round taking answers, with its responses so far."""

from django.db.models import Count, Q
from django.utils import timezone

from zhichan.core.roles import SEE_ALL, STAFF, role_of

from .models import Activity, ActivityKind, RoundState, SurveyRound


def outreach_panel(request):
    role = role_of(request.user)
    if role not in STAFF:
        return None
    year = timezone.localdate().year
    activities = Activity.objects.visible_to(request.user)
    this_year = activities.filter(starts_on__year=year)
    trained = this_year.filter(kind=ActivityKind.TRAINING).aggregate(
        present=Count("participants", filter=Q(participants__attended=True))
    )["present"]
    survey_round = None
    if role in SEE_ALL:
        survey_round = SurveyRound.objects.visible_to(request.user).filter(state=RoundState.OPEN).first()
    context = {
        "open": list(activities.filter(sign_in_open=True).order_by("-starts_on")[:5]),
        "activities": this_year.count(),
        "trained": trained,
        "year": year,
        "round": survey_round,
        "responses": survey_round.responses.count() if survey_round else 0,
    }
    return "outreach/_panel.html", context
