import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zhichan.programme.models import Assignment, ProgressReport

from ..files import PDF

pytestmark = pytest.mark.django_db


def test_programme_tasks_and_targets(api_for, programme):
    api = api_for("leader")
    tasks = api.get("/api/v1/programme-tasks/", {"programme": programme.pk, "page_size": 100}).json()
    assert tasks["count"] == 5 and {t["key"] for t in tasks["results"]} >= {"4.1", "4.1.2", "5.3"}
    targets = api.get("/api/v1/targets/", {"programme": programme.pk}).json()
    assert [t["code"] for t in targets["results"]] == ["T1", "T2"]


def test_report_cycle_through_the_api(api_for, task, q1):
    liaison, office = api_for("amr-liaison"), api_for("office")
    amr = task.assignments.get(role="lead").unit
    created = liaison.post(
        "/api/v1/reports/",
        {"task": task.pk, "unit": amr.pk, "period": q1.key, "narrative": "进展顺利。", "percent": 30},
        format="json",
    )
    assert created.status_code == 201, created.json()
    report_id = created.json()["id"]
    upload = liaison.post(f"/api/v1/reports/{report_id}/evidence/", {"file": _pdf()}, format="multipart")
    assert upload.status_code == 201 and upload.json()["name"] == "证明.pdf"
    listed = liaison.get(f"/api/v1/reports/{report_id}/").json()["evidence"]
    assert listed == [{**upload.json(), "report": report_id, "content_type": "application/pdf"}]
    assert set(listed[0]) == {"id", "report", "name", "content_type", "size", "uploaded_at"}  # as before attachments
    program = SimpleUploadedFile("说明.pdf", b"MZ\x90\x00")
    refused = liaison.post(f"/api/v1/reports/{report_id}/evidence/", {"file": program}, format="multipart")
    assert refused.status_code == 400 and "说明.pdf" in str(refused.json())
    assert liaison.post(f"/api/v1/reports/{report_id}/submit/").json()["state"] == "submitted"
    assert liaison.post(f"/api/v1/reports/{report_id}/accept/").status_code == 403  # liaisons do not review
    back = office.post(f"/api/v1/reports/{report_id}/return/", {"note": "补充"}, format="json")
    assert back.json()["state"] == "returned" and back.json()["review_note"] == "补充"
    assert liaison.patch(f"/api/v1/reports/{report_id}/", {"percent": 35}, format="json").status_code == 200
    liaison.post(f"/api/v1/reports/{report_id}/submit/")
    assert office.post(f"/api/v1/reports/{report_id}/accept/").json()["state"] == "accepted"
    assert liaison.patch(f"/api/v1/reports/{report_id}/", {"percent": 90}, format="json").status_code == 400


def test_a_liaison_cannot_report_or_read_for_another_unit(api_for, task, q1, users):
    court = task.assignments.get(role="co").unit
    refused = api_for("amr-liaison").post(
        "/api/v1/reports/", {"task": task.pk, "unit": court.pk, "period": q1.key}, format="json"
    )
    assert refused.status_code == 403 and not ProgressReport.objects.exists()
    court_report = (
        api_for("court-liaison")
        .post("/api/v1/reports/", {"task": task.pk, "unit": court.pk, "period": q1.key}, format="json")
        .json()
    )
    amr = api_for("amr-liaison")
    assert amr.get(f"/api/v1/reports/{court_report['id']}/").status_code == 404
    assert amr.post(f"/api/v1/reports/{court_report['id']}/submit/").status_code == 404
    assert amr.get("/api/v1/reports/").json()["count"] == 0


def test_bad_period_is_explained(api_for, task):
    amr = task.assignments.get(role="lead").unit
    reply = api_for("amr-liaison").post(
        "/api/v1/reports/", {"task": task.pk, "unit": amr.pk, "period": "2022-02-01"}, format="json"
    )
    assert reply.status_code == 400 and "period" in reply.json()


def test_office_assigns_and_confirms(api_for, task, users):
    office = api_for("office")
    lead = task.assignments.get(role="lead")
    assert office.post(f"/api/v1/assignments/{lead.pk}/confirm/").json()["proposed"] is False
    from zhichan.core.models import Unit

    police = Unit.objects.get(key="police")
    made = office.post("/api/v1/assignments/", {"task": task.pk, "unit": police.pk, "role": "lead"}, format="json")
    assert made.status_code == 201
    assert Assignment.objects.get(task=task, role="lead").unit == police
    assert Assignment.objects.get(pk=lead.pk).role == "co"  # the former lead now co-operates
    assert (
        api_for("amr-liaison")
        .post("/api/v1/assignments/", {"task": task.pk, "unit": police.pk, "role": "co"}, format="json")
        .status_code
        == 403
    )


def test_unit_plans_are_the_units_own(api_for, task):
    amr = task.assignments.get(role="lead").unit
    court = task.assignments.get(role="co").unit
    liaison = api_for("amr-liaison")
    assert (
        liaison.post(
            "/api/v1/unit-plans/", {"task": task.pk, "unit": amr.pk, "text": "一、目标"}, format="json"
        ).status_code
        == 201
    )
    assert (
        liaison.post("/api/v1/unit-plans/", {"task": task.pk, "unit": court.pk, "text": "x"}, format="json").status_code
        == 403
    )
    assert api_for("court-liaison").get("/api/v1/unit-plans/").json()["count"] == 0


def test_status_endpoint(api_for, programme):
    rows = api_for("leader").get(f"/api/v1/programmes/{programme.pk}/status/").json()
    assert {row["status"] for row in rows} <= {"done", "on-track", "not-started", "at-risk", "overdue"}
    assert len(rows) == 5


def _pdf():
    return SimpleUploadedFile("证明.pdf", PDF, content_type="application/pdf")
