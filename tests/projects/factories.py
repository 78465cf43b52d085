"""Projects for the tests, made through the actions as the system: the demo enterprise's (of 市市场监管局, in 水头镇)
and another enterprise's (of 市科技局, in 溪美街道)."""

import datetime

from zhichan.core.models import Region, Unit
from zhichan.projects.services import projects
from zhichan.registry.models import Enterprise
from zhichan.registry.services.entries import create_patent

from ..registry.registers import patent_number

APPROVED = datetime.date(2023, 3, 1)


def other_enterprise() -> Enterprise:
    from stdnum.cn import uscc

    body = "91350583MA0PRJ001"
    enterprise, _ = Enterprise.objects.get_or_create(
        uscc=body + uscc.calc_check_digit(body),
        defaults={"name": "溪美项目企业", "region": Region.objects.get(code="350583001")},
    )
    return enterprise


def make_project(applicant=None, *, unit="amr", kind="cultivation", navigation_type="", title="石材装备高价值专利培育"):
    return projects.create_project(
        None,
        kind=kind,
        navigation_type=navigation_type,
        title=title,
        level="city",
        applicant_code=applicant.uscc if applicant else "",
        applicant_name="" if applicant else "华侨大学",
        unit=Unit.objects.get(key=unit),
        starts_on=APPROVED,
    )


def under_way(project, day=APPROVED):
    projects.approve(project, None, document="泉知〔2023〕1号", approved_on=day)
    projects.start(project, None, started_on=day)
    return project


def patent(serial, holder, *, filed, granted=None, type_code="1", pct=""):
    found, _ = create_patent(
        None,
        patent_number(filed.year, type_code, serial),
        title=f"项目成果专利{serial}",
        filing_date=filed,
        grant_date=granted,
        pct_number=pct,
        pct_filing_date=filed if pct else None,
        holders=[holder],
    )
    return found
