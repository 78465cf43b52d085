"""The two pages anyone opens without an account, on a phone: an activity's sign-in page (by its QR code) with the
feedback that follows, and a survey round's questionnaire. Each is found by the unguessable token in its address;
neither shows anything of the platform beyond the activity or the questions."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from zhichan.core.access import allow
from zhichan.core.clientip import client_ip
from zhichan.core.roles import EVERYONE
from zhichan.core.views.actions import run_action

from .forms import FeedbackForm, SignInForm
from .models import Activity, RoundState, SurveyRound
from .services import attendance, survey
from .services.questionnaire import worded

SIGNED_IN = "outreach-signed-in-%d"  # the session remembers whom this phone signed in, for the feedback
RESPONDENT_COOKIE = "survey-%s"
YEAR = 365 * 24 * 3600


@never_cache
@allow(EVERYONE)
def sign_in(request, token):
    activity = get_object_or_404(Activity.objects.select_related("region"), token=token)
    key = SIGNED_IN % activity.pk
    participant = activity.participants.filter(pk=request.session.get(key)).first()
    form = SignInForm(request.POST if request.method == "POST" and "name" in request.POST else None)
    feedback = FeedbackForm(request.POST if request.method == "POST" and "feedback" in request.POST else None)
    if form.is_bound and form.is_valid():
        outcome = run_action(request, attendance.sign_in, activity, None, **form.cleaned_data, form=form)
        if outcome.ok:
            participant, guest = outcome.result
            request.session[key] = participant.pk
            request.session["outreach-guest"] = guest
            return redirect("activity-sign-in", token=token)
    if feedback.is_bound and participant is not None and feedback.is_valid():
        outcome = run_action(
            request,
            attendance.give_feedback,
            activity,
            None,
            participant=participant,
            **feedback.cleaned_data,
            form=feedback,
        )
        if outcome.ok:
            request.session["outreach-thanked"] = activity.pk
            return redirect("activity-sign-in", token=token)
    context = {
        "activity": activity,
        "form": form,
        "participant": participant,
        "guest": request.session.get("outreach-guest", False),
        "feedback": feedback,
        "thanked": request.session.get("outreach-thanked") == activity.pk,
    }
    status = 400 if form.errors or feedback.errors else 200
    return render(request, "outreach/sign_in.html", context, status=status)


def _questions(questionnaire, data=None) -> list:
    """The questionnaire as the page shows it: each dimension with its questions and what was chosen."""
    data = data or {}
    return [
        {
            "name": worded(dimension),
            "questions": [
                {
                    "key": question["key"],
                    "text": worded(question, "text"),
                    "chosen": data.get(f"q-{question['key']}", ""),
                }
                for question in dimension["questions"]
            ],
        }
        for dimension in questionnaire["dimensions"]
    ]


@never_cache
@allow(EVERYONE)
def survey_page(request, token):
    survey_round = get_object_or_404(SurveyRound, token=token)
    questionnaire = survey_round.questionnaire
    cookie = RESPONDENT_COOKIE % survey_round.token
    respondent = request.get_signed_cookie(cookie, default="", salt="survey")
    errors, repeated = {}, None
    earlier = survey.earlier_answers(survey_round, respondent) if request.method == "GET" else None
    if request.method == "POST" and survey_round.state == RoundState.OPEN:
        respondent = respondent or survey.new_respondent()
        try:
            group, answers = survey.read_answers(questionnaire, request.POST)
            _response, repeated = survey.answer(
                survey_round, respondent=respondent, network=client_ip(request) or "", group=group, answers=answers
            )
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        else:
            response = redirect(f"{request.path}?done={'again' if repeated else 'first'}")
            response.set_signed_cookie(cookie, respondent, salt="survey", max_age=YEAR, httponly=True, samesite="Lax")
            return response
    context = {
        "round": survey_round,
        "questionnaire": questionnaire,
        "title": worded(questionnaire),
        "scale": [
            {"value": number, "name": worded(point)} for number, point in enumerate(questionnaire["scale"], start=1)
        ],
        "unknown": worded(questionnaire["unknown"]),
        "groups": [
            {"key": group["key"], "name": worded(group), "hint": worded(group, "hint") if group.get("hint") else ""}
            for group in questionnaire["groups"]
        ],
        "dimensions": _questions(questionnaire, request.POST if errors else earlier),
        "chosen_group": request.POST.get("group", "") if errors else (earlier or {}).get("group", ""),
        "errors": errors,
        "general_errors": errors.get("__all__", []),
        "done": request.GET.get("done") if not errors else None,
        "answered_before": bool(respondent) and request.method == "GET",
        "open": survey_round.state == RoundState.OPEN,
    }
    return render(request, "outreach/survey_page.html", context, status=400 if errors else 200)
