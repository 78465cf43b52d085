"""Activities and survey rounds for the tests, made through the actions as the system: 市市场监管局's training in
水头镇 and 市科技局's in 溪美街道; a round of the county's survey."""

import datetime

from zhichan.core.models import Region, Unit
from zhichan.outreach.services import activities, schools, survey

HELD = datetime.date(2024, 4, 26)


def make_activity(*, unit="amr", township="350583119", title="企业知识产权培训", kind="training", token=None, **values):
    activity = activities.create_activity(
        None,
        kind=kind,
        title=title,
        audience=values.pop("audience", "researchers"),
        starts_on=values.pop("starts_on", HELD),
        unit=Unit.objects.get(key=unit),
        region=Region.objects.get(code=township),
        **values,
    )
    if token:
        activity.token = token
        activity.save(update_fields=["token"])
    return activity


def make_round(*, year=2024, title="2024年度满意度调查", token=None, opened=True):
    county = Region.objects.get(code="350583")
    survey_round = survey.create_round(None, title=title, year=year, region=county)
    if token:
        survey_round.token = token
        survey_round.save(update_fields=["token"])
    if opened:
        survey.open_round(survey_round, None, opened_on=datetime.date(year, 10, 1))
    return survey_round


def make_school(*, name="水头镇某某中学", township="350583119", unit="education", level="junior", **values):
    return schools.create_school(
        None,
        name=name,
        level=level,
        region=Region.objects.get(code=township),
        unit=Unit.objects.get(key=unit),
        **values,
    )
