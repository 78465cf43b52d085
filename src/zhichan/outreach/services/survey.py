"""Survey rounds and their responses.

The office prepares a round (the questionnaire file as it is that day is kept on the round), opens it — its public
link then takes answers — and closes it. A response comes from the public page, without an account: it is not an
action of a user and leaves no event (a round's answers are counted, not logged one by one); the round's opening
and closing are events.

One respondent, one response: the browser keeps a random key for the round, and a second answer from it replaces
the first (counted once, and the page says so). A network that answers more than ZHICHAN_SURVEY_ANSWERS_PER_HOUR
new responses to a round in an hour is asked to wait."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_only, office_or_system
from zhichan.core.digests import keyed_digest
from zhichan.core.inputs import past_day
from zhichan.core.services.organisation import organisation_of

from ..events import ROUND_CLOSED, ROUND_CREATED, ROUND_OPENED
from ..models import RoundState, SurveyResponse, SurveyRound
from .questionnaire import read_questionnaire, score


@action(ROUND_CREATED, allow=office_or_system)
def create_round(user, *, title: str, year: int, region=None, synthetic: bool = False) -> SurveyRound:
    """Prepare a round of the questionnaire as data/outreach/satisfaction-questionnaire.yaml has it now."""
    region = region or (organisation_of(user) if user is not None else None)
    if region is None:
        raise ValidationError(_("Load the organisation first: a round is the survey of its county."))
    survey_round = SurveyRound(
        title=(title or "").strip(),
        year=year,
        region=region,
        organisation=region,
        questionnaire=read_questionnaire(),
        created_by=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
    )
    survey_round.full_clean()
    survey_round.save()
    return survey_round


def _office(user, arguments) -> bool:
    return office_or_system(user) if user is None else office_only(user, {"round": arguments["survey_round"]})


@action(ROUND_OPENED, on="survey_round", allow=_office)
def open_round(survey_round, user, *, opened_on=None) -> SurveyRound:
    if survey_round.state != RoundState.DRAFT:
        raise ValidationError(_("Only a round being prepared is opened."))
    running = SurveyRound.objects.filter(region=survey_round.region, state=RoundState.OPEN).first()
    if running is not None:  # two rounds taking answers at once would split the respondents and the year's figure
        raise ValidationError(_("%(round)s is still open: close it first.") % {"round": running.title})
    survey_round.state, survey_round.opened_on = RoundState.OPEN, past_day(opened_on, "opened_on")
    survey_round.save()
    return survey_round


@action(ROUND_CLOSED, on="survey_round", allow=_office)
def close_round(survey_round, user, *, closed_on=None) -> SurveyRound:
    if survey_round.state != RoundState.OPEN:
        raise ValidationError(_("Only an open round is closed."))
    closed_on = past_day(closed_on, "closed_on")
    if closed_on < survey_round.opened_on:
        raise ValidationError({"closed_on": _("A round closes on or after the day it opened.")})
    survey_round.state, survey_round.closed_on = RoundState.CLOSED, closed_on
    survey_round.save()
    return survey_round


def read_answers(questionnaire: dict, data) -> tuple[str, dict]:
    """The group and the answers of a posted form (`group`, and `q-<question key>` = 1…n or "unknown")."""
    groups = {group["key"] for group in questionnaire["groups"]}
    group = data.get("group", "")
    errors = {}
    if group not in groups:
        errors["group"] = _("Say which group you belong to.")
    points = len(questionnaire["scale"])
    answers = {}
    for dimension in questionnaire["dimensions"]:
        for question in dimension["questions"]:
            given = (data.get(f"q-{question['key']}") or "").strip()
            if given in ("", "unknown"):
                continue
            if not given.isdigit() or not 1 <= int(given) <= points:
                errors[f"q-{question['key']}"] = _("Choose one of the answers.")
                continue
            answers[question["key"]] = int(given)
    if not answers and "group" not in errors:
        errors["__all__"] = _('Answer at least one question ("don\'t know" answers none).')
    if errors:
        raise ValidationError(errors)
    return group, answers


def answer(survey_round, *, respondent: str, network: str, group: str, answers: dict) -> tuple[SurveyResponse, bool]:
    """Keep a response; returns it and whether this respondent had answered the round before (the new answers
    then replace the old: one respondent is counted once)."""
    if survey_round.state != RoundState.OPEN:
        raise ValidationError(_("This survey is not taking answers."))
    scores, overall = score(survey_round.questionnaire, answers)
    key, place, now = keyed_digest(respondent), keyed_digest(network), timezone.now()
    with transaction.atomic():
        earlier = SurveyResponse.objects.select_for_update().filter(round=survey_round, respondent=key).first()
        if earlier is not None:
            earlier.group, earlier.answers, earlier.scores, earlier.overall = group, answers, scores, overall
            earlier.answered, earlier.times = now, earlier.times + 1
            earlier.save()
            return earlier, True
        recent = SurveyResponse.objects.filter(
            round=survey_round, network=place, answered__gte=now - datetime.timedelta(hours=1)
        ).count()
        if recent >= settings.ZHICHAN_SURVEY_ANSWERS_PER_HOUR:
            raise ValidationError(
                _("Many answers have come from this network in the last hour; please try again later.")
            )
        try:
            with transaction.atomic():
                made = SurveyResponse.objects.create(
                    round=survey_round,
                    respondent=key,
                    network=place,
                    group=group,
                    answers=answers,
                    scores=scores,
                    overall=overall,
                    answered=now,
                )
        except IntegrityError:  # the same respondent's other answer was kept a moment before: this one replaces it
            return answer(survey_round, respondent=respondent, network=network, group=group, answers=answers)
        return made, False


def earlier_answers(survey_round, respondent: str) -> dict | None:
    """The respondent's kept answers as the form posts them (group, q-<key>), to start a second answer from."""
    if not respondent:
        return None
    found = SurveyResponse.objects.filter(round=survey_round, respondent=keyed_digest(respondent)).first()
    if found is None:
        return None
    return {"group": found.group, **{f"q-{key}": str(value) for key, value in found.answers.items()}}


def new_respondent() -> str:
    """A respondent's random key, kept by the browser for the round (a year)."""
    return secrets.token_urlsafe(24)
