"""Deterministic synthetic banks, products, pledges and loans (演示数据（虚构）), through the actions: three banks (the
first is the demo bank liaison's), two products each, and pledges from 2022 to the day they are made on registry
enterprises' own patents and trademarks, one right in a few not in the register, some released; a few licences,
transfers and a sale at auction of their patents."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from zhichan.core.models import Region
from zhichan.core.services.demo import DEMO_ORGANISATION, demo_unit
from zhichan.registry.models import Enterprise

from ..models import Bank, RightType
from . import banks, pledges, transactions

BANKS = [
    ("南安演示银行（演示）", "demo-bank"),
    ("演示农村商业银行南安支行（演示）", None),
    ("演示工商银行南安支行（演示）", None),
]
PRODUCTS = [
    (
        "知易贷（演示）",
        [RightType.PATENT, RightType.TRADEMARK],
        "3.45",
        "4.80",
        36,
        "风险补偿资金池分担 30%（演示）",
        True,
    ),
    ("商标贷（演示）", [RightType.TRADEMARK], "3.85", "5.20", 24, "", False),
]
SEED = 2022
PLEDGES = 36


def demo_finance_present() -> bool:
    return Bank.objects.filter(synthetic=True).exists()


def create_demo_finance(today: datetime.date | None = None) -> tuple[int, int]:
    today = today or timezone.localdate()
    rng = random.Random(SEED)
    organisation = Region.objects.get(code=DEMO_ORGANISATION)
    made = []
    for name, unit_key in BANKS:
        unit = demo_unit(unit_key) if unit_key else None
        bank = banks.add_bank(
            None, name=name, unit=unit, organisation=organisation, contact="联络员（演示）", synthetic=True
        )
        products = [
            banks.add_product(
                bank,
                None,
                name=product,
                rights=rights,
                rate_from=Decimal(low),
                rate_to=Decimal(high),
                term_months=term,
                risk_sharing=sharing,
                interest_subsidy=subsidy,
                synthetic=True,
            )
            for product, rights, low, high, term, sharing, subsidy in PRODUCTS
        ]
        made.append((bank, products))
    holders = list(
        Enterprise.objects.filter(patents__isnull=False, uscc__isnull=False, merged_into__isnull=True)
        .exclude(uscc="")
        .distinct()
        .order_by("pk")[:60]
    )
    if not holders:
        return len(made), 0
    start = datetime.date(2022, 1, 10)
    span = (today - start).days
    count = 0
    for n in range(PLEDGES):
        pledgor = rng.choice(holders)
        patents = list(pledgor.patents.order_by("pk").values_list("application_number", flat=True)[:3])
        rights = [(RightType.PATENT, number) for number in patents[: rng.randint(1, len(patents))]]
        trademark = pledgor.trademarks.order_by("pk").values_list("registration_number", flat=True).first()
        if trademark and rng.random() < 0.3:
            rights.append((RightType.TRADEMARK, trademark))
        if n % 9 == 4:
            rights.append((RightType.PATENT, f"20231{n:07d}.X"))  # not in the register: flagged
        bank, products = made[n % len(made)]
        registered = start + datetime.timedelta(days=rng.randrange(max(span - 30, 1)))
        amount = Decimal(rng.choice([100, 200, 300, 500, 800, 1000, 1500, 2000]))
        pledge = pledges.register_pledge(
            None,
            bank=bank,
            registration_number=f"Y{registered.year}9835{n:05d}（演示）",
            registered_on=registered,
            pledgor=pledgor,
            secured_amount=amount,
            rights=rights,
            product=products[0] if rights[0][0] == RightType.PATENT else products[1],
            first_loan=rng.random() < 0.4,
            synthetic=True,
        )
        lent = amount * Decimal(rng.choice(["0.8", "0.9", "1"]))
        drawn = min(registered + datetime.timedelta(days=rng.randrange(3, 20)), today)
        pledges.add_loan(
            pledge,
            None,
            contract_number=f"JK{registered.year}{n:05d}",
            amount=lent,
            drawn_on=drawn,
            matures_on=drawn + datetime.timedelta(days=365),
        )
        if drawn + datetime.timedelta(days=380) < today and rng.random() < 0.5:
            pledges.release_pledge(pledge, None, day=drawn + datetime.timedelta(days=370))
        count += 1
    _demo_transactions(rng, holders, start, today)
    return len(made), count


def _demo_transactions(rng, holders, start, today):
    """Licences, transfers and a sale at auction of the holders' own patents (the transfers change holders)."""
    for n, kind in enumerate(["licence"] * 6 + ["transfer", "transfer", "auction"]):
        seller, buyer = rng.sample(holders, 2)
        number = seller.patents.order_by("pk").values_list("application_number", flat=True).first()
        if number is None:
            continue
        transactions.record_transaction(
            None,
            kind=kind,
            day=start + datetime.timedelta(days=rng.randrange(max((today - start).days - 30, 1))),
            rights=[(RightType.PATENT, number)],
            party_from_code=seller.uscc,
            party_to_code=buyer.uscc,
            amount=Decimal(rng.choice([5, 10, 20, 50, 80])),
            record_number=f"演示{n + 1:03d}",
            licence_scope=rng.choice(["exclusive", "sole", "ordinary"]) if kind == "licence" else "",
            synthetic=True,
        )
