"""Synthetic special enforcement actions for the demo (marked `synthetic`, shown as 演示数据（虚构）): four actions over
2022–2024 of the kinds the plan names (四(四)1: trademark, copyright and patent protection, fake auto parts, key
goods of rural markets), with the units' inspections, and demo cases of the participating units linked to them —
the same every time, made through the same actions as the system."""

import datetime
import random

from zhichan.core.models import Region, RegionKind, Unit

from ..models import Case, SpecialAction
from . import special_actions

NANAN = "350583"
SEED = 2023

# Each action: its fields, the keys of its lead and other units, every n-th township covered (0: the whole region),
# and the goods its inspections seize.
ACTIONS = [
    {
        "name": "2022年商标权保护专项整治行动（演示）",
        "start": datetime.date(2022, 3, 15),
        "end": datetime.date(2022, 8, 31),
        "ip_types": ["trademark", "gi"],
        "lead": "amr",
        "others": [],
        "every": 0,
        "targets": "以商品集散地、案件高发地为重点，查处侵犯注册商标专用权和地理标志违法行为（演示）。",
        "planned_inspections": 30,
        "planned_cases": 8,
        "goods": ["假冒注册商标的卫浴产品", "假冒地理标志的茶叶"],
    },
    {
        "name": "2023年农村市场重点商品专项整治行动（演示）",
        "start": datetime.date(2023, 3, 1),
        "end": datetime.date(2023, 6, 30),
        "ip_types": ["trademark", "plant-variety"],
        "lead": "amr",
        "others": ["agriculture"],
        "every": 3,
        "targets": "检查农村集贸市场、农资经营户，重点查处假冒种子、假冒注册商标的日用商品（演示）。",
        "planned_inspections": 24,
        "planned_cases": 5,
        "goods": ["假冒种子", "假冒注册商标的日用品"],
    },
    {
        "name": "2023年版权保护专项行动（演示）",
        "start": datetime.date(2023, 7, 1),
        "end": datetime.date(2023, 12, 31),
        "ip_types": ["copyright"],
        "lead": "culture",
        "others": ["amr"],
        "every": 0,
        "targets": "检查印刷复制企业、书店和网络销售商户，查处侵权盗版（演示）。",
        "planned_inspections": 12,
        "planned_cases": 3,
        "goods": ["盗版出版物", "侵权复制品"],
    },
    {
        "name": "2024年汽车配件打假及专利权保护专项行动（演示）",
        "start": datetime.date(2024, 4, 1),
        "end": datetime.date(2024, 10, 31),
        "ip_types": ["trademark", "patent"],
        "lead": "amr",
        "others": ["police"],
        "every": 2,
        "targets": "以产品制造集中地为重点，查处假冒汽车配件、假冒专利和卫浴产品商标侵权（演示）。",
        "planned_inspections": 36,
        "planned_cases": 10,
        "goods": ["假冒汽车配件", "标注假冒专利号的水龙头"],
    },
]
FINDINGS_CLEAR = ["未发现违法行为（演示）", "经营资质齐全，商品来源可查（演示）", "现场责令规范商品标识（演示）"]
FINDINGS_SEIZED = "发现涉嫌侵权商品，依法扣押（演示）"


def demo_special_actions_present() -> bool:
    return SpecialAction.objects.filter(synthetic=True).exists()


def create_demo_special_actions(seed: int = SEED) -> tuple[int, int, int]:
    """The demo actions, their inspections and the demo cases linked: (actions, inspections, cases linked)."""
    county = Region.objects.filter(code=NANAN).first()
    if county is None:
        return 0, 0, 0
    units = {unit.key: unit for unit in Unit.objects.filter(organisation=county)}
    townships = list(
        Region.objects.filter(path__startswith=county.path, kind__in=RegionKind.township_level()).order_by("path")
    )
    from zhichan.registry.models import Enterprise

    enterprises = list(Enterprise.objects.filter(synthetic=True).order_by("pk").values_list("name", "uscc")[:40])
    rng = random.Random(seed)
    made, inspected, linked = 0, 0, 0
    for plan in ACTIONS:
        if plan["lead"] not in units:
            continue
        areas = townships[:: plan["every"]] if plan["every"] else []
        special_action = special_actions.create_action(
            None,
            name=plan["name"],
            start=plan["start"],
            end=plan["end"],
            ip_types=plan["ip_types"],
            lead_unit=units[plan["lead"]],
            units=[units[key] for key in plan["others"] if key in units],
            areas=areas,
            targets=plan["targets"],
            planned_inspections=plan["planned_inspections"],
            planned_cases=plan["planned_cases"],
            synthetic=True,
        )
        made += 1
        places, goods = areas or townships, plan["goods"]
        start, end = plan["start"], plan["end"]
        for unit in special_action.units.order_by("order", "pk"):
            cases = _link_cases(special_action, unit, areas)
            linked += len(cases)
            for case in cases:  # the inspection that found each case
                _inspect(rng, special_action, unit, case.lead_on, case.township, enterprises, goods, case=case)
                inspected += 1
            for _n in range(4 if unit.pk == special_action.lead_unit_id else 2):
                day = start + datetime.timedelta(days=rng.randrange(0, (end - start).days + 1))
                township = rng.choice(places) if places else None
                _inspect(rng, special_action, unit, day, township, enterprises, goods)
                inspected += 1
    return made, inspected, linked


def _link_cases(special_action, unit, areas) -> list:
    """Every other demo case of the unit whose lead falls within the action, of the IP types it covers (and in its
    townships, where it names any), at most five."""
    found = Case.objects.filter(
        synthetic=True,
        unit=unit,
        action__isnull=True,
        lead_on__range=(special_action.start, special_action.end),
        ip_type__in=special_action.ip_types,
    ).order_by("lead_on", "pk")
    if areas:
        found = found.filter(township__in=areas)
    chosen = list(found)[::2][:5]
    for case in chosen:
        special_actions.link_case(case, None, special_action)
    return chosen


def _inspect(rng, special_action, unit, day, township, enterprises, goods, case=None):
    if enterprises and rng.random() < 0.6:
        subject, credit_code = rng.choice(enterprises)
    else:
        subject, credit_code = f"南安市演示商行{rng.randrange(1, 200):03d}（虚构）", ""
    seized = case is not None or rng.random() < 0.2
    special_actions.record_inspection(
        None,
        unit=unit,
        day=day,
        subject=subject,
        action=special_action,
        township=township,
        credit_code=credit_code,
        findings=FINDINGS_SEIZED if seized else rng.choice(FINDINGS_CLEAR),
        seized_goods=rng.choice(goods) if seized else "",
        seized_quantity=rng.randrange(10, 500) if seized else 0,
        case=case,
        synthetic=True,
    )
