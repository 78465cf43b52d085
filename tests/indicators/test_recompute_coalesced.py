"""Recomputes asked for while one is still queued join it: approving many figures in a row queues one recompute
per programme, whose codes widen, not one per approval. The tests run tasks inline (ZHICHAN_TASKS_BACKEND=
immediate), so a worker that has not yet taken the task is played by a queued progress record, or by a task whose
enqueue only queues."""

import uuid

import pytest

from zhichan.core.models import Role, TaskProgress, User
from zhichan.indicators import tasks
from zhichan.indicators.models import Reading
from zhichan.indicators.services import readings as reading_services
from zhichan.indicators.services.readings import coalesced, recompute
from zhichan.indicators.tasks import compute_task

pytestmark = pytest.mark.django_db

KEY = "nanan-2022"


@pytest.fixture
def office(db):
    return User.objects.create(username="office-coalesced", role=Role.OFFICE)


def _queued(user, codes, key=KEY, state=TaskProgress.State.QUEUED):
    return TaskProgress.objects.create(
        label="Compute the indicators",
        user=user,
        state=state,
        task_path=compute_task.module_path,
        arguments={"args": [], "kwargs": {"codes": codes, "programme": key}},
    )


def _codes(progress):
    return progress.arguments["kwargs"]["codes"]


def test_a_queued_recompute_takes_the_new_codes(loaded, office):
    waiting = _queued(office, ["b"])
    found = coalesced(KEY, {"c", "a", "b"}, office)
    assert found.pk == waiting.pk
    waiting.refresh_from_db()
    assert _codes(waiting) == ["a", "b", "c"]
    assert waiting.state == TaskProgress.State.QUEUED


def test_one_that_covers_the_codes_or_all_of_them_is_left_as_is(loaded, office):
    covering = _queued(office, ["a", "b"])
    assert coalesced(KEY, {"a"}, office).pk == covering.pk
    covering.refresh_from_db()
    assert _codes(covering) == ["a", "b"]
    TaskProgress.objects.all().delete()
    everything = _queued(office, None)
    assert coalesced(KEY, {"a"}, office).pk == everything.pk


def test_a_running_one_another_programmes_or_another_users_is_not_joined(loaded, office):
    other = User.objects.create(username="other-office", role=Role.OFFICE)
    _queued(office, ["a"], state=TaskProgress.State.RUNNING)
    _queued(office, ["a"], key="test-city-2023")
    _queued(other, ["a"])
    assert coalesced(KEY, {"b"}, office) is None


def test_recompute_joins_the_queued_one_instead_of_starting_another(loaded, office):
    first, second = Reading.objects.filter(programme=KEY).select_related("indicator")[:2]
    waiting = _queued(office, [first.indicator.code])
    before = TaskProgress.objects.count()
    (progress,) = recompute([second], office)
    assert progress.pk == waiting.pk and TaskProgress.objects.count() == before
    assert _codes(TaskProgress.objects.get(pk=waiting.pk)) == sorted([first.indicator.code, second.indicator.code])


class _Queuing:
    """The compute task as a worker-backed backend takes it: enqueued, not run."""

    module_path = compute_task.module_path

    def enqueue(self, *args, **kwargs):
        return type("Result", (), {"id": uuid.uuid4()})()


def test_twenty_approvals_in_a_row_queue_one_recompute(loaded, office, monkeypatch):
    monkeypatch.setattr(reading_services, "compute_task", _Queuing())
    found = list(Reading.objects.filter(programme=KEY).select_related("indicator")[:4])
    codes = [reading.indicator.code for reading in found]
    started = [recompute([found[n % len(found)]], office)[0].pk for n in range(20)]
    assert len(set(started)) == 1 and TaskProgress.objects.count() == 1
    assert _codes(TaskProgress.objects.get()) == sorted(codes)


def test_the_task_computes_the_codes_its_progress_holds_when_it_starts(loaded, office, monkeypatch):
    asked = []
    monkeypatch.setattr(tasks, "compute", lambda codes=None, progress=None, programme=None: asked.append(codes) or 0)
    waiting = _queued(office, ["a", "b"])
    compute_task.call(waiting.pk, codes=["a"], programme=KEY)  # enqueued with "a"; "b" was added while queued
    assert asked == [["a", "b"]]
    waiting.refresh_from_db()
    assert waiting.state == TaskProgress.State.DONE
