"""Synthetic enforcement cases for the demo (marked `synthetic`, shown as 演示数据（虚构）): the same every time, made
through the case actions as the system, so their clocks, events and history are those of real cases."""

import datetime
import random
from decimal import Decimal

from zhichan.core.models import Region, RegionKind, Unit

from ..models import Case, CaseKind, PartyKind, Source
from . import cases, clock_fields, demo_transfers

NANAN = "350583"
# unit key → (case number prefix, kinds it handles, weight)
UNITS = {
    "amr": ("南市监处", ["trademark-infringement", "counterfeit-patent", "gi-infringement", "patent-dispute"], 8),
    "culture": ("南文旅罚", ["copyright-infringement"], 2),
    "agriculture": ("南农罚", ["plant-variety-infringement"], 1),
}
GOODS = ["卫浴水龙头", "石材制品", "茶叶", "服装鞋帽", "电子配件", "图书音像", "农作物种子", "五金工具", "食品包装"]
EXTENDABLE = ("penalty-decision", "patent-dispute-decision")


def demo_cases_present() -> bool:
    return Case.objects.filter(synthetic=True).exists()


def create_demo_cases(count: int = 200, seed: int = 2022) -> int:
    """About `count` cases with leads from 2022 to 2024: most closed, some suspended for appraisal, some extended,
    a few not filed, transferred or withdrawn, and a few still open (overdue by now)."""
    county = Region.objects.filter(code=NANAN).first()
    units = {unit.key: unit for unit in Unit.objects.filter(key__in=UNITS, region=county)} if county else {}
    kinds = {kind.key: kind for kind in CaseKind.objects.all()}
    if not units or not kinds:
        return 0
    townships = list(
        Region.objects.filter(path__startswith=county.path, kind__in=RegionKind.township_level()).order_by("path")
    )
    from zhichan.registry.models import Enterprise

    enterprises = list(Enterprise.objects.filter(synthetic=True).order_by("pk").values_list("name", "uscc")[:60])
    rng = random.Random(seed)
    weighted = [key for key, (_prefix, _kinds, weight) in UNITS.items() if key in units for _ in range(weight)]
    numbers: dict[tuple, int] = {}
    with clock_fields.batched():  # each case's kept clock fields written once, in bulk, at the end
        for n in range(count):
            key = rng.choice(weighted)
            prefix, kind_keys, _weight = UNITS[key]
            kind = kinds[rng.choice(kind_keys)]
            lead_on = datetime.date(2022, 1, 3) + datetime.timedelta(days=rng.randrange(0, 3 * 365 - 10))
            serial = numbers[(key, lead_on.year)] = numbers.get((key, lead_on.year), 0) + 1
            number = f"{prefix}〔{lead_on.year}〕{serial}号"
            _one(rng, units[key], kind, lead_on, number, townships, enterprises, n)
    return Case.objects.filter(synthetic=True).count()


def _party(rng, enterprises, n):
    if enterprises and rng.random() < 0.5:
        name, uscc = rng.choice(enterprises)
        return {"kind": PartyKind.ORGANISATION, "name": name, "credit_code": uscc}
    if rng.random() < 0.5:
        return {"kind": PartyKind.ORGANISATION, "name": f"南安市演示商行{n:03d}（虚构）"}
    birth = datetime.date(1965, 1, 1) + datetime.timedelta(days=rng.randrange(0, 12000))
    return {
        "kind": PartyKind.PERSON,
        "name": f"演示当事人{n:03d}",
        "id_number": f"350583{birth:%Y%m%d}{rng.randrange(1000):03d}X",
    }


def _one(rng, unit, kind, lead_on, number, townships, enterprises, n):
    goods = rng.choice(GOODS)
    source = rng.choice(Source.values)
    if source == Source.SPECIAL_ACTION:  # such a case names its action: demo_special_actions links cases to them
        source = Source.INSPECTION
    case = cases.open_case(
        None,
        unit=unit,
        number=number,
        title=f"{goods}{kind.name}案",
        kind=kind,
        source=source,
        lead_on=lead_on,
        township=rng.choice(townships) if townships else None,
        goods=goods,
        parties=[_party(rng, enterprises, n)],
        synthetic=True,
    )
    fate = rng.random()
    day = lead_on + datetime.timedelta(days=rng.randrange(2, 20))
    if fate < 0.04:
        return cases.decline_case(case, None, day, "证据不足，不予立案（演示）")
    recent = lead_on >= datetime.date(2024, 10, 1)
    if recent and fate < 0.3:
        return case  # still a lead
    cases.file_case(case, None, day)
    if fate < 0.08:  # reported, approved and sent to the police through a transfer (行刑衔接), on to its end
        return demo_transfers.transfer_case(case, day + datetime.timedelta(days=rng.randrange(5, 40)))
    if fate < 0.1:
        return cases.withdraw(case, None, day + datetime.timedelta(days=rng.randrange(5, 40)), "当事人撤回请求（演示）")
    cases.investigate(case, None)
    span = rng.randrange(20, 85)
    if rng.random() < 0.25:  # appraisal or identification not counted
        start = day + datetime.timedelta(days=rng.randrange(5, 20))
        length = rng.randrange(7, 40)
        pause = rng.choice(["appraisal", "identification", "testing"])
        period = cases.suspend(case, None, pause, start, "演示")
        cases.resume(case, None, period, start + datetime.timedelta(days=length))
        span += length
    if kind.decision_rule in EXTENDABLE and rng.random() < 0.15:
        rule_unit = 1 if kind.decision_rule == "patent-dispute-decision" else 30
        cases.extend(case, None, rule_unit, "局长（演示）", day + datetime.timedelta(days=15), "案情复杂（演示）")
        span += 25
    if rng.random() < 0.06:
        span += rng.randrange(15, 60)  # decided late
    if recent and rng.random() < 0.4:
        return case  # still under investigation
    decided_on = day + datetime.timedelta(days=span)
    turnover = Decimal(rng.randrange(2, 400) * 500)
    cases.decide(
        case,
        None,
        decided_on,
        number.replace("号", "号决定"),
        {
            "illegal_turnover": turnover,
            "fine": (turnover * Decimal(rng.choice(["0.5", "1", "2", "3"]))).quantize(Decimal("1")),
            "confiscation": Decimal(rng.randrange(0, 20) * 100),
            "compensation": Decimal(rng.randrange(0, 10) * 1000) if kind.key == "patent-dispute" else Decimal(0),
            "punitive_damages": Decimal(0),
        },
    )
    if rng.random() < 0.5:
        cases.enforce(case, None)
    return cases.close_case(case, None, decided_on + datetime.timedelta(days=rng.randrange(3, 30)), "")
