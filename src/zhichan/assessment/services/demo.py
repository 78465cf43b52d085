"""The demo's assessment (演示数据（虚构）): the illustrative scheme scored for 2023 and 2024 through the actions —
units' self-assessments with notes, the office's review with reasons, the leadership's approval, publication, an
appeal decided, the 2023 round closed with its praise notice issued, and a criticism notice drafted for 2024."""

import datetime
import random
from decimal import Decimal

from ..models import NoticeKind, ParticipantState, Round, Scheme
from . import appeals, notices, rounds

NOTES = [
    "已印发本单位工作方案，目标分解到科室（演示）",
    "组织专题培训两场，发放宣传材料（演示）",
    "工作方案已报领导小组办公室备案（演示）",
]


def create_demo_rounds(organisation) -> int:
    scheme = Scheme.objects.filter(organisation=organisation).order_by("key").first()
    if scheme is None:
        return 0
    made = 0
    for year, published in ((2023, datetime.date(2024, 1, 22)), (2024, datetime.date(2025, 1, 20))):
        assessment_round = _scored(scheme, year, published)
        made += 1
        if year == 2023:
            _appeal(assessment_round, decide=True)
            assessment_round.refresh_from_db()
            rounds.close(assessment_round, None)
            notice = notices.draft(assessment_round, None, kind=NoticeKind.PRAISE, synthetic=True)
            notices.edit(
                notice,
                None,
                title=notice.title,
                addressee=notice.addressee,
                body=notice.body,
                authority=notice.authority,
                public=True,
            )
            notices.issue(notice, None, number="南知强办〔2024〕2号（演示）", issued_on=published)
        else:
            _appeal(assessment_round, decide=True)
            notices.draft(assessment_round, None, kind=NoticeKind.CRITICISM, synthetic=True)
    return made


def _scored(scheme, year: int, published: datetime.date) -> Round:
    chance = random.Random(year)
    assessment_round = rounds.open_round(
        None, scheme=scheme, year=year, as_of=datetime.date(year, 12, 31), synthetic=True
    )
    participants = list(assessment_round.participants.select_related("unit").order_by("pk"))
    for index, participant in enumerate(participants):
        for item in participant.items.filter(source="manual").exclude(kind="veto"):
            if item.kind == "bonus" and chance.random() > 0.2:
                continue
            share = Decimal(chance.choice(["1", "0.9", "0.8", "0.7", "1"]))
            rounds.self_assess(
                item, None, points=(item.max_points * share).quantize(Decimal("0.1")), note=chance.choice(NOTES)
            )
        if index % 7 != 3:  # a few units never submit: the review then stands on what the platform measured
            rounds.submit_self(participant, None)
    rounds.start_review(assessment_round, None)
    for participant in participants[::5]:
        item = participant.items.filter(source="manual", kind="score").order_by("order").first()
        if item is not None and item.self_points is not None:
            lower = max(Decimal(0), item.self_points - 2)
            rounds.review_item(item, None, points=lower, reason="工作方案未分解到具体责任人，扣2分（演示）")
    vetoed = participants[-1].items.filter(kind="veto").first()
    if vetoed is not None:
        rounds.review_item(vetoed, None, points=Decimal(1), reason="辖区发生重大知识产权违法事件（演示）")
    for item in rounds.awaiting_assessors(assessment_round):  # the assessor unit's own score
        claimed = item.self_points if item.self_points is not None else item.max_points * Decimal("0.8")
        rounds.review_item(item, None, points=claimed.quantize(Decimal("0.1")), reason="政府办评定（演示）")
    rounds.send_for_approval(assessment_round, None)
    rounds.approve(assessment_round, None, note="同意（演示）", approved_on=published - datetime.timedelta(days=3))
    rounds.publish(assessment_round, None, published_on=published)
    return assessment_round


def _appeal(assessment_round, decide: bool) -> None:
    participant = assessment_round.participants.filter(state=ParticipantState.SUBMITTED).order_by("-rank").first()
    item = participant.items.filter(source="manual", kind="score").order_by("order").first()
    appeal = appeals.file_appeal(
        participant,
        None,
        item=item.key,
        reason="本单位工作方案已于年中印发，附件为印发文件（演示）",
        filed_on=assessment_round.published_on + datetime.timedelta(days=1),
    )
    if decide:
        appeals.decide_appeal(
            appeal,
            None,
            upheld=True,
            answer="经核实方案已印发，予以更正（演示）",
            points=item.max_points,
            decided_on=appeal.filed_on + datetime.timedelta(days=3),
        )
