"""The survey pages: the rounds with the index's trend beside the national and Fujian scores, a new round, and one
round with its public link, its index per dimension and group, and its Excel. Thin: each calls services/."""

from functools import partial

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_safe

from zhichan.core import runs
from zhichan.core.access import allow
from zhichan.core.posting import form_post
from zhichan.core.roles import SEE_ALL, Role
from zhichan.core.services.exports import respond
from zhichan.core.views.actions import run_action
from zhichan.core.views.steps import step_forms, take_step

from .forms import RoundForm
from .models import RoundState, SurveyRound
from .qr import qr_svg
from .services import survey
from .services.index import round_index
from .services.questionnaire import reference, worded
from .services.trend import index_workbook, trend
from .steps import ROUND_STEPS

OFFICE = frozenset({Role.OFFICE})


@allow(SEE_ALL, write=OFFICE)
def round_list(request):
    rounds = list(SurveyRound.objects.visible_to(request.user).select_related("region"))
    with runs.run():  # the trend and the rows read each round's index once
        line = trend(rounds)
        indexes = [(one, round_index(one)["all"]) for one in rounds]
    own = rounds[0].region.name if rounds else pgettext("survey", "this county")
    names = {"county": own, "national": pgettext("survey", "national"), "fujian": _("Fujian")}
    context = {
        "rounds": indexes,
        "chart": {
            "years": line["years"],
            "series": [{"name": name, "values": line[key]} for key, name in names.items()],
        },
        "may_add": survey.create_round.allowed(request.user),
        "reference": reference(),
    }
    return render(request, "outreach/round_list.html", context)


@allow(OFFICE)
def round_new(request):
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _("The round is prepared: open it when its link may take answers.")
        outcome = run_action(request, survey.create_round, request.user, **form.cleaned_data, form=form, done=done)
        if outcome.ok:
            return redirect(outcome.result)
    return render(request, "outreach/round_new.html", {"form": form}, status=400 if form.errors else 200)


def _context(request, survey_round, forms=None) -> dict:
    link = request.build_absolute_uri(reverse("survey-page", args=[survey_round.token]))
    questionnaire = survey_round.questionnaire
    return {
        "round": survey_round,
        "index": round_index(survey_round),
        "title": worded(questionnaire),
        "unconfirmed": worded(questionnaire, "unconfirmed") if questionnaire.get("unconfirmed") else "",
        "link": link,
        "qr": qr_svg(link) if survey_round.state == RoundState.OPEN else "",
        "national": reference()["national_dimensions"],
        "steps": step_forms(ROUND_STEPS, survey_round, request.user, forms),
    }


@allow(SEE_ALL, write=OFFICE, scope=SurveyRound)
def round_detail(request, pk):
    survey_round = get_object_or_404(SurveyRound.objects.visible_to(request.user), pk=pk)
    return render(request, "outreach/round_detail.html", _context(request, survey_round))


@form_post("survey-detail", "pk")
@allow(SEE_ALL, write=OFFICE, scope=SurveyRound)
def round_step(request, pk):
    survey_round = get_object_or_404(SurveyRound.objects.editable_by(request.user), pk=pk)
    return take_step(
        request, survey_round, ROUND_STEPS, "outreach/round_detail.html", partial(_context, request, survey_round)
    )


@require_safe
@allow(SEE_ALL, scope=SurveyRound)
def round_export(request, pk):
    return respond(request, round_workbook, pk=pk)


def round_workbook(request, pk):
    return index_workbook(get_object_or_404(SurveyRound.objects.visible_to(request.user), pk=pk))
