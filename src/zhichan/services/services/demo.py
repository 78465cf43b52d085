"""Demo data for the services module: a deterministic (seeded) set of synthetic agencies across the kinds of
services, brand guidance stations and service outlets with their activities, custody engagements of the
registry's enterprises with services, visits and satisfaction, and applications for custody (one accepted with the
last engagement, one awaiting a decision) — all marked synthetic (演示数据（虚构）) and entered
through the module's actions, as the system."""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from stdnum.cn import uscc as stdnum_uscc

from zhichan.core.models import Region, RegionKind, Unit, UnitKind

from ..models import Agency, ServiceKind
from . import agencies, custody, custody_applications, outlets, publication

SEED = 17
D = datetime.date
NOTE = "演示数据（虚构）"
AGENCY_NAMES = {
    ServiceKind.PATENT_AGENCY: "专利代理事务所",
    ServiceKind.TRADEMARK_AGENCY: "商标代理有限公司",
    ServiceKind.LAW_FIRM: "律师事务所",
    ServiceKind.APPRAISAL: "资产评估有限公司",
    ServiceKind.OPERATION: "知识产权运营有限公司",
    ServiceKind.INFORMATION: "知识产权信息服务有限公司",
}
PLACES = ["溪美", "柳城", "美林", "水头", "石井", "官桥", "丰州", "霞美", "康美", "洪濑", "省新", "英都", "仑苍"]
QUALIFICATIONS = {
    ServiceKind.PATENT_AGENCY: ("专利代理机构执业许可证", "国家知识产权局"),
    ServiceKind.TRADEMARK_AGENCY: ("商标代理机构备案", "国家知识产权局商标局"),
    ServiceKind.LAW_FIRM: ("律师事务所执业许可证", "福建省司法厅"),
    ServiceKind.APPRAISAL: ("资产评估机构备案", "福建省财政厅"),
    ServiceKind.OPERATION: ("知识产权服务机构备案", "泉州市市场监督管理局"),
    ServiceKind.INFORMATION: ("知识产权信息服务机构备案", "泉州市市场监督管理局"),
}
SURNAMES = "陈林黄张李王吴刘蔡杨郑洪许傅苏"
GIVEN = ["志明", "雅婷", "建华", "丽芳", "文杰", "海燕", "国强", "晓玲", "少波", "美珍"]
OUTLETS = [
    ("brand-station", "county", "水头石材商标品牌指导站", "南安市石材行业协会"),
    ("brand-station", "county", "仑苍水暖商标品牌指导站", "南安市水暖阀门行业协会"),
    ("brand-station", "county", "官桥茶叶商标品牌指导站", "官桥镇农业服务中心"),
    ("brand-station", "county", "英都芦柑地理标志品牌指导站", "英都镇农业服务中心"),
    ("outlet", "provincial", "南安市知识产权信息公共服务网点", "南安市图书馆"),
    ("workstation", "county", "南安经济开发区知识产权工作站", "南安经济开发区管委会"),
    ("tisc", "national", "泉州南安技术与创新支持中心（南安分中心）", "南安市科技创新服务中心"),
    ("workstation", "county", "美林知识产权服务工作站", "美林街道经济服务中心"),
    ("node", "county", "南安市知识产权公共服务节点", "南安市市场监督管理局"),
    ("university", "provincial", "泉州高校知识产权信息服务中心南安服务点", "南安市职业技术学校"),
]
TRAININGS = ["商标注册与保护培训", "专利申请实务讲座", "地理标志使用培训", "知识产权质押融资宣讲", "海外维权指引讲座"]
CONSULTATIONS = ["商标注册咨询", "专利检索咨询", "侵权纠纷咨询", "品牌培育咨询"]
SUBJECTS = ["企业知识产权托管服务", "专利导航分析", "知识产权维权援助服务", "商标品牌培育服务"]
NEEDS = ["专利布局", "商标续展", "侵权监测", "质押融资", "贯标认证", "海外商标注册"]


def _uscc(n: int) -> str:
    body = f"91350583MA2D{n:05d}"
    return body + stdnum_uscc.calc_check_digit(body)


def demo_services_present() -> bool:
    return Agency.objects.filter(synthetic=True).exists()


