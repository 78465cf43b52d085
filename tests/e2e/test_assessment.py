"""An assessment round in the browser: the office opens it; a township liaison scores its manual item with a note
and an evidence file and submits; the office reviews, adjusting the item with a reason, and sends it for
approval; the leader approves; the office publishes, drafts a praise notice, numbers and issues it, and
downloads it as a Word file."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from zhichan.assessment.models import ItemScore, NoticeState, Participant, ParticipantState, Round, RoundState
from zhichan.assessment.services import schemes
from zhichan.core.models import Region

from ..documents.tools import word
from ..files import PDF

pytestmark = pytest.mark.e2e

SHUITOU = "region-350583119"  # the township of the demo account shuitou-liaison
SCHEME_NAME = "南安市知识产权工作目标责任考核办法（浏览器测试）"
SCHEME = f"""\
key: journey-test
name: {SCHEME_NAME}
appeal_days: 5
groups:
  - key: units
    name: 乡镇和成员单位
    units: {{keys: [{SHUITOU}, amr, court]}}
    total: 100
    grades:
      - {{key: excellent, name: 优秀, min: 90, share: 0.4}}
      - {{key: good, name: 良好, min: 60}}
      - {{key: fail, name: 不合格}}
    items:
      - key: plan
        name: 分解目标并制定本单位工作方案
        weight: 60
        source: manual
        evidence: 本单位工作方案
      - {{key: reports, name: 按时报送工作进展, weight: 40, source: reports_on_time}}
"""
ROUND_TITLE = "2025年度知识产权工作目标责任考核"
ITEM = "分解目标并制定本单位工作方案"
REASON = "方案未明确完成时限，酌情扣3分"
NOTE = "已制定镇级工作方案，目标分解到村（社区）"
TOWNSHIP = "水头镇人民政府"
EVIDENCE = "水头镇工作方案.pdf"
NOTICE_TITLE = "关于表扬2025年度知识产权工作目标责任考核优秀单位的通报"
NUMBER = "南知强办〔2026〕9号"


@pytest.fixture
def scheme(passwords):
    """The scheme, saved after the live server's database was flushed and the organisation loaded again."""
    return schemes.save_scheme(None, organisation=Region.objects.get(code="350583"), text=SCHEME)


def take(tab, key, fields=None, files=None, keep=False):
    """Open the step's form, fill its fields (named without the step's prefix) and save; the page must come back
    without a refusal. A step that stays on offer once done (a draft edited again) says `keep`."""
    step = tab.page.get_by_test_id(f"step-{key}")
    step.locator("summary").click()
    for name, value in (fields or {}).items():
        step.locator(f"[name='{key}-{name}']").fill(value)
    for name, path in (files or {}).items():
        step.locator(f"[name='{key}-{name}']").set_input_files(str(path))
    with tab.page.expect_navigation() as navigation:
        step.get_by_role("button", name="保存").click()
    assert navigation.value.status == 200, f"step {key} refused"
    if not keep:
        expect(tab.page.get_by_test_id(f"step-{key}")).to_have_count(0)


