"""T10 (累计知识产权质押融资总额) from the pledge records, counted by hand: one pledge once whatever it pledges,
releases change nothing already financed, several loans on one pledge, the reading `lent` instead of the
registered amount, and the drill-down to the pledges behind each figure."""

import datetime
from decimal import Decimal

import pytest

from zhichan.finance.metrics import PledgeFinancing, PledgesRegistered
from zhichan.finance.services import pledges
from zhichan.indicators.models import Indicator, IndicatorValue
from zhichan.indicators.services.compute import compute
from zhichan.indicators.services.loading import load_indicators

from ..indicators.conftest import FILE, make_regions
from .factories import make_enterprise, make_pledge

T10 = "cumulative-ip-pledge-financing"


@pytest.fixture
def financed(users, bank, other_bank):
    regions = make_regions()
    in_a, in_b = make_enterprise(1, regions["A"].code), make_enterprise(2, regions["B"].code)
    # Before the programme: never in the cumulative figure.
    make_pledge(bank, "Y2021-1", pledgor=in_a, amount="9999", day=datetime.date(2021, 12, 1))
    # B: 12,000 registered in 2022 (released in 2023: still financed), lent 10,000 in two loans.
    b = make_pledge(other_bank, "Y2022-1", pledgor=in_b, amount="12000", day=datetime.date(2022, 11, 5))
    pledges.add_loan(
        b,
        None,
        contract_number="B1",
        amount=Decimal("6000"),
        drawn_on=datetime.date(2022, 11, 10),
        matures_on=datetime.date(2023, 11, 9),
    )
    pledges.add_loan(
        b,
        None,
        contract_number="B2",
        amount=Decimal("4000"),
        drawn_on=datetime.date(2023, 1, 10),
        matures_on=datetime.date(2024, 1, 9),
    )
    pledges.release_pledge(b, None, day=datetime.date(2023, 5, 1))
    # A: 3,000 registered in 2023 on a patent and a trademark (counted once), lent 2,500.
    a = make_pledge(
        bank,
        "Y2023-1",
        pledgor=in_a,
        amount="3000",
        day=datetime.date(2023, 2, 10),
        rights=[("patent", "202010000001.5"), ("trademark", "12345678")],
    )
    pledges.add_loan(
        a,
        None,
        contract_number="A1",
        amount=Decimal("2500"),
        drawn_on=datetime.date(2023, 2, 15),
        matures_on=datetime.date(2024, 2, 14),
    )
    return regions


def test_t10_counts_registered_amounts_from_the_programmes_start(financed):
    load_indicators(FILE)
    compute(codes=[T10], periods=["2022-12", "2023-03", "2023-06"])

    def value(region, period):
        return IndicatorValue.objects.get(indicator__code=T10, region=financed[region], period=period).value

    assert value("county", "2022-12") == Decimal("1.20")
    assert value("county", "2023-03") == Decimal("1.50")
    assert value("county", "2023-06") == Decimal("1.50")  # the release of B's pledge takes nothing back
    assert value("A", "2023-03") == Decimal("0.30") and value("B", "2023-03") == Decimal("1.20")
    row = IndicatorValue.objects.get(indicator__code=T10, region=financed["county"], period="2023-03")
    indicator = Indicator.objects.get(code=T10)
    assert indicator.numerator.startswith("finance_pledge_financing") and indicator.second_source["numerator"]
    assert row.numerator == Decimal("1.5")  # 15,000 万元


def test_the_reading_lent_sums_the_loans_by_the_day_drawn(financed):
    metric = PledgeFinancing()
    start, end = datetime.date(2022, 1, 1), datetime.date(2023, 3, 31)
    registered = metric.values(start, end, {"amount": "registered"})
    lent = metric.values(start, end, {"amount": "lent"})
    assert registered == {financed["A"].pk: 3000.0, financed["B"].pk: 12000.0}
    assert lent == {financed["A"].pk: 2500.0, financed["B"].pk: 10000.0}
    early = metric.values(start, datetime.date(2022, 12, 31), {"amount": "lent"})
    assert early == {financed["B"].pk: 6000.0}  # B2 drawn in 2023
    behind = metric.records(start, end, [financed["county"].pk], {"amount": "lent"})
    assert sorted(p.registration_number for p in behind) == ["Y2022-1", "Y2023-1"]
    assert PledgesRegistered().values(start, end) == {financed["A"].pk: 1, financed["B"].pk: 1}