def _townships(organisation):
    return list(
        Region.objects.filter(path__startswith=organisation.path, kind__in=RegionKind.township_level()).order_by("path")
    )


def _person(rng) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


@transaction.atomic  # all or nothing: a demo half entered would count as present
def create_demo_services() -> tuple[int, int, int, int]:
    office = Unit.objects.filter(kind=UnitKind.OFFICE).select_related("organisation").first()
    if office is None:
        return 0, 0, 0, 0
    organisation = office.organisation
    townships = _townships(organisation) or [organisation]
    rng = random.Random(SEED)
    made = _agencies(rng, organisation, townships)
    outlet_count = _outlets(rng, organisation, townships)
    engagements = _engagements(rng, made)
    return len(made), outlet_count, engagements, _applications(organisation)


def _agencies(rng, organisation, townships) -> list:
    kinds = list(ServiceKind.values)
    purchaser = Unit.objects.filter(organisation=organisation, key="amr").first()
    made = []
    for n in range(1, 31):
        kind = kinds[(n - 1) % len(kinds)]
        extra = [rng.choice(kinds)] if rng.random() < 0.4 else []
        settled = D(2021 + rng.randrange(5), rng.randrange(1, 13), rng.randrange(1, 28)) if rng.random() < 0.7 else None
        if settled and settled > D(2025, 11, 30):
            settled = D(2025, 11, 30)
        place = rng.choice(PLACES)
        agency = agencies.create_agency(
            None,
            name=f"演示{place}{AGENCY_NAMES[kind]}{n}",
            uscc=_uscc(n),
            kinds=[kind, *extra],
            region=rng.choice(townships),
            address=f"南安市{place}某某路{n}号（虚构）",
            contact_person=_person(rng),
            contact_phone=f"0595-8{n:07d}",
            settled_on=settled,
            note=NOTE,
            synthetic=True,
        )
        qualification, issuer = QUALIFICATIONS[kind]
        start = D(2019 + rng.randrange(4), rng.randrange(1, 13), 1)
        agencies.add_qualification(
            agency,
            None,
            kind=qualification,
            number=f"演示{n:04d}",
            issuer=issuer,
            valid_from=start,
            valid_to=start.replace(year=start.year + rng.choice([3, 5, 6])),
        )
        if n % 3 == 1:
            agencies.add_practitioner(agency, None, name=_person(rng), licence_number=f"演示执业{n:05d}", note=NOTE)
        if purchaser is not None and n % 6 == 0:
            year = 2022 + n % 3
            agencies.add_purchased_service(
                agency,
                None,
                purchaser=purchaser,
                contract_number=f"南市监购〔{year}〕{n}号（演示）",
                subject=rng.choice(
                    ["企业知识产权托管服务", "专利导航分析", "知识产权维权援助服务", "商标品牌培育服务"]
                ),
                amount=rng.choice([50000, 80000, 120000, 150000]),
                start=D(year, 3, 1),
                end=D(year, 12, 31),
            )
        if settled and n % 3:
            publication.publish(agency, None, day=D(2025, 6, 1))
        made.append(agency)
    return made


def _outlets(rng, organisation, townships) -> int:
    by_name = {region.name: region for region in townships}
    for n, (kind, level, name, host) in enumerate(OUTLETS, start=1):
        place = next((region for short, region in by_name.items() if short[:2] in name), rng.choice(townships))
        outlet = outlets.create_outlet(
            None,
            kind=kind,
            level=level,
            name=f"{name}（演示）",
            host=host,
            region=place,
            address=f"{place.name}某某路{n}号（虚构）",
            basic_services="政策咨询、商标注册指导、专利信息检索",
            professional_services="专利分析报告、品牌培育方案" if n % 2 else "",
            opening_hours="工作日 8:30–12:00，14:30–17:30",
            contact_person=_person(rng),
            contact_phone=f"0595-6{n:07d}",
            established_on=D(2020 + n % 5, 1 + n % 12, 10),
            note=NOTE,
            synthetic=True,
        )
        for index in range(4):
            year = 2023 + index % 3
            kind_of = rng.choice(["consultation", "consultation", "training", "other"])
            title = (
                rng.choice(TRAININGS if kind_of == "training" else CONSULTATIONS) if kind_of != "other" else "企业走访"
            )
            outlets.record_activity(
                outlet,
                None,
                day=D(year, rng.randrange(1, 13), rng.randrange(1, 28)),
                kind=kind_of,
                title=title,
                people_served=rng.randrange(5, 120) if kind_of == "training" else rng.randrange(1, 12),
                synthetic=True,
            )
        if n % 2:
            publication.publish(outlet, None, day=D(2025, 6, 1))
    return len(OUTLETS)


