"""The report's history: each step with the person's name, unit and role and the reason, kept after acceptance."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zhichan.programme.services import reporting
from zhichan.programme.services.report_history import report_history

from ..files import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(task, q1, users):
    """Opened, saved twice, submitted, returned, re-saved, submitted again and accepted, with evidence."""
    liaison, office = users["amr-liaison"], users["office"]
    amr = task.assignments.get(role="lead").unit
    report = reporting.open_report(task, amr, q1, liaison)
    reporting.save_report(report, liaison, narrative="初稿", percent=10, figures=[])
    reporting.save_report(report, liaison, narrative="初稿，补充", percent=20, figures=[])
    reporting.attach(report, liaison, SimpleUploadedFile("名单.pdf", PDF))
    reporting.submit(report, liaison)
    reporting.send_back(report, office, "请附人员名单。")
    reporting.save_report(report, liaison, narrative="已附名单", percent=30, figures=[])
    reporting.submit(report, liaison)
    reporting.accept(report, office, "材料齐全。")
    return report


def test_every_step_is_kept_with_names_roles_and_reasons(reviewed):
    steps = report_history(reviewed)
    kinds = [step.kind for step in steps]
    assert kinds == ["opened", "saved", "evidence-added", "submitted", "returned", "saved", "submitted", "accepted"]
    assert steps[1].times == 2  # two saves in a row by the same person read as one step
    returned, resaved, accepted = steps[4], steps[5], steps[7]
    assert (returned.person, returned.note) == ("领导小组办公室（演示）", "请附人员名单。")
    assert resaved.person == "市市场监管局联络员（演示）" and resaved.label == "保存"
    assert resaved.unit == "市市场监管局" and resaved.role == "成员单位联络员"
    assert accepted.note == "材料齐全。" and steps[2].note == "名单.pdf"


def test_the_page_shows_the_return_reason_after_acceptance(client_for, reviewed):
    html = client_for("office").get(reviewed.get_absolute_url()).content.decode()
    history = html.split('data-testid="report-history"', 1)[1]
    assert "请附人员名单。" in history and "领导小组办公室（演示）" in history and "材料齐全。" in history
    assert "amr-liaison" not in history and "已退回" in history


def test_removed_evidence_is_a_step(reviewed, users, task, q1):
    court = task.assignments.get(role="co").unit
    liaison = users["court-liaison"]
    report = reporting.open_report(task, court, q1, liaison)
    evidence = reporting.attach(report, liaison, SimpleUploadedFile("判决书.pdf", PDF))
    reporting.remove_evidence(evidence, liaison)
    kinds = [(step.kind, step.note) for step in report_history(report)]
    assert kinds == [("opened", ""), ("evidence-added", "判决书.pdf"), ("evidence-removed", "判决书.pdf")]


def test_the_history_is_read_in_two_queries_however_long(reviewed, django_assert_num_queries):
    with django_assert_num_queries(2):
        report_history(reviewed)


def test_the_history_and_figure_rows_in_the_api(api_for, reviewed, task, q1):
    api = api_for("amr-liaison")
    steps = api.get(f"/api/v1/reports/{reviewed.pk}/history/").json()
    returned = next(step for step in steps if step["kind"] == "returned")
    assert returned["person"] == "领导小组办公室（演示）" and returned["note"] == "请附人员名单。"
    court_api = api_for("court-liaison")
    court = task.assignments.get(role="co").unit
    created = court_api.post(
        "/api/v1/reports/", {"task": task.pk, "unit": court.pk, "period": q1.key}, format="json"
    ).json()
    bad = court_api.patch(
        f"/api/v1/reports/{created['id']}/",
        {"figures": [{"name": "案件数", "value": 3, "unit": "件"}, {"name": "结案率", "value": "高", "unit": "%"}]},
        format="json",
    )
    assert bad.status_code == 400 and "value" in str(bad.json()["figures"])
    good = court_api.patch(
        f"/api/v1/reports/{created['id']}/",
        {"figures": [{"name": "案件数", "value": 3.0, "unit": "件"}]},
        format="json",
    )
    assert good.json()["figures"] == [{"name": "案件数", "value": 3.0, "unit": "件"}]
    assert court_api.get(f"/api/v1/reports/{reviewed.pk}/history/").status_code == 404  # another unit's report
