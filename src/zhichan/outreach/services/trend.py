"""The index over the rounds beside the published national and Fujian scores (the survey page's chart), and a
round's figures as an Excel workbook."""

from django.utils import timezone
from django.utils.translation import gettext

from zhichan.documents import xlsx

from ..models import RoundState
from .index import round_index
from .questionnaire import reference


def trend(rounds) -> dict:
    """{years, county, national, fujian}: one point a year (the year's last round that took answers)."""
    county = {}
    for survey_round in sorted(rounds, key=lambda one: (one.year, one.pk)):
        if survey_round.state != RoundState.DRAFT:
            county[survey_round.year] = round_index(survey_round)["all"]["index"]
    published = reference()
    national = {row["year"]: row["score"] for row in published["national"]}
    fujian = {row["year"]: row["score"] for row in published["fujian"]}
    known = {*county, *national, *fujian}
    years = list(range(min(known), max(known) + 1)) if known else []
    return {
        "years": years,
        "county": [county.get(year) for year in years],
        "national": [national.get(year) for year in years],
        "fujian": [fujian.get(year) for year in years],
    }


def index_workbook(survey_round) -> xlsx.Workbook:
    """The round's index: one row per group (all respondents first) and dimension."""
    index = round_index(survey_round)
    headers = [
        gettext("respondent group"),
        gettext("dimension"),
        gettext("weight"),
        gettext("responses"),
        gettext("index"),
        gettext("margin of error (95 %)"),
    ]
    rows = []
    for name, table in [
        (gettext("all respondents"), index["all"]),
        *[(group["name"], group) for group in index["groups"]],
    ]:
        rows.append([name, gettext("overall"), "", table["responses"], table["index"], table["margin"]])
        rows.extend(
            [name, row["name"], row["weight"], row["n"], row["index"], row["margin"]] for row in table["dimensions"]
        )
    made = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    note = gettext("%(title)s · made %(time)s") % {"title": survey_round.title, "time": made}
    return xlsx.Workbook(
        filename=f"{survey_round.title}.xlsx",
        sheets=[xlsx.Sheet(gettext("Satisfaction index"), headers, rows, note, widths=[16, 20, 8, 10, 10, 18])],
        rows=len(rows),
    )
