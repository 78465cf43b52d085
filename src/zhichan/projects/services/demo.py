"""The demo's projects (演示数据（虚构）), made through the actions: high-value patent cultivation and patent
navigation projects of registry enterprises, at several points of their course, each naming as outputs patents
its applicant filed after the start, and one number the register does not hold yet."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from zhichan.core.models import Unit
from zhichan.registry.models import Enterprise, Patent
from zhichan.registry.signals import DEMO_USCC_BODY

from ..models import Level, Measure, NavigationType, Project, ProjectKind, ReviewStage
from . import projects, reviews

NOT_YET_REGISTERED = "202410999999.9"  # a well-formed number the demo register does not hold
# (title, kind, navigation type, level, years before today approved, how far along)
PLAN = [
    ("石材加工装备高价值专利培育项目", ProjectKind.CULTIVATION, "", Level.PROVINCIAL, 3, "accepted"),
    ("卫浴水暖关键部件高价值专利培育项目", ProjectKind.CULTIVATION, "", Level.CITY, 2, "checked"),
    ("南安市建材产业专利导航", ProjectKind.NAVIGATION, NavigationType.INDUSTRY, Level.CITY, 2, "accepted"),
    ("智能卫浴企业经营类专利导航", ProjectKind.NAVIGATION, NavigationType.ENTERPRISE, Level.COUNTY, 1, "started"),
    ("南安市区域规划类专利导航", ProjectKind.NAVIGATION, NavigationType.REGION, Level.COUNTY, 0, "proposed"),
]


def demo_projects_present() -> bool:
    return Project.objects.filter(synthetic=True).exists()


def _applicants(count):
    """Enterprises with patents filed in the last four years, busiest first (not the demo enterprise user's)."""
    since = timezone.localdate() - datetime.timedelta(days=4 * 365)
    holders = (
        Enterprise.objects.filter(patents__filing_date__gte=since, merged_into__isnull=True)
        .exclude(uscc__startswith=DEMO_USCC_BODY)
        .distinct()
        .order_by("pk")
    )
    return list(holders[:count])


def _review(project, day) -> None:
    """The acceptance's experts drawn from the demo expert pool (when there is one) and their scores."""
    try:
        review = reviews.draw_reviewers(project, None, stage=ReviewStage.FINAL, wanted=3, day=day)
    except ValidationError:
        return  # no demo expert pool loaded
    for expert, score in zip(reviews.serving(review), ("86", "90", "88"), strict=False):
        opinion = "同意通过验收。"
        reviews.record_score(project, None, review=review, expert=expert, score=Decimal(score), opinion=opinion)


def create_demo_projects() -> int:
    unit = Unit.objects.filter(key="amr").first()
    applicants = _applicants(len(PLAN))
    if unit is None or not applicants:
        return 0
    today = timezone.localdate()
    made = 0
    for (title, kind, navigation_type, level, years, reached), applicant in zip(PLAN, applicants, strict=False):
        approved_on = today - datetime.timedelta(days=365 * years + 30) if years else None
        project = projects.create_project(
            None,
            kind=kind,
            navigation_type=navigation_type,
            title=title,
            level=level,
            applicant_code=applicant.uscc,
            partners="华侨大学\n泉州师范学院",
            unit=unit,
            field="石材、水暖卫浴",
            starts_on=approved_on,
            ends_on=approved_on + datetime.timedelta(days=3 * 365) if approved_on else None,
            budget=Decimal(200),
            funding=Decimal(50),
            synthetic=True,
        )
        made += 1
        if reached == "proposed":
            continue
        projects.approve(project, None, document=f"南知〔{approved_on.year}〕{made}号", approved_on=approved_on)
        projects.start(project, None, started_on=approved_on)
        projects.set_target(project, None, measure=Measure.APPLICATIONS, planned=10)
        projects.set_target(project, None, measure=Measure.INVENTION_GRANTS, planned=3)
        filed = Patent.objects.filter(holders=applicant, filing_date__gte=approved_on).order_by("filing_date")[:6]
        numbers = [patent.application_number for patent in filed] + [NOT_YET_REGISTERED]
        projects.add_outputs(project, None, numbers="\n".join(numbers), note="演示")
        projects.add_milestone(
            project, None, name="完成技术分解与检索", due_on=approved_on + datetime.timedelta(days=180)
        )
        if kind == ProjectKind.NAVIGATION:
            projects.record_results(
                project,
                None,
                patent_set_query="q=%E5%8D%AB%E6%B5%B4",
                conclusions="本地企业在智能卫浴控制领域布局薄弱，建议围绕恒温阀芯开展高价值专利培育。",
                results_use="结论已用于市级产业扶持政策的制定。" if reached == "accepted" else "",
            )
        if reached in ("checked", "accepted"):
            check_on = min(approved_on + datetime.timedelta(days=365), today)
            projects.check(project, None, checked_on=check_on, opinion="进度符合任务书要求。")
        if reached == "accepted":
            accepted_on = min(approved_on + datetime.timedelta(days=2 * 365), today)
            _review(project, accepted_on)
            projects.accept(project, None, accepted_on=accepted_on, opinion="完成合同约定指标，同意通过验收。")
    return made
