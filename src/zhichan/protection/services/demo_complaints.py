"""Synthetic complaints and tips for the demo (marked `synthetic`): the same every time, made through the complaint
actions as the system, so their clocks, events and history are those of real ones; some lead to cases."""

import datetime
import random

from zhichan.core.models import Region, RegionKind, Unit

from ..models import CaseKind, Channel, Complaint, ComplaintKind
from . import complaints

NANAN = "350583"
# unit key → (case number prefix, kind of case it opens, IP type)
UNITS = {
    "amr": ("南市监处", "trademark-infringement", "trademark"),
    "culture": ("南文旅罚", "copyright-infringement", "copyright"),
    "agriculture": ("南农罚", "plant-variety-infringement", "plant-variety"),
}
MATTERS = [
    "反映某商行销售假冒注册商标的卫浴水龙头",
    "反映网店销售盗版图书",
    "反映某门店销售未经授权的品种种子",
    "反映某企业在产品上假冒他人专利号",
    "反映展会上有商家销售仿冒品牌茶叶",
    "反映某厂家使用与他人近似的商标",
]


def demo_complaints_present() -> bool:
    return Complaint.objects.filter(synthetic=True).exists()


def create_demo_complaints(count: int = 36, seed: int = 2024) -> int:
    """About `count` complaints and tips received in 2024: most routed by the office, a few handed back and routed
    again, most accepted and replied to, a few not accepted, some opening a case, and the latest still open."""
    county = Region.objects.filter(code=NANAN).first()
    found = Unit.objects.filter(key__in=[*UNITS, "office"], region=county) if county else []
    units = {unit.key: unit for unit in found}
    kinds = {kind.key: kind for kind in CaseKind.objects.all()}
    if "office" not in units or not set(UNITS) <= set(units) or not kinds:
        return 0
    townships = list(
        Region.objects.filter(path__startswith=county.path, kind__in=RegionKind.township_level()).order_by("path")
    )
    rng = random.Random(seed)
    for n in range(count):
        _one(rng, n, units, kinds, townships)
    return Complaint.objects.filter(synthetic=True).count()


def _one(rng, n, units, kinds, townships):
    key = rng.choice(["amr", "amr", "amr", "culture", "agriculture"])
    prefix, case_kind, ip_type = UNITS[key]
    received_on = datetime.date(2024, 1, 8) + datetime.timedelta(days=n * 10 + rng.randrange(0, 7))
    kind = ComplaintKind.TIP if rng.random() < 0.4 else ComplaintKind.COMPLAINT
    anonymous = kind == ComplaintKind.TIP and rng.random() < 0.4
    birth = datetime.date(1965, 1, 1) + datetime.timedelta(days=rng.randrange(0, 12000))
    by_office = rng.random() < 0.6
    complaint = complaints.take_complaint(
        None,
        unit=units["office"] if by_office else units[key],
        kind=kind,
        channel=rng.choice(Channel.values),
        received_on=received_on,
        matter=f"{rng.choice(MATTERS)}（演示）",
        ip_type=ip_type,
        anonymous=anonymous,
        complainant_name="" if anonymous else f"演示投诉人{n:02d}",
        complainant_contact="" if anonymous else f"1380000{n:04d}",
        complainant_id_number="" if anonymous else f"350583{birth:%Y%m%d}{rng.randrange(1000):03d}X",
        respondent_name=f"南安市演示商行{n:03d}（虚构）",
        synthetic=True,
    )
    day = received_on + datetime.timedelta(days=rng.randrange(1, 3))
    if by_office:
        if rng.random() < 0.15:  # first sent to the wrong unit, handed back, routed again
            wrong = units["culture" if key != "culture" else "amr"]
            complaints.route(complaint, None, wrong, day)
            complaints.hand_back(complaint, None, "不属于本单位职责范围（演示）")
            day += datetime.timedelta(days=2)
        complaints.route(complaint, None, units[key], day)
    if received_on >= datetime.date(2024, 11, 15) and rng.random() < 0.7:
        return complaint  # still awaiting acceptance
    day += datetime.timedelta(days=rng.randrange(1, 12))
    if rng.random() < 0.1:
        complaints.decline(complaint, None, day, "不属于知识产权侵权事项（演示）")
        return complaints.close(complaint, None, day + datetime.timedelta(days=1))
    complaints.accept(complaint, None, day)
    if rng.random() < 0.3:
        complaints.open_case(
            complaint,
            None,
            number=f"{prefix}〔{received_on.year}〕投{n + 1}号",
            title=f"{complaint.respondent_name}侵权案",
            kind=kinds[case_kind],
            lead_on=day,
            township=rng.choice(townships) if townships else None,
        )
    if received_on >= datetime.date(2024, 10, 1) and rng.random() < 0.5:
        return complaint  # accepted, reply still due
    day += datetime.timedelta(days=rng.randrange(5, 70 if kind == ComplaintKind.COMPLAINT else 12))
    complaints.answer(complaint, None, day, "经核查，已依法处理并告知（演示）")
    return complaints.close(complaint, None, day + datetime.timedelta(days=rng.randrange(1, 5)))
