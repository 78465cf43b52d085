"""The report cycle in the browser: a liaison reports with evidence, the office returns and then accepts it."""

import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from zhichan.core.models import Unit, User
from zhichan.programme.models import ProgressReport, Task
from zhichan.programme.periods import periods
from zhichan.programme.services import reporting
from zhichan.programme.services.loading import load_programme

pytestmark = pytest.mark.e2e

MINI = Path(__file__).parents[1] / "programme" / "mini.yaml"
TASK_KEY = "4.1.2"  # 充实完善管理体系: lead 市市场监管局 (amr), co-operating 市法院 (court)
EVIDENCE_NAME = "培训签到表.pdf"


def minimal_pdf() -> bytes:
    """A one-page PDF with a correct cross-reference table, as small as a valid PDF gets."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body


@pytest.fixture
def task(passwords):
    """Task 4.1.2 of the mini programme, loaded after the live server's database was flushed and refilled."""
    programme = load_programme(MINI)["programme"]
    return Task.objects.select_related("programme").get(programme=programme, key=TASK_KEY)


def task_status(tab, task):
    return tab.page.locator(f'tr[data-task-key="{task.key}"] [data-status]')


def fill_figures(form, figures):
    """Figures as rows of (name, value, unit), each typed into a row of its own."""
    for number, (name, value, unit) in enumerate(figures):
        rows = form.locator("[data-figure-rows] [data-figure-row]")
        if rows.count() <= number:
            form.get_by_test_id("add-figure").click()
        row = rows.nth(number)
        row.locator("[name=figure_name]").fill(name)
        row.locator("[name=figure_value]").fill(value)
        row.locator("[name=figure_unit]").fill(unit)


def save_draft(tab, narrative, percent, figures):
    form = tab.page.get_by_test_id("report-form")
    form.locator("#id_narrative").fill(narrative)
    form.locator("#id_percent").fill(str(percent))
    fill_figures(form, figures)
    with tab.page.expect_navigation():
        form.get_by_test_id("save-report").click()
    expect(tab.page.locator("#id_narrative")).to_have_value(narrative)


def submit(tab):
    tab.page.get_by_test_id("submit-report").click()
    expect(tab.page.get_by_test_id("report-state")).to_have_attribute("data-state", "submitted")
    expect(tab.page.get_by_test_id("report-form")).to_have_count(0)


