"""The satisfaction index of a round: per dimension and overall, for all respondents and for each group, with the
number of responses behind each figure and its margin of error.

- A dimension's index is the mean of the responses' scores in it (a response that answered nothing there is not
  one of its sample); with n responses and their standard deviation s, its margin of error at 95 % is
  1.96 × s / √n (none below two responses).
- The overall index is the dimensions' indexes weighted by the questionnaire's weights, over the dimensions that
  have answers (a dimension nobody answered drops out and the others' weights carry the whole). Its margin of error
  is 1.96 × s / √n of the responses' own overall scores.

Each response carries its scores (services/questionnaire.py `score`), so the figures are a few sums per group and
dimension, read in one grouped query however many responses there are."""

import math
from dataclasses import dataclass, field
from functools import partial

from django.db.models import Count, F, FloatField, Sum
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from zhichan.core import runs

from ..models import SurveyResponse
from .questionnaire import worded

Z95 = 1.96


@dataclass
class Sums:
    n: int = 0
    total: float = 0.0
    squares: float = 0.0

    def add(self, other: "Sums"):
        self.n += other.n
        self.total += other.total
        self.squares += other.squares

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None

    @property
    def margin(self) -> float | None:
        if self.n < 2:
            return None
        variance = max(self.squares - self.total * self.total / self.n, 0.0) / (self.n - 1)
        return Z95 * math.sqrt(variance / self.n)


@dataclass
class Figures:
    """One set of figures: all respondents, or one group."""

    responses: int = 0
    overall: Sums = field(default_factory=Sums)
    dimensions: dict = field(default_factory=dict)  # key -> Sums

    def index(self, questionnaire) -> float | None:
        weighted = weights = 0.0
        for dimension in questionnaire["dimensions"]:
            mean = self.dimensions.get(dimension["key"], Sums()).mean
            if mean is not None:
                weighted += dimension["weight"] * mean
                weights += dimension["weight"]
        return weighted / weights if weights else None


def _value(key: str):
    return Cast(KeyTextTransform(key, "scores"), FloatField())


def sums_by_group(survey_round, responses=None) -> dict[str, Figures]:
    """{group key: Figures} of the round's responses, in one grouped query."""
    questionnaire = survey_round.questionnaire
    keys = [dimension["key"] for dimension in questionnaire["dimensions"]]
    sums = {
        "responses": Count("pk"),
        "o_n": Count("overall"),
        "o_s": Sum("overall"),
        "o_q": Sum(F("overall") * F("overall")),
    }
    for number, key in enumerate(keys):
        value = _value(key)
        sums[f"d{number}_n"], sums[f"d{number}_s"], sums[f"d{number}_q"] = Count(value), Sum(value), Sum(value * value)
    rows = responses if responses is not None else SurveyResponse.objects.filter(round=survey_round)
    found = {}
    for row in rows.order_by().values("group").annotate(**sums):
        figures = Figures(responses=row["responses"], overall=Sums(row["o_n"], row["o_s"] or 0.0, row["o_q"] or 0.0))
        for number, key in enumerate(keys):
            figures.dimensions[key] = Sums(row[f"d{number}_n"], row[f"d{number}_s"] or 0.0, row[f"d{number}_q"] or 0.0)
        found[row["group"]] = figures
    return found


def combined(groups: dict[str, Figures]) -> Figures:
    total = Figures()
    for figures in groups.values():
        total.responses += figures.responses
        total.overall.add(figures.overall)
        for key, sums in figures.dimensions.items():
            total.dimensions.setdefault(key, Sums()).add(sums)
    return total


def _rounded(value, places=2):
    return None if value is None else round(value, places)


def _table(questionnaire, figures: Figures) -> dict:
    return {
        "responses": figures.responses,
        "index": _rounded(figures.index(questionnaire)),
        "margin": _rounded(figures.overall.margin),
        "dimensions": [
            {
                "key": dimension["key"],
                "name": worded(dimension),
                "weight": dimension["weight"],
                "n": figures.dimensions.get(dimension["key"], Sums()).n,
                "index": _rounded(figures.dimensions.get(dimension["key"], Sums()).mean),
                "margin": _rounded(figures.dimensions.get(dimension["key"], Sums()).margin),
            }
            for dimension in questionnaire["dimensions"]
        ],
    }


def round_index(survey_round) -> dict:
    """The round's figures as the page, the API and the indicator read them: all respondents, then each group.

    Read once per round within a run (core/runs.py: the survey list's request, an indicators compute, where the
    trend and the rows, or a metric's values and details, ask for the same round); outside a run, afresh each time.
    A run's results end with it, so no figure outlives the answers it was read from."""
    return runs.once(("outreach.round_index", survey_round.pk), partial(_round_index, survey_round))


def _round_index(survey_round) -> dict:
    questionnaire = survey_round.questionnaire
    groups = sums_by_group(survey_round)
    return {
        "all": _table(questionnaire, combined(groups)),
        "groups": [
            {"key": group["key"], "name": worded(group), **_table(questionnaire, groups.get(group["key"], Figures()))}
            for group in questionnaire["groups"]
        ],
    }
