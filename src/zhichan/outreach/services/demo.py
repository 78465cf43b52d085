"""The demo's outreach (演示数据（虚构）), made through the actions: a training with its registered participants,
phone sign-ins, a guest and feedback; a publicity-week activity with its reach; an activity in a school; and two
survey rounds — last year's closed, this year's open — with synthetic answers."""

import datetime
import random

from django.utils import timezone

from zhichan.core.digests import keyed_digest
from zhichan.core.models import Region, RegionKind, Unit

from ..models import Activity, ActivityKind, Audience, Campaign, SurveyResponse, SurveyRound
from . import activities, attendance, schools, survey
from .questionnaire import score

PEOPLE = [
    ("演示学员甲", "南安某某石材有限公司（演示）", "知识产权专员", "13800000001"),
    ("演示学员乙", "南安某某卫浴有限公司（演示）", "研发工程师", "13800000002"),
    ("演示学员丙", "南安某某机械有限公司（演示）", "技术总监", "13800000003"),
    ("演示学员丁", "南安某某光电有限公司（演示）", "法务", "13800000004"),
]


def demo_outreach_present() -> bool:
    return Activity.objects.filter(synthetic=True).exists() or SurveyRound.objects.filter(synthetic=True).exists()


def _activities(unit, today) -> int:
    training = activities.create_activity(
        None,
        kind=ActivityKind.TRAINING,
        campaign=Campaign.ENTERPRISES,
        title="企业知识产权管理实务培训（演示）",
        audience=Audience.RESEARCHERS,
        starts_on=today - datetime.timedelta(days=20),
        place="南安市行政服务中心三楼会议室",
        hours=3,
        speakers="演示讲师（专利代理师）",
        unit=unit,
        synthetic=True,
    )
    people = "\n".join(",".join(person) for person in PEOPLE)
    activities.register(training, None, people=people)
    activities.open_sign_in(training, None)
    for name, employer, position, phone in PEOPLE[:3]:
        attendance.sign_in(training, None, name=name, employer=employer, position=position, phone=phone)
    _guest, _ = attendance.sign_in(training, None, name="演示来宾", employer="某某科技公司（演示）")
    for participant, rating in zip(training.participants.filter(attended=True).order_by("pk"), (5, 4, 5), strict=False):
        attendance.give_feedback(training, None, participant=participant, rating=rating, comment="")
    activities.close_sign_in(training, None)
    week = activities.create_activity(
        None,
        kind=ActivityKind.PUBLICITY,
        campaign=Campaign.IP_WEEK,
        title="知识产权宣传周集中宣传活动（演示）",
        audience=Audience.PUBLIC,
        starts_on=today - datetime.timedelta(days=120),
        place="南安市人民广场",
        unit=unit,
        synthetic=True,
    )
    activities.record_reach(week, None, attendees_reported=800, media_items=6, online_views=12000)
    school = schools.create_school(
        None,
        name="南安市某某中学（演示）",
        level="junior",
        region=Region.objects.filter(kind__in=RegionKind.township_level()).order_by("code").first(),
        pilot_level="city",
        pilot_since=today.year - 2,
        pilot_document="演示文号",
        synthetic=True,
    )
    activities.create_activity(
        None,
        kind=ActivityKind.SCHOOL,
        campaign=Campaign.SCHOOLS,
        title="知识产权进校园：发明创造从身边开始（演示）",
        audience=Audience.STUDENTS,
        starts_on=today - datetime.timedelta(days=60),
        place="学校报告厅",
        hours=2,
        unit=unit,
        school=school,
        teachers_trained=12,
        students_reached=360,
        synthetic=True,
    )
    upcoming = activities.create_activity(
        None,
        kind=ActivityKind.TRAINING,
        campaign=Campaign.GRASSROOTS,
        title="专利导航与高价值专利培育培训（演示）",
        audience=Audience.IP_WORKERS,
        starts_on=today + datetime.timedelta(days=14),
        place="南安市科技创新中心报告厅",
        hours=4,
        unit=unit,
        synthetic=True,
    )
    # The public calendar (the portal's open data): the office publishes the trainings and the publicity week.
    for activity in (week, training, upcoming):
        activities.publish(activity, None, day=min(today, activity.starts_on - datetime.timedelta(days=10)))
    schools.add_work(
        school,
        None,
        title="一种可调节书写姿势的课桌（演示）",
        students="演示学生甲",
        year=today.year - 1,
        number=_demo_number(today),
    )
    schools.add_work(
        school,
        None,
        title="智能垃圾分类桶（演示）",
        students="演示学生乙、丙",
        year=today.year - 1,
        fair="泉州市青少年科技创新大赛",
        award="三等奖",
    )
    return 4


def _demo_number(today) -> str:
    """A utility model of last year the demo register may hold: its first such number, else a well-formed one."""
    from zhichan.registry.models import Patent

    found = Patent.objects.filter(patent_type="utility_model", filing_date__year=today.year - 1).order_by("pk").first()
    return found.application_number if found else "202420999999.4"


def _answers(rng, questionnaire, lean: float) -> dict:
    """A synthetic respondent's answers: mostly satisfied, some "don't know"."""
    points = len(questionnaire["scale"])
    answers = {}
    for dimension in questionnaire["dimensions"]:
        for question in dimension["questions"]:
            if rng.random() < 0.1:
                continue
            answers[question["key"]] = max(1, min(points, round(rng.gauss(lean, 0.8))))
    return answers


def _responses(survey_round, count, lean, rng) -> int:
    questionnaire, now = survey_round.questionnaire, timezone.now()
    groups = [group["key"] for group in questionnaire["groups"]]
    made = []
    for number in range(count):
        answers = _answers(rng, questionnaire, lean)
        scores, overall = score(questionnaire, answers)
        made.append(
            SurveyResponse(
                round=survey_round,
                respondent=keyed_digest(f"demo-{survey_round.pk}-{number}"),
                network=keyed_digest("demo"),
                group=rng.choice(groups),
                answers=answers,
                scores=scores,
                overall=overall,
                answered=now,
            )
        )
    SurveyResponse.objects.bulk_create(made)
    return count


def create_demo_outreach() -> tuple[int, int]:
    unit = Unit.objects.filter(key="amr").first()
    county = Region.objects.filter(kind__in=RegionKind.county_level(), organisation_units__isnull=False).first()
    if unit is None or county is None:
        return 0, 0
    today, rng = timezone.localdate(), random.Random(2024)
    made = _activities(unit, today)
    last = survey.create_round(
        None,
        title=f"{today.year - 1}年度知识产权保护社会满意度调查（演示）",
        year=today.year - 1,
        region=county,
        synthetic=True,
    )
    survey.open_round(last, None, opened_on=datetime.date(today.year - 1, 10, 1))
    answers = _responses(last, 240, 4.1, rng)
    survey.close_round(last, None, closed_on=datetime.date(today.year - 1, 11, 30))
    this = survey.create_round(
        None,
        title=f"{today.year}年度知识产权保护社会满意度调查（演示）",
        year=today.year,
        region=county,
        synthetic=True,
    )
    survey.open_round(this, None, opened_on=today - datetime.timedelta(days=10))
    answers += _responses(this, 120, 4.2, rng)
    return made, answers
