"""The transfers' figures against counts made by hand: cases sent to the police by the day they went, and those on
which a criminal case was opened by the day it was opened, whichever side's step opened it."""

import datetime

import pytest
from django.utils.translation import override

from zhichan.core.models import Region, Unit
from zhichan.protection.models import Outcome, PoliceDecision
from zhichan.protection.services import transfers
from zhichan.protection.transfer_metrics import TransfersOpened, TransfersSent

from .conftest import at

D = datetime.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))


@pytest.fixture
def sent_out(new_transfer, users, other_township):
    """Transfers of the market supervision bureau:

    a  sent 6 March 2024 at 23:30 (Beijing time), opened by the police 8 March                 shuitou
    b  sent 10 September, refused, opened on reconsideration 10 October                        other township
    c  sent 2 December, refused, reconsideration upheld, opened after supervision 6 January 2025  shuitou
    d  sent 20 December, refused, the refusal accepted: back for administrative handling      shuitou
    e  reported, approved, not sent                                                            shuitou
    f  reported, not approved                                                                  shuitou
    """
    unit, officer, prosecutor = users["amr-liaison"], users["police-liaison"], users["procuratorate-liaison"]
    police, procuratorate = Unit.objects.get(key="police"), Unit.objects.get(key="procuratorate")

    def out(filed, reported, approved, sent, **extra):
        transfer = new_transfer(filed_on=filed, reported_on=reported, **extra)
        transfers.approve(transfer, unit, "王局长", approved)
        transfers.send(transfer, unit, sent, police)
        transfers.receive(transfer, officer, sent.date())
        return transfer

    made = {}
    made["a"] = out(D(2024, 3, 1), D(2024, 3, 4), at(2024, 3, 6, 10), at(2024, 3, 6, 23, 30))
    transfers.decide(made["a"], officer, PoliceDecision.OPENED, D(2024, 3, 8))
    made["b"] = out(D(2024, 9, 2), D(2024, 9, 5), at(2024, 9, 6, 10), at(2024, 9, 10, 9), township=other_township)
    transfers.decide(made["b"], officer, PoliceDecision.REFUSED, D(2024, 9, 12), "证据不足")
    transfers.ask_reconsideration(made["b"], unit, D(2024, 9, 13))
    transfers.answer(made["b"], officer, Outcome.OPENED, D(2024, 9, 14), "立案")
    made["c"] = out(D(2024, 11, 25), D(2024, 11, 28), at(2024, 11, 29, 10), at(2024, 12, 2, 9))
    transfers.decide(made["c"], officer, PoliceDecision.REFUSED, D(2024, 12, 3), "证据不足")
    transfers.ask_reconsideration(made["c"], unit, D(2024, 12, 4))
    transfers.answer(made["c"], officer, Outcome.UPHELD, D(2024, 12, 5), "维持")
    transfers.ask_supervision(made["c"], unit, D(2024, 12, 6), procuratorate)
    transfers.supervise(made["c"], prosecutor, Outcome.OPENED, D(2025, 1, 6), "通知立案")
    made["d"] = out(D(2024, 12, 10), D(2024, 12, 16), at(2024, 12, 17, 10), at(2024, 12, 20, 9))
    transfers.decide(made["d"], officer, PoliceDecision.REFUSED, D(2024, 12, 23), "证据不足")
    transfers.accept_refusal(made["d"], unit, D(2024, 12, 24))
    made["e"] = new_transfer(filed_on=D(2024, 6, 3), reported_on=D(2024, 6, 5))
    transfers.approve(made["e"], unit, "王局长", at(2024, 6, 6, 10))
    made["f"] = new_transfer(filed_on=D(2024, 7, 1), reported_on=D(2024, 7, 3))
    transfers.not_approve(made["f"], unit, "王局长", at(2024, 7, 4, 10), "情节轻微")
    return made


def test_cases_sent_by_the_day_they_went(sent_out, shuitou, other_township):
    assert TransfersSent().values(*YEAR) == {shuitou.pk: 3, other_township.pk: 1}  # a, c, d; b
    # a went at 23:30 Beijing time on 6 March (15:30 UTC): it counts in March, by the local day.
    assert TransfersSent().values(D(2024, 3, 6), D(2024, 3, 6)) == {shuitou.pk: 1}
    assert TransfersSent().values(D(2025, 1, 1), D(2025, 12, 31)) == {}
    county = Region.objects.get(code="350583")
    behind = TransfersSent().records(*YEAR, [county.pk])
    assert [t.pk for t in behind] == [sent_out[key].pk for key in "abcd"]
    with override("en"):
        row = {column.key: str(column.of(behind[0])) for column in TransfersSent.columns}
    assert row["sent_on"] == "2024-03-06" and row["opened_on"] == "2024-03-08" and row["township"] == shuitou.name


def test_criminal_cases_opened_by_whichever_step_opened_them(sent_out, shuitou, other_township):
    assert TransfersOpened().values(*YEAR) == {shuitou.pk: 1, other_township.pk: 1}  # a in March, b on reconsideration
    assert TransfersOpened().values(D(2025, 1, 1), D(2025, 1, 31)) == {shuitou.pk: 1}  # c after supervision
    county = Region.objects.get(code="350583")
    assert [t.pk for t in TransfersOpened().records(*YEAR, [county.pk])] == [sent_out["a"].pk, sent_out["b"].pk]
    assert [t.pk for t in TransfersOpened().records(*YEAR, [other_township.pk])] == [sent_out["b"].pk]


def test_one_reporting_unit_alone(sent_out, shuitou):
    assert TransfersSent().values(*YEAR, {"unit": "amr"})[shuitou.pk] == 3
    assert TransfersSent().values(*YEAR, {"unit": "culture"}) == {}
    county = Region.objects.get(code="350583")
    assert list(TransfersOpened().records(*YEAR, [county.pk], {"unit": "culture"})) == []
    with override("zh-hans"):
        assert str(TransfersSent.label) == "移送涉嫌犯罪案件数"
