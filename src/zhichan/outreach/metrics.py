"""Figures of the outreach module, for the indicators (found through `METRICS`):

- `outreach_satisfaction` (分, 0–100): the satisfaction index (知识产权保护社会满意度) of the county's survey round
  of the window — the last round that took answers, by the day it closed (a round still open counts by the day it
  opened, its figure so far) —, its region's own figure (not added up: an index, not a count);
- `outreach_trainings`, `outreach_trained` (次, 人次): trainings held in the window and the people present at them
  (those ticked present, or the organiser's count where no list was kept)."""

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric
from zhichan.core.models import Region

from .models import Activity, ActivityKind, RoundState, SurveyResponse, SurveyRound
from .services.index import round_index
from .services.lists import ACTIVITY_COLUMNS

ROUND_COLUMNS = (
    Column("title", _("title"), width=40),
    Column("year", _("year")),
    Column("state", _("state"), lambda survey_round: survey_round.get_state_display()),
    Column("opened_on", pgettext_lazy("survey", "opened on")),
    Column("closed_on", pgettext_lazy("survey", "closed on")),
    Column("responses", _("responses"), lambda survey_round: survey_round.responses.count()),
    Column("index", _("index"), lambda survey_round: round_index(survey_round)["all"]["index"]),
)


def _within(region_ids):
    paths = Region.objects.filter(pk__in=list(region_ids)).values_list("path", flat=True)
    within = Q(pk__in=[])
    for path in paths:
        within |= Q(region__path__startswith=path)
    return within


class Satisfaction(Metric):
    code = "outreach_satisfaction"
    label = _("satisfaction with IP protection (index)")
    unit = "分"
    kind = "flow"
    additive = False
    detail_url = "survey-detail"
    watches = (SurveyRound, SurveyResponse)
    columns = ROUND_COLUMNS

    def _rounds(self, start, end):
        found = (
            SurveyRound.objects.exclude(state=RoundState.DRAFT)
            .annotate(day=Coalesce("closed_on", "opened_on"))
            .filter(day__lte=end)
        )
        return (found.filter(day__gte=start) if start else found).order_by("region", "-day", "-pk")

    def _latest(self, start, end) -> dict:
        latest = {}
        for survey_round in self._rounds(start, end):
            latest.setdefault(survey_round.region_id, survey_round)
        return latest

    def values(self, start, end, options=None) -> dict:
        found = {}
        for region, survey_round in self._latest(start, end).items():
            index = round_index(survey_round)["all"]["index"]
            if index is not None:
                found[region] = index
        return found

    def details(self, start, end, options=None) -> dict:
        details = {}
        for region, survey_round in self._latest(start, end).items():
            figures = round_index(survey_round)["all"]
            details[region] = {
                "round": survey_round.title,
                "responses": figures["responses"],
                "margin": figures["margin"],
            }
        return details

    def records(self, start, end, region_ids, options=None):
        latest = [one.pk for region, one in self._latest(start, end).items()]
        return SurveyRound.objects.filter(pk__in=latest).filter(_within(region_ids))


class Trainings(Metric):
    code = "outreach_trainings"
    label = _("trainings held")
    unit = "次"
    kind = "flow"
    detail_url = "activity-detail"
    watches = (Activity,)
    columns = ACTIVITY_COLUMNS

    def _held(self, start, end):
        found = Activity.objects.filter(kind=ActivityKind.TRAINING, starts_on__lte=end)
        return found.filter(starts_on__gte=start) if start else found

    def values(self, start, end, options=None) -> dict:
        return dict(self._held(start, end).order_by().values_list("region").annotate(n=Count("pk")))

    def records(self, start, end, region_ids, options=None):
        present = Count("participants", filter=Q(participants__attended=True))
        return (
            self._held(start, end)
            .filter(_within(region_ids))
            .select_related("region", "unit")
            .annotate(present=present)
        )


class Trained(Trainings):
    code = "outreach_trained"
    label = _("people trained")
    unit = "人次"
    watches = (Activity, "outreach.Participant")

    def values(self, start, end, options=None) -> dict:
        rows = (
            self._held(start, end)
            .annotate(present=Count("participants", filter=Q(participants__attended=True)))
            .values_list("region", "present", "attendees_reported")
        )
        found = {}
        for region, present, reported in rows:
            found[region] = found.get(region, 0) + (present or reported or 0)
        return found


METRICS = [Satisfaction(), Trainings(), Trained()]
