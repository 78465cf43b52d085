"""Synthetic experts for the demo (marked `synthetic`, shown as 演示数据（虚构）): the same every time, made through
the actions, with a few draws of experts."""

import datetime
import random

from zhichan.core.models import Unit
from zhichan.registry.models import Enterprise

from ..models import Expert, ExpertField
from . import experts, publication

SURNAMES = "陈林黄王李张吴刘蔡郑洪苏许傅"
GIVEN = ["志强", "美玲", "建华", "晓东", "丽珍", "文斌", "秀英", "国平", "海燕", "振宇", "雅琴", "明辉"]
EMPLOYERS = [
    "华侨大学",
    "泉州师范学院",
    "南安市律师协会（虚构）",
    "泉州某专利代理事务所（虚构）",
    "南安市某银行支行（虚构）",
]
TITLES = ["教授", "副教授", "高级工程师", "律师", "专利代理师", "高级经济师"]
COUNT = 40


def demo_experts_present() -> bool:
    return Expert.objects.filter(synthetic=True).exists()


def _organisation():
    return Unit.objects.filter(key="amr").values_list("organisation", flat=True).first()


def create_demo_experts(seed: int = 2026) -> tuple[int, int]:
    organisation = _organisation()
    if organisation is None:
        return 0, 0
    from zhichan.core.models import Region

    organisation = Region.objects.get(pk=organisation)
    rng = random.Random(seed)
    codes = list(Enterprise.objects.filter(synthetic=True).exclude(uscc=None).order_by("uscc")[:30])
    made = []
    for n in range(COUNT):
        fields = rng.sample(ExpertField.values, k=rng.choice([1, 1, 2]))
        expert = experts.add_expert(
            None,
            organisation=organisation,
            name=rng.choice(SURNAMES) + rng.choice(GIVEN),
            id_number=f"9999{n:014d}",  # not a real ID number: marks the record as fictitious
            fields=fields,
            employer=rng.choice(EMPLOYERS),
            title=rng.choice(TITLES),
            phone=f"0595-8600{n:04d}",
            synthetic=True,
        )
        made.append(expert)
        if codes and n % 5 == 0:
            experts.declare_tie(expert, None, credit_code=rng.choice(codes).uscc)
    for expert in made[::4]:  # the pool's public fields on the portal's open data, as the office would publish
        publication.publish(expert, None, day=datetime.date(2026, 1, 5))
    experts.set_availability(made[3], None, available=False, until=datetime.date(2027, 3, 31))
    experts.set_availability(made[7], None, available=False)
    draws = [
        ("project-review", "2026年度知识产权专项资金项目评审（演示）", 5, "", datetime.date(2026, 4, 10)),
        ("mediation", "某阀门外观设计专利侵权纠纷调解（演示）", 3, "legal", datetime.date(2026, 9, 15)),
        ("custody-visit", "知识产权托管企业走访（演示）", 2, "", datetime.date(2026, 11, 20)),
    ]
    for purpose, subject, wanted, field, day in draws:
        experts.draw_experts(
            None,
            organisation=organisation,
            purpose=purpose,
            subject=subject,
            wanted=wanted,
            field=field,
            day=day,
            seed=f"demo-{day.isoformat()}",
            synthetic=True,
        )
    return len(made), len(draws)
