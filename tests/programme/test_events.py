"""Each step of a report, each decision on a task and each urging leaves a typed event, shown on its page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.programme.services import planning, reporting, supervision

from ..files import PDF

pytestmark = pytest.mark.django_db


def test_the_report_cycle_leaves_its_events_with_the_reason(task, q1, users, client_for):
    liaison, office = users["amr-liaison"], users["office"]
    amr = task.assignments.get(role="lead").unit
    report = reporting.open_report(task, amr, q1, liaison)
    reporting.save_report(report, liaison, narrative="已明确专职人员。", percent=40, figures=[])
    reporting.attach(report, liaison, SimpleUploadedFile("证明.pdf", PDF, content_type="application/pdf"))
    reporting.submit(report, liaison)
    reporting.send_back(report, office, "请补充人员名单。")
    reporting.submit(report, liaison)
    reporting.accept(report, office)
    kinds = [event.kind for event in reversed(events_of(report))]
    assert kinds == [
        "report.opened",
        "report.evidence_attached",
        "report.submitted",
        "report.returned",
        "report.submitted",
        "report.accepted",
    ]
    returned = events_of(report).get(kind="report.returned")
    assert (returned.user, returned.reason, returned.unit) == (office, "请补充人员名单。", amr)
    html = client_for("amr-liaison").get(report.get_absolute_url()).content.decode()
    assert 'data-event="report.returned"' in html and "请补充人员名单。" in html and "退回" in html


def test_a_refused_step_leaves_no_event(task, q1, users):
    amr = task.assignments.get(role="lead").unit
    report = reporting.open_report(task, amr, q1, users["amr-liaison"])
    with pytest.raises(Exception):  # noqa: B017  (nothing written yet)
        reporting.submit(report, users["amr-liaison"])
    assert [event.kind for event in events_of(report)] == ["report.opened"]


def test_the_offices_decisions_on_a_task_are_events_on_the_task_with_the_unit(task, users, client_for):
    office = users["office"]
    court = task.assignments.get(role="co").unit
    assignment = planning.assign(task, court, "lead", office)
    planning.add_milestone(task, office, title="制定方案", due=task.programme.end)
    assigned = events_of(task).get(kind="task.assigned")
    assert assigned.unit == court and assigned.data["unit_name"] == str(court)
    planning.confirm(assignment, office)
    html = client_for("court-liaison").get(task.get_absolute_url()).content.decode()
    assert 'data-event="task.assigned"' in html and 'data-event="task.milestone_added"' in html


def test_urging_and_answer_are_events_with_their_words(task, users):
    amr = task.assignments.get(role="lead").unit
    urging = supervision.urge(users["office"], amr, "请尽快报送。", programme=task.programme, task=task)
    supervision.answer(urging, users["amr-liaison"], "本周报送。")
    assert [(e.kind, e.reason) for e in reversed(events_of(urging))] == [
        ("urging.urged", "请尽快报送。"),
        ("urging.answered", "本周报送。"),
    ]


def test_the_api_refuses_with_the_domain_messages(api_for, task, q1, users):
    amr = task.assignments.get(role="lead").unit
    report = reporting.open_report(task, amr, q1, users["amr-liaison"])
    reporting.save_report(report, users["amr-liaison"], narrative="进展", percent=10, figures=[])
    reporting.submit(report, users["amr-liaison"])
    office = api_for("office")
    refused = office.post(f"/api/v1/reports/{report.pk}/return/", {"note": " "}, format="json")
    assert refused.status_code == 400 and "note" in refused.json()
    assert api_for("amr-liaison").post(f"/api/v1/reports/{report.pk}/return/", {"note": "x"}).status_code == 403
    assert office.post(f"/api/v1/reports/{report.pk}/return/", {"note": "补"}, format="json").status_code == 200
    assert events_of(report).filter(kind="report.returned", user=users["office"]).exists()
    assert reverse("audit")  # the office reads every event there


def test_milestones_written_through_the_api_are_the_offices_decisions(api_for, task):
    reply = api_for("office").post(
        "/api/v1/milestones/", {"task": task.pk, "title": "制定方案", "due": "2023-06-30"}, format="json"
    )
    assert reply.status_code == 201, reply.json()
    changed = api_for("office").patch(f"/api/v1/milestones/{reply.json()['id']}/", {"done_on": "2023-06-01"})
    assert changed.status_code == 200 and changed.json()["done_on"] == "2023-06-01"
    assert [e.kind for e in events_of(task)] == ["task.milestone_changed", "task.milestone_added"]
    refused = api_for("amr-liaison").post("/api/v1/milestones/", {"task": task.pk, "title": "x", "due": "2023-06-30"})
    assert refused.status_code == 403


def test_the_audit_page_words_a_reports_changes_and_events_for_a_reader(task, q1, users, client_for):
    liaison, office = users["amr-liaison"], users["office"]
    amr = task.assignments.get(role="lead").unit
    report = reporting.open_report(task, amr, q1, liaison)
    reporting.save_report(
        report,
        liaison,
        narrative="已明确专职人员。",
        percent=40,
        figures=[{"name": "培训场次", "value": 3, "unit": "场"}],
    )
    reporting.attach(report, liaison, SimpleUploadedFile("证明.pdf", PDF * 200, content_type="application/pdf"))
    reporting.submit(report, liaison)
    reporting.accept(report, office)
    client = client_for("office")
    changes = client.get(reverse("audit"), {"model": "programme.progressreport"}).content.decode()
    assert '已提交</span> → <span class="diff-new">已通过' in changes  # the states by their labels
    assert f'<span class="diff-new">{office.display_name}</span>' in changes  # the reviewer by name, not by id
    assert "培训场次 3场" in changes and '"name"' not in changes  # figures as figures, not JSON
    assert q1.shown in changes and f"{q1.start:%Y-%m}<" not in changes  # the report by its period

    events = client.get(reverse("audit"), {"tab": "events"}).content.decode()
    assert "40%" in events  # the percent submitted
    size = len(PDF * 200)
    assert f"· {size}<" not in events and ("KB" in events or "字节" in events)
    assert q1.shown in events