def test_a_round_from_opening_to_an_issued_praise_notice(open_tab, scheme, tmp_path):
    evidence = tmp_path / EVIDENCE
    evidence.write_bytes(PDF)

    # The office opens the round for 2025.
    office = open_tab()
    office.sign_in("office")
    office.go("/assessment/")
    with office.page.expect_navigation():
        office.page.get_by_test_id("assessment-round-new").click()
    form = office.page.get_by_test_id("assessment-round-form")
    form.locator("#id_scheme").select_option(label=SCHEME_NAME)
    form.locator("#id_year").fill("2025")
    form.locator("#id_title").fill(ROUND_TITLE)
    with office.page.expect_navigation():
        form.get_by_role("button").click()
    office.page.wait_for_url(re.compile(r"/assessment/rounds/\d+/$"))
    round_path = office.path()
    expect(office.page.get_by_test_id("assessment-ranking-row")).to_have_count(3)
    shuitou = Participant.objects.get(round__title=ROUND_TITLE, unit__key=SHUITOU)
    assert shuitou.round.state == RoundState.OPEN

    # The township's liaison scores its manual item with a note and an evidence file, then submits.
    liaison = open_tab()
    liaison.sign_in("shuitou-liaison")
    liaison.go("/assessment/")
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("own-assessments").get_by_role("link", name=ROUND_TITLE).click()
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("participant-items").get_by_role("link", name=ITEM).click()
    take(liaison, "assess", {"points": "55", "note": NOTE}, keep=True)
    expect(liaison.page.get_by_test_id("item-self")).to_have_text(re.compile(r"^55(\.00)?$"))
    take(liaison, "evidence", files={"file": evidence}, keep=True)
    evidence_list = liaison.page.get_by_test_id("item-evidence")
    expect(evidence_list.get_by_role("link", name=EVIDENCE)).to_be_visible()
    with liaison.page.expect_navigation():
        liaison.page.get_by_role("link", name=TOWNSHIP).first.click()  # back to the unit's page
    assert liaison.path() == f"/assessment/units/{shuitou.pk}/"
    expect(liaison.page.get_by_test_id("participant-item").filter(has_text=ITEM)).to_contain_text(NOTE)
    take(liaison, "submit")
    shuitou.refresh_from_db()
    assert shuitou.state == ParticipantState.SUBMITTED

    # The office closes the self-assessment and adjusts the item, with the reason.
    office.page.reload()
    take(office, "review")
    with office.page.expect_navigation():
        office.page.get_by_test_id("assessment-ranking-row").get_by_role("link", name=TOWNSHIP).click()
    with office.page.expect_navigation():
        office.page.get_by_test_id("participant-items").get_by_role("link", name=ITEM).click()
    take(office, "review", {"points": "52", "reason": REASON}, keep=True)
    expect(office.page.get_by_test_id("item-counted")).to_have_text(re.compile(r"^52(\.00)?$"))
    item = ItemScore.objects.get(participant=shuitou, key="plan")
    assert (item.self_points, item.points, item.reason) == (55, 52, REASON)
    shuitou.refresh_from_db()
    assert (shuitou.total, shuitou.rank, shuitou.grade) == (92, 1, "excellent")  # 52 + 40: no report was due
    office.go(round_path)
    take(office, "send")

    # The leader approves.
    leader = open_tab()
    leader.sign_in("leader")
    leader.go(round_path)
    take(leader, "approve", {"note": "同意"})
    shuitou.round.refresh_from_db()
    assert shuitou.round.state == RoundState.APPROVED

    # The office publishes; once the time to appeal has passed (moved to yesterday here) it closes the round,
    # drafts the praise notice, numbers and issues it, and downloads the Word file.
    office.page.reload()
    take(office, "publish")
    Round.objects.filter(pk=shuitou.round_id).update(appeal_deadline=timezone.localdate() - datetime.timedelta(days=1))
    office.page.reload()
    take(office, "close")
    take(office, "praise", keep=True)
    with office.page.expect_navigation():
        office.page.get_by_test_id("assessment-notices").get_by_role("link").first.click()
    expect(office.page.get_by_test_id("notice-units")).to_contain_text(TOWNSHIP)
    take(office, "edit", {"title": NOTICE_TITLE}, keep=True)
    take(office, "issue", {"number": NUMBER})
    text = office.page.get_by_test_id("notice-text")
    expect(text).to_contain_text(NUMBER)
    expect(text).to_contain_text(NOTICE_TITLE)
    notice = shuitou.notices.get()
    assert notice.state == NoticeState.ISSUED and notice.number == NUMBER
    with office.page.expect_download() as caught:
        office.page.get_by_test_id("notice-docx").click()
    assert caught.value.suggested_filename.endswith(".docx")
    document = word(Path(caught.value.path()).read_bytes())
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == NUMBER and NOTICE_TITLE in texts
    assert TOWNSHIP in [row.cells[1].text for row in document.tables[0].rows]

    for tab in (office, liaison, leader):
        assert tab.console_errors() == []
        assert tab.static_failures == []