def test_report_is_returned_resubmitted_accepted_and_the_task_is_done(open_tab, task, tmp_path, request):
    name = request.node.originalname
    programme = task.programme
    last = periods(programme)[-1]
    assert last.label == "2024Q4"
    pdf = tmp_path / EVIDENCE_NAME
    pdf.write_bytes(minimal_pdf())

    office = open_tab()
    office.sign_in("office")
    office.go(f"/programmes/{programme.pk}/")
    # The programme ended on 2024-12-31 with nothing reported: the task is anything but done.
    expect(task_status(office, task)).not_to_have_attribute("data-status", "done")
    office.screenshot(f"{name}-1-overview-before")

    # The liaison opens its unit's report for the last quarter from the task page.
    liaison = open_tab()
    liaison.sign_in("amr-liaison")
    liaison.go(f"/programme-tasks/{task.pk}/")
    opener = liaison.page.get_by_test_id("open-report")
    opener.locator("select[name=unit]").select_option(label=str(Unit.objects.get(key="amr")))
    opener.locator("select[name=period]").select_option(last.key)
    opener.locator("button[type=submit]").click()
    liaison.page.wait_for_url(re.compile(r"/reports/\d+/$"))
    report_path = liaison.path()
    state = liaison.page.get_by_test_id("report-state")
    expect(state).to_have_attribute("data-state", "draft")

    save_draft(liaison, "已组织专职人员培训三场，管理体系已建立。", 100, [("培训场次", "3", "场")])
    expect(liaison.page.locator("[name=figure_value]").first).to_have_value("3")
    evidence = liaison.page.get_by_test_id("evidence-form")
    evidence.locator("input[type=file]").set_input_files(str(pdf))
    with liaison.page.expect_navigation():
        evidence.get_by_test_id("attach-evidence").click()
    evidence_list = liaison.page.get_by_test_id("evidence-list")
    expect(evidence_list.get_by_role("link", name=EVIDENCE_NAME)).to_be_visible()
    with liaison.page.expect_download() as download:
        evidence_list.get_by_role("link", name=EVIDENCE_NAME).click()
    assert download.value.suggested_filename == EVIDENCE_NAME
    assert Path(download.value.path()).read_bytes() == pdf.read_bytes()
    liaison.screenshot(f"{name}-2-draft-with-evidence")
    submit(liaison)

    # The office finds it through its workbench's review count and sends it back with a reason.
    office.go("/")
    expect(office.page.get_by_test_id("programme-panel")).to_be_visible()
    review_count = office.page.get_by_test_id("review-count")
    expect(review_count).to_have_text(re.compile(r"\b1$"))
    review_count.click()
    office.page.wait_for_url(f"**/programmes/{programme.pk}/review/")
    office.page.get_by_test_id("review-queue").get_by_role("link", name=task.title).click()
    office.page.wait_for_url(f"**{report_path}")
    expect(office.page.get_by_test_id("evidence-list")).to_contain_text(EVIDENCE_NAME)
    expect(office.page.get_by_test_id("report-form")).to_have_count(0)
    note = "请补充培训签到表的参会人数。"
    office.page.get_by_test_id("review-panel").locator("#review-note").fill(note)
    office.screenshot(f"{name}-3-review")
    office.page.get_by_test_id("return-report").click()
    expect(office.page.get_by_test_id("report-state")).to_have_attribute("data-state", "returned")
    expect(office.page.get_by_test_id("review-note")).to_contain_text(note)
    expect(office.page.get_by_test_id("review-panel")).to_have_count(0)

    # The liaison sees why, amends the report and submits it again.
    liaison.page.reload()
    expect(state).to_have_attribute("data-state", "returned")
    expect(liaison.page.get_by_test_id("review-note")).to_contain_text(note)
    liaison.screenshot(f"{name}-4-returned")
    amended = "已组织专职人员培训三场，共120人参加，管理体系已建立。"
    save_draft(liaison, amended, 100, [("培训场次", "3", "场"), ("参训人数", "120", "人")])
    expect(liaison.page.get_by_test_id("evidence-list")).to_contain_text(EVIDENCE_NAME)
    submit(liaison)

    # The office accepts it; the lead unit's accepted 100 % report finishes the task.
    office.go(report_path)
    expect(office.page.get_by_test_id("report-state")).to_have_attribute("data-state", "submitted")
    expect(office.page.locator("main")).to_contain_text("共120人参加")
    office.page.get_by_test_id("accept-report").click()
    expect(office.page.get_by_test_id("report-state")).to_have_attribute("data-state", "accepted")
    office.screenshot(f"{name}-5-accepted")

    # The programme has ended, so its overview shows 2024-12-31 by default; today the task is done.
    office.go(f"/programmes/{programme.pk}/?as_of={timezone.localdate().isoformat()}")
    expect(task_status(office, task)).to_have_attribute("data-status", "done")
    expect(office.page.get_by_test_id("status-counts")).to_be_visible()
    office.screenshot(f"{name}-6-overview-after")
    office.go(f"/programmes/{programme.pk}/timeline/")
    gantt = office.page.get_by_test_id("gantt")
    expect(gantt).to_be_visible()
    expect(gantt.locator(f'rect[data-task-key="{task.key}"]')).to_have_count(1)
    office.screenshot(f"{name}-7-timeline")
    office.go("/")
    expect(office.page.get_by_test_id("programme-panel")).to_be_visible()
    expect(office.page.get_by_test_id("review-count")).to_have_text(re.compile(r"\b0$"))

    # The liaison's own workbench lists the task as done today (like the overview, it defaults to the end).
    liaison.go(f"/?as_of={timezone.localdate().isoformat()}")
    panel = liaison.page.get_by_test_id("programme-panel")
    row = panel.locator("li", has=liaison.page.get_by_role("link", name=task.title))
    expect(row.locator("[data-status]")).to_have_attribute("data-status", "done")

    report = ProgressReport.objects.get(task=task)
    assert (report.state, report.percent, report.evidence.count()) == ("accepted", 100, 1)
    assert report.figures == [
        {"name": "培训场次", "value": 3, "unit": "场"},
        {"name": "参训人数", "value": 120, "unit": "人"},
    ]
    assert office.console_errors() == [] and liaison.console_errors() == []
    assert office.static_failures == [] and liaison.static_failures == []


def test_co_operating_unit_cannot_open_the_lead_units_report(tab, task):
    amr_liaison = User.objects.get(username="amr-liaison")
    report = reporting.open_report(task, amr_liaison.unit, periods(task.programme)[-1], amr_liaison)
    reporting.save_report(report, amr_liaison, narrative="市场监管局的进展", percent=50, figures=[])

    tab.sign_in("court-liaison")
    # The task page opens for the co-operating unit, without the other unit's report.
    assert tab.go(f"/programme-tasks/{task.pk}/").status == 200
    expect(tab.page.get_by_test_id("task-reports")).not_to_contain_text(str(amr_liaison.unit))
    response = tab.go(report.get_absolute_url())
    assert response.status == 404
    expect(tab.page.get_by_test_id("not-found")).to_be_visible()
    expect(tab.page.locator("main")).not_to_contain_text("市场监管局的进展")
    assert tab.console_errors() == []


def test_the_ledger_and_the_reports_download_as_word_and_pdf(tab, task):
    """Beside the Excel exports: the ledger's Word and PDF links, and the period form's Word and PDF buttons, which
    carry the document number typed in."""
    from docx import Document

    tab.sign_in("office")
    tab.go(f"/programmes/{task.programme.pk}/")
    with tab.page.expect_download() as caught:
        tab.page.get_by_test_id("ledger-pdf").click()
    assert caught.value.suggested_filename == "测试工作方案-任务台账.pdf"
    form = tab.page.get_by_test_id("reports-export")
    form.locator("[name=number]").fill("南知强办〔2026〕3号")
    with tab.page.expect_download() as caught:
        form.get_by_test_id("reports-docx").click()
    assert caught.value.suggested_filename.endswith(".docx")
    document = Document(caught.value.path())
    assert document.paragraphs[0].text == "南知强办〔2026〕3号"
    tab.screenshot("programme-document-exports")
    assert tab.console_errors() == []
