"""The demo's industry–university–research matching (演示数据（虚构）), made through the actions: one technology
matching event of 市市场监管局 with three demands of registry enterprises and three offers of universities and
institutes, two matches — one ending in a co-operation agreement, the other in a licence the finance demo entered
(the demand's enterprise being its licensee) — and the agreement."""

import datetime
from decimal import Decimal

from django.utils import timezone

from zhichan.core.models import Unit
from zhichan.finance.models import RightTransaction, TransactionKind
from zhichan.registry.models import Enterprise
from zhichan.registry.signals import DEMO_USCC_BODY

from ..models import MatchingEvent, Outcome, PostingKind
from . import agreements, matching

DEMANDS = [
    ("石材切割废料资源化利用技术", "石材加工"),
    ("智能恒温阀芯寿命提升", "水暖卫浴"),
    ("陶瓷釉面抗菌涂层", "建筑陶瓷"),
]
OFFERS = [
    ("华侨大学", "石材粉尘制备人造石技术", "石材加工"),
    ("泉州师范学院", "高耐磨陶瓷阀片表面改性技术", "水暖卫浴"),
    ("福建省某材料研究所（演示）", "纳米银抗菌釉料配方", "建筑陶瓷"),
]


def demo_matching_present() -> bool:
    return MatchingEvent.objects.filter(synthetic=True).exists()


def _licence():
    """The finance demo's latest licence whose licensee is in the register, if any."""
    return (
        RightTransaction.objects.filter(synthetic=True, kind=TransactionKind.LICENCE, party_to_enterprise__isnull=False)
        .select_related("party_to_enterprise")
        .order_by("-day", "-pk")
        .first()
    )


def _enterprises(count, first=None) -> list:
    """`first` (the licensee) and other enterprises of the register, not the demo enterprise user's, each with the
    credit code a demand names its enterprise by."""
    if first is not None and not first.uscc:
        first = None
    others = (
        Enterprise.objects.filter(merged_into__isnull=True)
        .filter(uscc__gt="")  # a demand names its enterprise by the code (the benchmarks' register has none)
        .exclude(uscc__startswith=DEMO_USCC_BODY)
        .exclude(pk=getattr(first, "pk", None))
        .order_by("pk")
    )
    return ([first] if first is not None else []) + list(others[: count - (first is not None)])


def create_demo_matching() -> int:
    """Returns the number of matches made (0 when the organisation or the register is not loaded)."""
    unit = Unit.objects.filter(key="amr").first()
    deal = _licence()
    enterprises = _enterprises(len(DEMANDS), deal.party_to_enterprise if deal else None)
    if unit is None or len(enterprises) < 2:
        return 0
    today = timezone.localdate()
    held_on = today - datetime.timedelta(days=90)
    if deal is not None:
        held_on = min(held_on, deal.day - datetime.timedelta(days=30))  # the licence follows the match
    event = matching.enter_event(
        None,
        title="南安市石材水暖产业产学研技术对接会",
        held_on=held_on,
        place="南安市科技馆",
        unit=unit,
        enterprises_count=36,
        institutions_count=8,
        persons_count=120,
        note="演示数据（虚构）",
        synthetic=True,
    )
    demands = [
        matching.add_posting(
            None,
            kind=PostingKind.DEMAND,
            title=title,
            enterprise_code=enterprise.uscc,
            field=field,
            description="寻求高校院所联合攻关。",
            event=event,
            synthetic=True,
        )
        for (title, field), enterprise in zip(DEMANDS, enterprises, strict=False)
    ]
    offers = [
        matching.add_posting(
            None,
            kind=PostingKind.OFFER,
            title=title,
            party=party,
            field=field,
            description="成果可许可或转让，可联合开发。",
            event=event,
            synthetic=True,
        )
        for party, title, field in OFFERS
    ]
    # The licensee's demand is matched with the offer licensed; the next with the agreement's offer.
    licensed = matching.record_match(None, demand=demands[0], offer=offers[1], event=event, synthetic=True)
    signed = matching.record_match(None, demand=demands[1], offer=offers[0], event=event, synthetic=True)
    agreement = agreements.enter_agreement(
        None,
        title="石材粉尘制备人造石技术合作开发协议",
        enterprise_code=demands[1].enterprise.uscc,
        partners="华侨大学",
        field="石材加工",
        signed_on=held_on + datetime.timedelta(days=20),
        starts_on=held_on + datetime.timedelta(days=20),
        ends_on=held_on + datetime.timedelta(days=20 + 2 * 365),
        amount=Decimal(60),
        unit=unit,
        event=event,
        note="演示数据（虚构）",
        synthetic=True,
    )
    matching.record_outcome(signed, None, outcome=Outcome.SIGNED, agreement=agreement)
    if deal is not None:
        matching.record_outcome(licensed, None, outcome=Outcome.LICENSED, transaction=deal)
    return 2
