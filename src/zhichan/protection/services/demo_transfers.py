"""Synthetic transfers to criminal justice for the demo (marked `synthetic`, shown as 演示数据（虚构）): the same every
time, made through the transfer actions as the system, so their clocks, events and history are those of real ones.

The demo cases that go to the police (services/demo.py) go through `transfer_case`: reported, approved and sent,
then each to one of the ends in turn (criminal case opened and the items handed over; refused and accepted; opened,
sent more than 24 hours after the approval; upheld on reconsideration and opened after the procuratorate's
supervision; passed on; not approved; returned for administrative handling; opened on reconsideration). A case that
comes back (or was never sent) is then decided and closed as the other demo cases are. `create_demo_transfers` adds
four still under way on the first late-2024 open demo cases: awaiting the chief's approval, the police's decision,
the unit's answer to a refusal, and the police's answer to a reconsideration."""

import datetime
from decimal import Decimal

from django.utils import timezone

from zhichan.core.models import Unit

from ..models import Case, Outcome, PoliceDecision, State, Transfer
from . import cases, transfers

# The open demo cases are those received from this day on (services/demo.py leaves the recent ones open).
RECENT = datetime.date(2024, 10, 1)
OFFICERS = ["演示执法员甲", "演示执法员乙"]
CHIEF = "局长（演示）"
NOTE = "涉嫌销售假冒注册商标的商品罪，经营数额较大（演示）"
# The ends the past transfers reach, in turn.
ENDS = [
    "opened",
    "refused-accepted",
    "opened-late",
    "upheld-supervised",
    "passed-on",
    "not-approved",
    "returned",
    "refused-reconsidered-opened",
]
DAY = datetime.timedelta(days=1)


def _unit(case, key):
    return Unit.objects.filter(organisation=case.unit.organisation, key=key).first()


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def transfer_case(case, sent_on: datetime.date):
    """Take a demo case to the police, the transfer going out on `sent_on`, and on to one of the ends in turn."""
    police, procuratorate = _unit(case, "police"), _unit(case, "procuratorate")
    if police is None:
        return case  # an organisation without a police unit: the case stays an administrative one
    end = ENDS[Transfer.objects.filter(synthetic=True).count() % len(ENDS)]
    transfer = transfers.report(
        None, case=case, reported_on=sent_on - 2 * DAY, officers=OFFICERS, report_note=NOTE, synthetic=True
    )
    if end == "not-approved":
        transfers.not_approve(transfer, None, CHIEF, _at(sent_on - DAY, 10, 30), "尚未达到刑事立案追诉标准（演示）")
        return _decide_and_close(case, sent_on + 10 * DAY)
    transfers.approve(transfer, None, CHIEF, _at(sent_on - DAY, 10, 30))
    sent_at = _at(sent_on, 16) if end == "opened-late" else _at(sent_on, 9)  # 29.5 or 22.5 hours after approval
    transfers.send(transfer, None, sent_at, police, sent_on, procuratorate)
    transfers.receive(transfer, None, sent_on)
    decided = sent_on + 2 * DAY
    if end in ("opened", "opened-late", "returned"):
        transfers.decide(transfer, None, PoliceDecision.OPENED, decided)
        transfers.hand_over(transfer, None, decided + DAY)
        if end == "returned":
            transfers.take_back(
                transfer, None, decided + 30 * DAY, "犯罪情节轻微，不需要追究刑事责任，依法应予行政处罚（演示）"
            )
            return _decide_and_close(case, decided + 40 * DAY)
        return transfer
    if end == "passed-on":
        transfers.decide(transfer, None, PoliceDecision.PASSED_ON, decided, passed_to="泉州市公安局（演示）")
        return transfer
    transfers.decide(transfer, None, PoliceDecision.REFUSED, decided, "现有证据不足以证明达到追诉标准（演示）")
    if end == "refused-accepted":
        transfers.accept_refusal(transfer, None, decided + 2 * DAY, "依法作出行政处罚（演示）")
        return _decide_and_close(case, decided + 20 * DAY)
    transfers.ask_reconsideration(transfer, None, decided + 2 * DAY)
    if end == "refused-reconsidered-opened":
        transfers.answer(transfer, None, Outcome.OPENED, decided + 4 * DAY, "经复议决定立案（演示）")
        transfers.hand_over(transfer, None, decided + 6 * DAY)
        return transfer
    transfers.answer(transfer, None, Outcome.UPHELD, decided + 4 * DAY, "维持不予立案决定（演示）")
    transfers.ask_supervision(transfer, None, decided + 6 * DAY, procuratorate)
    transfers.supervise(transfer, None, Outcome.OPENED, decided + 20 * DAY, "经立案监督，公安机关已立案（演示）")
    transfers.hand_over(transfer, None, decided + 22 * DAY)
    return transfer


def _decide_and_close(case, day: datetime.date):
    cases.decide(case, None, day, case.number.replace("号", "号决定"), {"fine": Decimal(20000)})
    return cases.close_case(case, None, day + 10 * DAY, "")


def demo_transfers_present() -> bool:
    return Transfer.objects.filter(synthetic=True, case__lead_on__gte=RECENT).exists()


def create_demo_transfers() -> int:
    """Four transfers still under way on the first late-2024 open demo cases; returns how many synthetic transfers
    there are."""
    open_cases = list(
        Case.objects.filter(
            synthetic=True,
            lead_on__gte=RECENT,
            state__in=[State.LEAD, State.FILED, State.INVESTIGATION],
            transfers=None,
        )
        .select_related("unit")
        .order_by("lead_on", "pk")[:4]
    )
    for n, case in enumerate(open_cases):
        police = _unit(case, "police")
        if police is None:
            continue
        reported = (case.filed_on or case.lead_on) + 3 * DAY
        transfer = transfers.report(
            None, case=case, reported_on=reported, officers=OFFICERS, report_note=NOTE, synthetic=True
        )
        if n == 0:
            continue  # awaiting the chief's approval
        transfers.approve(transfer, None, CHIEF, _at(reported + DAY, 11))
        transfers.send(transfer, None, _at(reported + 2 * DAY, 9, 30), police)
        transfers.receive(transfer, None, reported + 2 * DAY)
        if n >= 2:
            transfers.decide(transfer, None, PoliceDecision.REFUSED, reported + 4 * DAY, "没有犯罪事实（演示）")
        if n == 3:  # the unit asked the police to reconsider; their answer is awaited
            transfers.ask_reconsideration(transfer, None, reported + 5 * DAY)
    return Transfer.objects.filter(synthetic=True).count()
