import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from zhichan.programme.models import Assignment, ProgressReport, Task, UnitPlan

from ..files import PDF

pytestmark = pytest.mark.django_db


def test_overview_shows_goals_targets_and_the_task_tree(client_for, programme):
    html = client_for("leader").get(reverse("programme-overview", args=[programme.pk])).content.decode()
    for text in [
        "测试工作方案",
        "知识产权创造能力显著增强",
        "≥ 14.3 件",
        "≥ 120,000 件",
        "完善知识产权工作机制",
        "充实完善管理体系",
        "强化监督考核",
        'data-status="',
    ]:
        assert text in html, text


def test_the_only_programme_opens_directly(client_for, programme):
    response = client_for("amr-liaison").get(reverse("programme-list"))
    assert response.status_code == 302 and response["Location"] == programme.get_absolute_url()


def test_office_confirms_a_proposed_lead_on_the_task_page(client_for, task, users):
    client = client_for("office")
    html = client.get(task.get_absolute_url()).content.decode()
    assert 'data-testid="confirm-amr"' in html
    lead = task.assignments.get(role="lead")
    client.post(reverse("assignment-confirm", args=[lead.pk]))
    lead.refresh_from_db()
    assert not lead.proposed and lead.confirmed_by == users["office"]
    assert lead.history.first().history_user == users["office"]  # audited


def test_a_liaison_writes_its_units_work_plan_only(client_for, task):
    amr = task.assignments.get(role="lead").unit
    court = task.assignments.get(role="co").unit
    client = client_for("amr-liaison")
    client.post(reverse("unit-plan", args=[task.pk]), {"unit": amr.pk, "text": "一、工作目标……"})
    assert UnitPlan.objects.get(task=task, unit=amr).text == "一、工作目标……"
    assert client.post(reverse("unit-plan", args=[task.pk]), {"unit": court.pk, "text": "x"}).status_code == 403
    assert not UnitPlan.objects.filter(unit=court).exists()


def test_report_cycle_on_the_pages(client_for, task, q1):
    amr = task.assignments.get(role="lead").unit
    liaison = client_for("amr-liaison")
    response = liaison.post(reverse("report-open", args=[task.pk]), {"unit": amr.pk, "period": q1.key})
    report = ProgressReport.objects.get()
    assert response["Location"] == report.get_absolute_url()
    form = {
        "narrative": "明确专职人员2名。",
        "percent": "30",
        "figure_name": ["专职人员", "培训场次", ""],
        "figure_value": ["2", "3", ""],
        "figure_unit": ["人", "场", ""],
        "action": "save",
    }
    liaison.post(report.get_absolute_url(), form)
    report.refresh_from_db()
    assert report.figures == [
        {"name": "专职人员", "value": 2, "unit": "人"},
        {"name": "培训场次", "value": 3, "unit": "场"},
    ]
    assert 'value="2"' in liaison.get(report.get_absolute_url()).content.decode()  # shown as 2, not 2.0
    liaison.post(
        report.get_absolute_url(),
        {**form, "action": "upload", "file": SimpleUploadedFile("会议纪要.pdf", PDF)},
    )
    evidence = report.evidence.get()
    assert liaison.get(reverse("attachment-download", args=[evidence.pk])).status_code == 200
    liaison.post(reverse("report-submit", args=[report.pk]))

    office = client_for("office")
    queue = office.get(reverse("programme-review", args=[task.programme.pk])).content.decode()
    assert report.get_absolute_url() in queue
    returned = office.post(reverse("report-return", args=[report.pk]), {"note": "请附人员名单。"}, follow=True)
    assert "已退回报送单位。" in returned.content.decode()
    report.refresh_from_db()
    assert report.state == "returned"
    page = liaison.get(report.get_absolute_url()).content.decode()
    assert "请附人员名单。" in page and 'data-testid="submit-report"' in page
    assert "审核意见：</strong> 请附人员名单。" in page  # full-width colon in Chinese
    assert f"市市场监管局 · {report.period_shown}" in page and "季度" in report.period_shown
    liaison.post(reverse("report-submit", args=[report.pk]))
    accepted = office.post(reverse("report-accept", args=[report.pk]), {"note": ""}, follow=True)
    assert "报告已通过审核。" in accepted.content.decode()
    report.refresh_from_db()
    assert report.state == "accepted"


def test_another_units_report_and_evidence_are_hidden(client_for, task, q1):
    court = task.assignments.get(role="co").unit
    court_client = client_for("court-liaison")
    court_client.post(reverse("report-open", args=[task.pk]), {"unit": court.pk, "period": q1.key})
    report = ProgressReport.objects.get()
    court_client.post(reverse("evidence-upload", args=[report.pk]), {"file": SimpleUploadedFile("判决书.pdf", PDF)})
    other = client_for("amr-liaison")
    assert other.get(report.get_absolute_url()).status_code == 404
    assert other.get(reverse("attachment-download", args=[report.evidence.get().pk])).status_code == 404
    assert other.post(reverse("report-open", args=[task.pk]), {"unit": court.pk, "period": q1.key}).status_code == 404


def test_unit_tasks_grid_shows_late_reports(client_for, programme):
    html = client_for("court-liaison").get(reverse("programme-unit-tasks", args=[programme.pk])).content.decode()
    assert "市法院" in html and "充实完善管理体系" in html and "2022年第1季度" in html


def test_timeline_is_svg_without_inline_styles(client_for, programme):
    html = client_for("leader").get(reverse("programme-timeline", args=[programme.pk])).content.decode()
    assert 'data-testid="gantt"' in html and "<rect" in html and "style=" not in html.split("<svg", 1)[1]


def test_task_ledger_export(client_for, programme):
    Task.objects.filter(key="4.2").update(title='=HYPERLINK("http://x")')
    response = client_for("leader").get(reverse("programme-ledger", args=[programme.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "测试工作方案" in rows[0][0]  # what and when
    keys = [row[0] for row in rows[2:]]
    assert keys == ["4.1", "4.1.1", "4.1.2", "4.2", "5.3"]
    titles = [row[1] for row in rows[2:]]
    assert not any(str(title).startswith("=") for title in titles)  # no formula injection


def test_period_reports_export_is_scoped(client_for, task, q1):
    for username, key in [("amr-liaison", "lead"), ("court-liaison", "co")]:
        unit = task.assignments.get(role=key).unit
        client_for(username).post(reverse("report-open", args=[task.pk]), {"unit": unit.pk, "period": q1.key})
    url = reverse("programme-reports-export", args=[task.programme.pk]) + f"?period={q1.key}"

    def units(username):
        sheet = load_workbook(io.BytesIO(client_for(username).get(url).content)).active
        return sorted(row[2] for row in list(sheet.iter_rows(values_only=True))[2:])

    assert units("office") == ["市市场监管局", "市法院"]
    assert units("court-liaison") == ["市法院"]


def test_supervision_lists_missing_reports(client_for, programme):
    html = client_for("office").get(reverse("programme-supervision", args=[programme.pk])).content.decode()
    assert 'data-testid="missing-reports"' in html and "2022年第1季度" in html and "2022Q1" not in html


def test_workbench_panels(client_for, programme, task):
    assert 'data-testid="programme-panel"' in client_for("office").get("/").content.decode()
    html = client_for("amr-liaison").get("/").content.decode()
    assert "充实完善管理体系" in html
    assert Assignment.objects.filter(unit__key="amr").exists()
