"""A small scheme and rounds of it for the tests, made through the actions as the system: 市市场监管局, 市法院 and
市工信局 as the departments, 水头镇 and 溪美街道 as the townships."""

import datetime
from decimal import Decimal

from zhichan.assessment.models import Round
from zhichan.assessment.services import notices, rounds
from zhichan.assessment.services.schemes import save_scheme
from zhichan.core.models import Region

SHUITOU, XIMEI = "region-350583119", "region-350583001"

SCHEME = f"""
key: test-scheme
name: 测试考核办法
appeal_days: 5
groups:
  - key: departments
    name: 市直成员单位
    units: {{keys: [amr, court, industry]}}
    total: 100
    bonus_cap: 4
    deduction_cap: 3
    grades:
      - {{key: excellent, name: 优秀, min: 90, share: 0.34}}
      - {{key: pass, name: 合格, min: 60}}
      - {{key: fail, name: 不合格}}
    items:
      - {{key: reports, name: 按时报送, weight: 30, source: reports_on_time}}
      - {{key: tasks, name: 按期完成, weight: 20, source: tasks_on_time}}
      - {{key: urgings, name: 督办答复, weight: 10, source: urgings_answered}}
      - {{key: plan, name: 工作方案, weight: 40, source: manual, evidence: 方案文件}}
      - {{key: award, name: 表彰, kind: bonus, cap: 3, source: manual}}
      - {{key: innovation, name: 创新, kind: bonus, cap: 3, source: manual, assessor: gov-office}}
      - {{key: returned, name: 报告退回, kind: deduction, cap: 5, per: 0.5, source: reports_returned}}
      - {{key: incident, name: 重大事件, kind: veto, source: manual}}
  - key: townships
    name: 乡镇（街道）
    units: {{keys: [{SHUITOU}, {XIMEI}]}}
    total: 100
    grades:
      - {{key: good, name: 良好, min: 80}}
      - {{key: weak, name: 较差}}
    items:
      - {{key: reports, name: 按时报送, weight: 50, source: reports_on_time}}
      - {{key: publicity, name: 宣传培训, weight: 50, source: manual}}
"""


def nanan():
    return Region.objects.get(code="350583")


def make_scheme(text: str = SCHEME):
    """The test scheme, new or with its rules replaced."""
    from zhichan.assessment.models import Scheme

    key = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("key:"))
    known = Scheme.objects.filter(key=key).first()
    return save_scheme(None, organisation=nanan(), text=text, scheme=known)


def make_round(*, year=2022, scheme=None, **values) -> Round:
    return rounds.open_round(
        None,
        scheme=scheme or make_scheme(),
        year=year,
        as_of=values.pop("as_of", datetime.date(year, 12, 31)),
        **values,
    )


def item(assessment_round, unit_key: str, item_key: str):
    return assessment_round.participants.get(unit__key=unit_key).items.get(key=item_key)


def self_assess_all(assessment_round, points="30", submit=True):
    """Every unit claims `points` on its manual scored items and submits."""
    for participant in assessment_round.participants.all():
        for manual in participant.items.filter(source="manual", kind="score"):
            rounds.self_assess(manual, None, points=min(Decimal(points), manual.max_points), note="已完成")
        if submit:
            rounds.submit_self(participant, None)


def published_round(**values) -> Round:
    """A round self-assessed, reviewed, approved and published today."""
    assessment_round = make_round(**values)
    self_assess_all(assessment_round)
    rounds.start_review(assessment_round, None)
    rounds.send_for_approval(assessment_round, None)
    rounds.approve(assessment_round, None)
    rounds.publish(assessment_round, None)
    assessment_round.refresh_from_db()
    return assessment_round


def closed_round(**values) -> Round:
    """A round published, its time to appeal over (moved to yesterday) and closed: its results final."""
    assessment_round = published_round(**values)
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    Round.objects.filter(pk=assessment_round.pk).update(appeal_deadline=yesterday)
    assessment_round.refresh_from_db()
    return rounds.close(assessment_round, None)


def praise(assessment_round):
    return notices.draft(assessment_round, None, kind="praise")
