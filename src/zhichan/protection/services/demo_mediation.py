"""Synthetic mediations and rights-assistance requests for the demo (marked `synthetic`, shown as 演示数据（虚构）):
the same every time, made through the actions as the system, across 2022–2024."""

import datetime
import random

from zhichan.core.models import Region, RegionKind, Unit

from ..models import AssistanceKind, AssistanceRequest, Mediation, MediationKind, Ruling
from . import assistance, mediation

NANAN = "350583"
# unit key → (mediation number prefix, kinds of mediation it runs)
MEDIATING = {
    "amr": ("南市监调", [MediationKind.ADMINISTRATIVE, MediationKind.ADMINISTRATIVE, MediationKind.ARBITRATION]),
    "justice": ("南司调", [MediationKind.PEOPLES]),
    "court": ("南法诉调", [MediationKind.PRE_LITIGATION]),
}
RIGHTS = ["注册商标专用权", "外观设计专利权", "实用新型专利权", "著作权（产品图册）", "地理标志证明商标使用权"]
GOODS = ["卫浴水龙头", "石材制品", "茶叶", "服装鞋帽", "五金工具"]


def demo_mediation_present() -> bool:
    synthetic = Mediation.objects.filter(synthetic=True).exists()
    return synthetic or AssistanceRequest.objects.filter(synthetic=True).exists()


def _day(rng, year_from=2022):
    return datetime.date(year_from, 1, 4) + datetime.timedelta(days=rng.randrange(0, (2024 - year_from + 1) * 365 - 60))


def create_demo_mediation(mediations: int = 36, requests: int = 40, seed: int = 2022) -> tuple[int, int]:
    """About three dozen mediations (most concluded: agreements, a few with judicial confirmation, failures,
    withdrawals, referrals to arbitration; some late-2024 ones open) and forty rights-assistance requests."""
    county = Region.objects.filter(code=NANAN).first()
    units = {unit.key: unit for unit in Unit.objects.filter(key__in=[*MEDIATING], region=county)} if county else {}
    if len(units) < len(MEDIATING):
        return 0, 0
    townships = list(
        Region.objects.filter(path__startswith=county.path, kind__in=RegionKind.township_level()).order_by("path")
    )
    rng = random.Random(seed)
    numbers: dict[tuple, int] = {}
    for n in range(mediations):
        key = rng.choice(list(MEDIATING))
        prefix, kinds = MEDIATING[key]
        received = _day(rng)
        serial = numbers[(key, received.year)] = numbers.get((key, received.year), 0) + 1
        _mediation(rng, units, key, f"{prefix}〔{received.year}〕{serial}号", rng.choice(kinds), received, townships, n)
    for n in range(requests):
        _request(rng, units["amr"], townships, n)
    return Mediation.objects.filter(synthetic=True).count(), AssistanceRequest.objects.filter(synthetic=True).count()


def _mediation(rng, units, key, number, kind, received, townships, n):
    goods, right = rng.choice(GOODS), rng.choice(RIGHTS)
    item = mediation.open_mediation(
        None,
        unit=units[key],
        number=number,
        title=f"{goods}{right}纠纷（虚构）",
        kind=kind,
        rights=right,
        claim=f"停止侵权，赔偿损失{rng.randrange(1, 30)}万元",
        mediator=f"演示调解员{n % 7 + 1:02d}",
        received_on=received,
        township=rng.choice(townships) if townships and rng.random() < 0.8 else None,
        parties=[
            {"side": "applicant", "name": f"南安市演示{goods}有限公司{n:02d}（虚构）"},
            {"side": "respondent", "name": f"演示商行{n:02d}（虚构）"},
        ],
        synthetic=True,
    )
    day = received + datetime.timedelta(days=rng.randrange(5, 20))
    mediation.hold_session(item, None, day, "双方到场，陈述意见")
    end = day + datetime.timedelta(days=rng.randrange(3, 30))
    if end > datetime.date(2024, 12, 20):
        return  # still being mediated
    roll = rng.random()
    if kind == MediationKind.ARBITRATION or roll < 0.1:
        mediation.refer_to_arbitration(item, None, end, "双方订有仲裁条款，转仲裁机构")
    elif roll < 0.6:
        mediation.agree(item, None, end, f"被申请人赔偿{rng.randrange(1, 10)}万元并停止销售")
        if rng.random() < 0.4:
            applied = end + datetime.timedelta(days=rng.randrange(3, 40))
            confirmation = mediation.apply_for_confirmation(item, None, applied, units["court"])
            ruling = Ruling.CONFIRMED if rng.random() < 0.85 else Ruling.REJECTED
            note = "" if ruling == Ruling.CONFIRMED else "协议内容涉及权属确认，不予受理"
            ruled = applied + datetime.timedelta(days=rng.randrange(5, 25))
            mediation.rule(confirmation, None, ruling, ruled, f"（{ruled.year}）闽0583民特{n + 1}号", note)
    elif roll < 0.85:
        mediation.fail(item, None, end, "双方对赔偿数额分歧较大")
    else:
        mediation.withdraw(item, None, end, "申请人撤回调解申请")


def _request(rng, unit, townships, n):
    kind = rng.choice(AssistanceKind.values)
    requested = _day(rng)
    item = assistance.open_request(
        None,
        unit=unit,
        kind=kind,
        requester=f"南安市演示企业{n:02d}（虚构）",
        matter="请求维权援助（演示）",
        requested_on=requested,
        township=rng.choice(townships) if townships and rng.random() < 0.8 else None,
        synthetic=True,
    )
    closed = requested + datetime.timedelta(days=rng.randrange(1, 30))
    if closed > datetime.date(2024, 12, 20):
        return
    roll = rng.random()
    outcome = "assisted" if roll < 0.8 else ("referred" if roll < 0.92 else "declined")
    note = "不属于援助范围" if outcome == "declined" else ""
    assistance.close_request(item, None, outcome, closed, note)
