"""Work whose worker vanished ends as failed, says what was written, and can be started or asked for again; an
import's outcome and its task's end commit together."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from zhichan.core.imports import bulk
from zhichan.core.models import Event, ImportBatch, TaskProgress, WorkerHeartbeat
from zhichan.core.services.interruptions import fail_interrupted
from zhichan.core.services.progress import start
from zhichan.core.tasks import import_file
from zhichan.registry.models import Patent

from ..registry.imports_support import number, write_csv

pytestmark = pytest.mark.django_db

ROWS = [["申请号", "申请日", "发明名称"], [number(2020, "1", 11), "2020-01-02", "一种装置"]]


def heartbeat(worker: str, *, age: int, progress: int | None = None):
    seen = timezone.now() - datetime.timedelta(seconds=age)
    return WorkerHeartbeat.objects.create(
        worker_id=worker,
        hostname="h",
        pid=1,
        started=seen - datetime.timedelta(hours=1),
        seen=seen,
        progress_id=progress,
    )


def running_task(user, worker="w-gone", **fields) -> TaskProgress:
    return TaskProgress.objects.create(
        label="import", user=user, state="running", done=200, total=1000, worker=worker, **fields
    )


def running_batch(user, progress, tmp_path, **fields) -> ImportBatch:
    path = write_csv(tmp_path / "p.csv", ROWS)
    fields = {"state": "running", **fields}
    batch = ImportBatch(kind="patent", user=user, file_name="p.csv", task=progress, **fields)
    with path.open("rb") as handle:
        batch.file.save("p.csv", handle, save=False)
    batch.save()
    return batch


def test_a_task_whose_worker_stopped_beating_fails_on_its_page(client_for, users, settings):
    settings.WORKER_STALE_SECONDS = 60
    progress = running_task(users["office"])
    heartbeat("w-gone", age=600, progress=progress.pk)
    client = client_for("office")
    page = client.get(reverse("task-detail", args=[progress.pk])).content.decode()
    progress.refresh_from_db()
    assert progress.state == "failed" and "中断" in progress.message
    assert 'data-state="failed"' in page and "中断" in page and 'hx-trigger="every 1s"' not in page
    assert client.get(f"/api/v1/tasks/{progress.pk}/").json()["state"] == "failed"


def test_a_task_whose_worker_beats_keeps_running(client_for, users):
    progress = running_task(users["office"], worker="w-alive")
    heartbeat("w-alive", age=1, progress=progress.pk)
    page = client_for("office").get(reverse("task-detail", args=[progress.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert fail_interrupted() == 0
    progress.refresh_from_db()
    assert progress.state == "running"


def test_a_worker_that_beats_but_runs_something_else_left_its_task(users):
    progress = running_task(users["office"], worker="w-restarted")  # the same id after a restart
    heartbeat("w-restarted", age=1, progress=None)
    assert fail_interrupted() == 1
    progress.refresh_from_db()
    assert progress.state == "failed"


def test_an_interrupted_import_says_nothing_was_written_and_starts_again(client_for, users, tmp_path):
    progress = running_task(users["office"])
    batch = running_batch(users["office"], progress, tmp_path)
    client = client_for("office")
    page = client.get(reverse("import-batch", args=[batch.pk])).content.decode()
    batch.refresh_from_db()
    assert batch.state == "failed" and "没有写入任何数据" in batch.shown_message
    assert 'data-state="failed"' in page and "progress-bar-animated" not in page
    assert 'data-testid="import-restart"' in page

    client.post(reverse("import-restart", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.state == "done" and batch.created_count == 1, batch.message  # the tests run tasks at once
    assert batch.task_id != progress.pk and batch.task.state == "done"
    event = Event.objects.get(kind="import.restarted")
    assert event.object_id == batch.pk and "中断" in event.data["before"]
    assert Patent.objects.count() == 1


def test_an_import_interrupted_after_chunks_says_how_many_rows_were_kept(client_for, users, tmp_path):
    with translation("en"):
        progress = running_task(users["office"])
        batch = running_batch(users["office"], progress, tmp_path, written=5000)
        assert fail_interrupted() == 1
        batch.refresh_from_db()
        assert "5000 rows had been written" in batch.shown_message
        progress.refresh_from_db()
        assert progress.state == "failed" and "5000" in progress.message


def test_a_done_batch_cannot_be_started_again(client_for, users, tmp_path):
    batch = running_batch(users["office"], None, tmp_path, state="done")
    client_for("office").post(reverse("import-restart", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.state == "done" and not Event.objects.filter(kind="import.restarted").exists()


def test_a_queue_result_whose_worker_vanished_fails_with_its_progress(users):
    progress = TaskProgress.objects.create(label="x", user=users["office"], state="queued")
    result = DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        task_path="zhichan.core.tasks.import_file",
        args_kwargs={"args": [progress.pk, 1], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        worker_ids=["w-gone"],
        started_at=timezone.now(),
    )
    TaskProgress.objects.filter(pk=progress.pk).update(task_id=str(result.pk))
    fail_interrupted()
    result.refresh_from_db()
    progress.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED and "Interrupted" in result.exception_class_path
    assert progress.state == "failed"


def test_a_failed_export_is_asked_for_again(client_for, users, settings, monkeypatch):
    from zhichan.core.services import exports
    from zhichan.registry.views.patents import patent_workbook

    settings.ZHICHAN_EXPORT_INLINE_ROWS = 0
    liaison = users["shuitou-liaison"]
    builder = f"{patent_workbook.__module__}.{patent_workbook.__qualname__}"
    stale_access = ["office", None, True, []]  # as if the access had changed: the task refuses
    progress = start(exports.build_export, "导出 专利清单", liaison, builder, "", {}, "zh-hans", stale_access)
    assert progress.state == "failed"
    office = client_for("office")  # only the user who asked may ask again
    assert office.post(reverse("task-again", args=[progress.pk]))["Location"].endswith(f"/{progress.pk}/")
    assert TaskProgress.objects.count() == 1
    client = client_for("shuitou-liaison")
    assert 'data-testid="task-again"' in client.get(reverse("task-detail", args=[progress.pk])).content.decode()
    response = client.post(reverse("task-again", args=[progress.pk]))
    again = TaskProgress.objects.exclude(pk=progress.pk).get()
    assert response["Location"] == reverse("task-detail", args=[again.pk])
    assert again.state == "done" and again.export.user == liaison
    assert Event.objects.filter(kind="task.export_asked_again", object_id=again.pk).exists()


def test_an_import_and_its_task_end_in_one_step(users, tmp_path, monkeypatch):
    """An error right after the import's commit leaves both done; an error just before it leaves both failed
    and nothing written."""
    path = write_csv(tmp_path / "p.csv", ROWS)
    batch = ImportBatch(kind="patent", user=users["office"], file_name="p.csv")
    with path.open("rb") as handle:
        batch.file.save("p.csv", handle)
    timed = bulk.timed

    def crash_after_commit(step):
        if step == "read, write and commit":
            return _after(timed(step))
        return timed(step)

    monkeypatch.setattr("zhichan.core.imports.running.timed", crash_after_commit)
    progress = start(import_file, "import", users["office"], batch.pk)
    batch.refresh_from_db()
    progress.refresh_from_db()
    assert batch.state == "done" and batch.created_count == 1
    assert progress.state == "done" and progress.message == batch.message

    monkeypatch.setattr("zhichan.core.imports.running.timed", timed)
    monkeypatch.setattr("zhichan.core.imports.running._conclude", _fails_before_commit)
    Patent.objects.all().delete()
    progress = start(import_file, "import", users["office"], batch.pk)
    batch.refresh_from_db()
    progress.refresh_from_db()
    assert batch.state == "failed" and progress.state == "failed" and "before the commit" in progress.message
    assert not Patent.objects.exists()


class _after:
    """The step's context, raising once it has exited (the transaction inside it committed)."""

    def __init__(self, inner):
        self.inner = inner

    def __enter__(self):
        return self.inner.__enter__()

    def __exit__(self, *exc):
        self.inner.__exit__(*exc)
        if exc[0] is None:
            raise RuntimeError("killed just after the commit")


def _fails_before_commit(*args):
    raise RuntimeError("killed just before the commit")


def translation(language):
    from django.utils.translation import override

    return override(language)