def _engagements(rng, made_agencies) -> int:
    from zhichan.registry.models import Enterprise

    enterprises = list(Enterprise.objects.filter(uscc__isnull=False).order_by("pk")[:40])
    custodians = [a for a in made_agencies if set(a.kinds) & {"patent-agency", "trademark-agency", "operation"}]
    services = [value for value in custody.CustodyService.values]
    for n, enterprise in enumerate(enterprises, start=1):
        start = D(2022 + n % 4, 1 + n % 9, 1)  # the last begin by September 2025, so their visits are past
        end = start.replace(year=start.year + rng.choice([1, 2, 3])) - datetime.timedelta(days=1)
        full = n % 4 == 0
        fee = rng.choice([12000, 20000, 30000, 50000])
        payer = rng.choice(["enterprise", "government", "both"])
        engagement = custody.create_engagement(
            None,
            enterprise=enterprise,
            agency=custodians[n % len(custodians)],
            agreement_number=f"TG{start.year}-{n:03d}（演示）",
            start=start,
            end=end,
            custody_scope="full" if full else "partial",
            services=[] if full else rng.sample(services, 3),
            fee=fee,
            payer=payer,
            enterprise_share=fee // 2 if payer == "both" else None,
            subsidy=fee - fee // 2 if payer == "both" else None,
            note=NOTE,
            synthetic=True,
        )
        visit_day = start + datetime.timedelta(days=20 + rng.randrange(60))
        custody.record_visit(
            engagement,
            None,
            day=min(visit_day, D(2025, 11, 30)),
            visitor=_person(rng),
            visitor_note="演示专家（虚构）",
            needs=rng.choice(NEEDS),
            follow_up="已安排托管机构跟进（演示）",
        )
        if n % 4 == 0:
            custody.record_service(
                engagement,
                None,
                day=min(start + datetime.timedelta(days=40), D(2025, 11, 30)),
                item=engagement.services[0] if engagement.services else "advice",
                note=NOTE,
            )
        if end < D(2025, 11, 30) or n % 3 == 0:
            custody.rate(
                engagement,
                None,
                satisfaction=rng.choice([3, 4, 4, 5, 5]),
                day=min(end, D(2025, 11, 30)),
                comment="服务及时（演示）",
            )
    return len(enterprises)


def _applications(organisation) -> int:
    """Applications for custody taken in by the market supervision bureau (the unit the portal's service names):
    the last engagement's, accepted with it, and one awaiting a decision, of an enterprise not in the register (the
    portal's demo adds one made there)."""
    from ..models import CustodyEngagement

    unit = Unit.objects.filter(organisation=organisation, key="amr").first()
    engagement = CustodyEngagement.objects.filter(synthetic=True).select_related("enterprise").order_by("-pk").first()
    if unit is None or engagement is None:
        return 0
    today = timezone.localdate()
    common = {"unit": unit, "contact_phone": "0595-00000000", "synthetic": True}
    made = custody_applications.receive_application(
        None,
        enterprise_name=engagement.enterprise.name,
        credit_code=engagement.enterprise.uscc,
        contact_name="（演示）陈女士",
        services=engagement.services,
        custody_scope=engagement.custody_scope,
        matter="（演示）申请专利年费监控和商标续展托管。",
        received_on=min(engagement.start - datetime.timedelta(days=20), today),
        **common,
    )
    custody_applications.accept_application(made, None, engagement=engagement, day=min(engagement.start, today))
    custody_applications.receive_application(
        None,
        enterprise_name="（演示）南安某石材有限公司",
        credit_code=_uscc(901),
        contact_name="（演示）林先生",
        services=["maintenance", "enforcement"],
        custody_scope="partial",
        matter="（演示）希望由入驻服务机构提供专利、商标托管服务。",
        received_on=today - datetime.timedelta(days=3),
        **common,
    )
    return 2
