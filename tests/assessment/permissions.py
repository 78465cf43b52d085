"""Who may open each page and endpoint of the assessment, and rows to try them with: a published round of the test
scheme with 市市场监管局, 市法院 and 市工信局 (whose liaisons are demo accounts, or not) and 水头镇 and 溪美街道,
an appeal of 市市场监管局, an issued praise notice and a scheme. Every member of staff reads the rounds; a unit
reads its own results and items (and an item's assessor the items it scores); the office runs a round and the
leadership approves it; the office decides appeals and writes notices and schemes."""

from zhichan.core.roles import SEE_ALL, STAFF, Role

OFFICE = frozenset({Role.OFFICE})
INDEX = """
key: index
version: "2025"
name: 示例评价指标
source: 格式示例
indicators:
  - {key: a, name: 示例指标, type: qualitative}
"""
RUNNERS = frozenset({Role.OFFICE, Role.LEADER})

EXPECTED = {
    "assessment-rounds": (STAFF, OFFICE),
    "assessment-round-new": (OFFICE, OFFICE),
    "assessment-trends": (STAFF, STAFF),
    "assessment-trends-export": (STAFF, STAFF),
    "assessment-round": (STAFF, RUNNERS),
    "assessment-round-step": (STAFF, RUNNERS),
    "assessment-round-scores": (STAFF, STAFF),
    "assessment-round-export": (STAFF, STAFF),
    "assessment-participant": (STAFF, STAFF),
    "assessment-participant-step": (STAFF, STAFF),
    "assessment-item": (STAFF, STAFF),
    "assessment-item-step": (STAFF, STAFF),
    "assessment-appeal-step": (STAFF, OFFICE),
    "assessment-notice": (STAFF, OFFICE),
    "assessment-notice-step": (STAFF, OFFICE),
    "assessment-notice-docx": (STAFF, STAFF),
    "assessment-notice-pdf": (STAFF, STAFF),
    "assessment-scheme-new": (OFFICE, OFFICE),
    "assessment-scheme": (STAFF, OFFICE),
    "assessment-account": (SEE_ALL, SEE_ALL),
    "assessment-account-docx": (SEE_ALL, SEE_ALL),
    "assessment-account-pdf": (SEE_ALL, SEE_ALL),
    "assessment-account-xlsx": (SEE_ALL, SEE_ALL),
    "assessment-acceptance": (SEE_ALL, SEE_ALL),
    "assessment-acceptance-docx": (SEE_ALL, SEE_ALL),
    "assessment-acceptance-pdf": (SEE_ALL, SEE_ALL),
    "assessment-acceptance-xlsx": (SEE_ALL, SEE_ALL),
    "assessment-evaluation-indexes": (SEE_ALL, SEE_ALL),
    "assessment-evaluation-index-new": (OFFICE, OFFICE),
    "assessment-evaluation-index": (SEE_ALL, OFFICE),
    "api:assessment-round-list": (STAFF, RUNNERS),
    "api:assessment-round-detail": (STAFF, RUNNERS),
    "api:assessment-round-step": (STAFF, RUNNERS),
    "api:assessment-unit-list": (STAFF, STAFF),
    "api:assessment-unit-detail": (STAFF, STAFF),
    "api:assessment-unit-step": (STAFF, STAFF),
    "api:assessment-item-list": (STAFF, STAFF),
    "api:assessment-item-detail": (STAFF, STAFF),
    "api:assessment-item-step": (STAFF, STAFF),
    "api:assessment-appeal-list": (STAFF, OFFICE),
    "api:assessment-appeal-detail": (STAFF, OFFICE),
    "api:assessment-appeal-step": (STAFF, OFFICE),
    "api:assessment-notice-list": (STAFF, OFFICE),
    "api:assessment-notice-detail": (STAFF, OFFICE),
    "api:assessment-notice-step": (STAFF, OFFICE),
}


def rows(users):
    from django.conf import settings

    from zhichan.assessment.services import appeals, notices
    from zhichan.assessment.services.evaluation import save_index
    from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules

    from .factories import closed_round, nanan, published_round

    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    assessment_round = published_round()
    appeals.file_appeal(assessment_round.participants.get(unit__key="amr"), None, item="plan", reason="方案已印发")
    final = closed_round(year=2020)
    notices.issue(notices.draft(final, None, kind="praise"), None, number="测试〔2022〕1号")
    save_index(None, organisation=nanan(), text=INDEX)


def drafts(users):
    """A unit's self-assessment not submitted yet: its own and the office's, hidden from the leadership and from
    other units (an item's assessor too) until submitted."""
    from zhichan.assessment.services import rounds

    from ..core.permissions import Draft
    from .factories import SCHEME, make_round, make_scheme

    scheme = make_scheme(SCHEME.replace("key: test-scheme", "key: draft-scheme"))
    assessment_round = make_round(year=2023, scheme=scheme)
    participant = assessment_round.participants.get(unit__key="amr")
    plan = participant.items.get(key="plan")
    rounds.self_assess(plan, None, note="自评草稿甲乙丙丁")
    notice = _draft_notice()
    staff = {"office", "leader", "amr-liaison", "court-liaison", "shuitou-liaison"}
    return [
        Draft(
            row=participant,
            markers=["自评草稿甲乙丙丁"],
            owner="amr-liaison",
            submit=lambda: _submit(participant),
            seen_after={"office", "leader", "amr-liaison"},
        ),
        Draft(
            row=plan,
            markers=["自评草稿甲乙丙丁"],
            owner="amr-liaison",
            submit=lambda: _submit(participant),
            seen_after={"office", "leader", "amr-liaison"},
        ),
        Draft(
            row=notice,
            markers=["通报草稿戊己庚辛"],
            owner="office",
            submit=lambda: _issue(notice),
            seen_after=staff,
        ),
    ]


def _draft_notice():
    """A praise notice the office is still writing, on a round of 2021."""
    from zhichan.assessment.services import notices

    from .factories import SCHEME, closed_round, make_scheme

    scheme = make_scheme(SCHEME.replace("key: test-scheme", "key: notice-scheme"))
    notice = notices.draft(closed_round(year=2021, scheme=scheme), None, kind="praise")
    return notices.edit(
        notice,
        None,
        title=notice.title,
        addressee=notice.addressee,
        body="通报草稿戊己庚辛",
        authority=notice.authority,
    )


def _issue(notice):
    from zhichan.assessment.services import notices

    notice.refresh_from_db()
    if notice.state == "draft":
        notices.issue(notice, None, number="测试〔2021〕9号")


def _submit(participant):
    from decimal import Decimal

    from zhichan.assessment.services import rounds

    participant.refresh_from_db()
    if participant.state == "draft":
        plan = participant.items.get(key="plan")
        rounds.self_assess(plan, None, points=Decimal(30), note="自评草稿甲乙丙丁")
        rounds.submit_self(participant, None)
