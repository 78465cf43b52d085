"""A praise notice from a small round as an official document: the Word file as python-docx reads it (number,
title, addressee, signature, date and the units named), the PDF, and the Word file laid out by LibreOffice with
the title on page 1."""

import datetime
from decimal import Decimal

import pytest

from zhichan.assessment.models import NoticeKind, NoticeState, RoundState
from zhichan.assessment.services import notices, rounds, schemes
from zhichan.documents.docx import Word
from zhichan.documents.pdf import Pdf

from ..documents.tools import pdf_pages, to_pdf_with_libreoffice, word

SCHEME = """\
key: notice-test
name: 南安市知识产权工作目标责任考核办法（测试）
appeal_days: 5
groups:
  - key: departments
    name: 市直成员单位
    units: {keys: [amr, court, police, finance]}
    total: 100
    grades:
      - {key: excellent, name: 优秀, min: 90, share: 0.5}
      - {key: good, name: 良好, min: 60}
      - {key: fail, name: 不合格}
    items:
      - {key: plan, name: 制定本单位工作方案, weight: 60, source: manual}
      - {key: results, name: 工作成效, weight: 40, source: manual}
"""
# Each unit's liaison and its self-assessed points (plan, results): amr and court reach the best grade.
CLAIMS = {
    "amr": ("amr-liaison", 60, 40),
    "court": ("court-liaison", 60, 35),
    "police": ("police-liaison", 50, 30),
    "finance": ("finance-liaison", 40, 20),
}
TITLE = "关于表扬2025年度知识产权工作目标责任考核优秀单位的通报"
NUMBER = "南知强办〔2026〕7号"
ADDRESSEE = "各成员单位"
AUTHORITY = "南安市国家知识产权强县建设示范县工作领导小组办公室"
ISSUED_ON = datetime.date(2026, 1, 20)
WRITTEN_DATE = "2026年1月20日"
PRAISED = ["市市场监管局", "市法院"]  # 100 points, and 95 reviewed up to 98
NOT_PRAISED = ["市公安局", "市财政局"]


@pytest.fixture
def notice(users):
    office, leader = users["office"], users["leader"]
    scheme = schemes.save_scheme(office, organisation=office.unit.organisation, text=SCHEME)
    assessment_round = rounds.open_round(office, scheme=scheme, year=2025)
    for participant in assessment_round.participants.select_related("unit"):
        liaison, *points = CLAIMS[participant.unit.key]
        for item, claimed in zip(participant.items.order_by("order"), points, strict=True):
            rounds.self_assess(item, users[liaison], points=Decimal(claimed), note="已制定方案并按期推进")
        rounds.submit_self(participant, users[liaison])
    rounds.start_review(assessment_round, office)
    court_results = assessment_round.participants.get(unit__key="court").items.get(key="results")
    rounds.review_item(court_results, office, points=Decimal(38), reason="补充材料证明成效")
    rounds.send_for_approval(assessment_round, office)
    rounds.approve(assessment_round, leader, note="同意", approved_on=datetime.date(2026, 1, 8))
    rounds.publish(assessment_round, office, published_on=datetime.date(2026, 1, 10))
    assessment_round.refresh_from_db()
    assert assessment_round.state == RoundState.PUBLISHED

    drafted = notices.draft(assessment_round, office, kind=NoticeKind.PRAISE)
    assert sorted(p.unit.name for p in drafted.participants.select_related("unit")) == sorted(PRAISED)
    notices.edit(
        drafted,
        office,
        title=TITLE,
        addressee=ADDRESSEE,
        body=drafted.body,
        authority=AUTHORITY,
    )
    issued = notices.issue(drafted, office, number=NUMBER, issued_on=ISSUED_ON)
    assert issued.state == NoticeState.ISSUED
    return issued


def test_the_word_file_has_the_number_title_addressee_signature_date_and_the_units_named(notice):
    document = word(Word(notices.official(notice), "notice.docx").render())
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == NUMBER
    assert TITLE in texts
    assert f"{ADDRESSEE}：" in texts  # the full-width colon after the addressee
    assert texts[-2:] == [AUTHORITY, WRITTEN_DATE]  # the signature, then the date as 成文日期 writes it
    assert all(any(name in text for text in texts) for name in PRAISED)  # the body names each too

    [table] = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert [(row[1], row[3], row[4]) for row in rows] == [("市市场监管局", "100", "优秀"), ("市法院", "98", "优秀")]
    assert not set(NOT_PRAISED) & {cell.text for row in table.rows for cell in row.cells}


def test_the_pdf_and_libreoffice_lay_the_notice_out_with_the_title_on_page_1(notice, tmp_path):
    document = notices.official(notice)
    content = Pdf(document, "notice.pdf").render()
    assert content.startswith(b"%PDF")
    assert TITLE in pdf_pages(content)[0]

    laid_out = to_pdf_with_libreoffice(tmp_path, ("notice", Word(document, "notice.docx").render()))
    # LibreOffice spaces Chinese from digits (关于表扬 2025 年度): compare without spaces.
    pages = [page.replace(" ", "") for page in pdf_pages(laid_out["notice"])]
    assert len(pages) >= 1
    assert TITLE in pages[0] and NUMBER in pages[0] and f"{ADDRESSEE}：" in pages[0]
