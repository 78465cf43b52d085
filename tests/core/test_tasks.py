import datetime

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from zhichan.core.models import TaskProgress, WorkerHeartbeat
from zhichan.core.services.progress import tracking

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_worker(client):
    body = client.get("/healthz").json()
    assert body["database"]["ok"] is True
    assert body["worker"]["ok"] is False and body["status"] == "degraded"
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="h", pid=1, started=timezone.now(), seen=timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["worker"] == {**response.json()["worker"], "ok": True, "workers": 1}
    WorkerHeartbeat.objects.update(seen=timezone.now() - datetime.timedelta(minutes=5))
    assert client.get("/healthz").json()["worker"]["ok"] is False


def test_office_reloads_regions_in_the_background_and_watches_progress(client_for, users):
    client = client_for("office")
    assert client.post(reverse("region-reload"), {"file": "../../etc/passwd"})["Location"] == reverse("region-list")
    assert not TaskProgress.objects.exists()
    response = client.post(reverse("region-reload"), {"file": "350583-nanan.yaml"})
    progress = TaskProgress.objects.get()
    assert response["Location"] == reverse("task-detail", args=[progress.pk])
    assert progress.user == users["office"] and progress.state == TaskProgress.State.DONE
    assert progress.done == progress.total > 30 and progress.percent == 100
    fragment = client.get(reverse("task-detail", args=[progress.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert 'data-state="done"' in fragment and "<html" not in fragment
    api = client.get(f"/api/v1/tasks/{progress.pk}/").json()
    assert api["state"] == "done" and api["percent"] == 100


def test_a_running_task_page_polls_until_done(client_for, users):
    progress = TaskProgress.objects.create(label="x", user=users["leader"], state="running", done=3, total=10)
    html = client_for("leader").get(reverse("task-detail", args=[progress.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="30"' in html


def test_a_failed_task_says_why(users):
    from zhichan.core.services.progress import start
    from zhichan.core.tasks import reload_regions

    progress = start(reload_regions, "bad", users["office"], "/nonexistent.yaml")
    assert progress.state == "failed" and "file not found" in progress.message


def test_cli_loads_with_a_progress_bar(capsys):
    from ..conftest import REGIONS_FILE

    call_command("load_regions", str(REGIONS_FILE))
    captured = capsys.readouterr()
    assert "南安市: 29 regions" in captured.out  # the county and its 28 township-level regions
    assert "33/33" in captured.err  # 3 levels + 27 townships + 1 park + 2 population figures


def test_bootstrap_prints_demo_accounts(capsys, settings):
    call_command("bootstrap")
    out = capsys.readouterr().out
    expected = {"office", "leader", "unit-liaison", "township-liaison", "enterprise"}
    lines = [line.split() for line in out.splitlines() if len(line.split()) == 3 and line.split()[2] in expected]
    assert {line[2] for line in lines} == expected and len(lines) == 9
    assert any(line[0] == "court-liaison" for line in lines)


def test_office_reloads_units_and_roster_in_the_background(client_for):
    response = client_for("office").post(reverse("organisation-reload"), {"file": "nanan-2022.yaml"})
    progress = TaskProgress.objects.get()
    assert response["Location"] == reverse("task-detail", args=[progress.pk])
    assert progress.state == TaskProgress.State.DONE and "52" in progress.message


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer: progress is seen at commit")
def test_progress_reported_inside_a_task_transaction_is_seen_before_it_commits(users):
    progress = TaskProgress.objects.create(label="import", user=users["office"])
    seen = []
    with tracking(progress.pk) as report, transaction.atomic():
        report(5, 10, "halfway")
        with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
            query = "SELECT done, total, message, state FROM core_taskprogress WHERE id = %s"
            seen.append(other.execute(query, [progress.pk]).fetchone())
        report(10, 10, "written")
    assert seen == [(5, 10, "halfway", "running")]
    progress.refresh_from_db()
    assert (progress.done, progress.message) == (10, "written")
