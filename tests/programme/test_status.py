import pytest

from zhichan.programme.models import Milestone, ProgressReport, Task
from zhichan.programme.services.status import Status, programme_states

from .conftest import day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def report(task, unit_key, period_start, state, percent):
    unit = task.assignments.get(unit__key=unit_key).unit
    start = day(period_start)
    return ProgressReport.objects.create(
        task=task,
        unit=unit,
        period_start=start,
        period_end=start.replace(month=start.month + 2, day=28),
        narrative="x",
        percent=percent,
        state=state,
    )


def status_of(programme, key, today):
    task = Task.objects.get(programme=programme, key=key)
    return programme_states(programme, day(today))[task.pk]


def test_nothing_yet_is_not_started(programme):
    assert status_of(programme, "4.1.2", "2022-02-01").status == Status.NOT_STARTED


def test_a_missing_report_past_its_due_date_puts_the_task_at_risk(programme, task):
    state = status_of(programme, "4.1.2", "2022-05-10")
    assert state.status == Status.AT_RISK
    assert {(unit.key, period.label) for unit, period in state.missing} == {("amr", "2022Q1"), ("court", "2022Q1")}


def test_reports_made_keep_it_on_track(programme, task):
    report(task, "amr", "2022-01-01", ProgressReport.State.SUBMITTED, 15)
    report(task, "court", "2022-01-01", ProgressReport.State.ACCEPTED, 10)
    state = status_of(programme, "4.1.2", "2022-05-10")
    assert state.status == Status.ON_TRACK and state.percent == 15 and not state.missing


def test_progress_trailing_time_is_a_risk(programme, task):
    for quarter in ["2022-01-01", "2022-04-01", "2022-07-01", "2022-10-01", "2023-01-01", "2023-04-01"]:
        report(task, "amr", quarter, ProgressReport.State.ACCEPTED, 10)
        report(task, "court", quarter, ProgressReport.State.ACCEPTED, 10)
    state = status_of(programme, "4.1.2", "2023-07-20")
    assert state.status == Status.AT_RISK and any("trails" in str(r) for r in state.reasons)


def test_a_late_milestone_makes_it_overdue(programme, task):
    Milestone.objects.create(task=task, title="印发实施方案", due=day("2022-03-01"))
    state = status_of(programme, "4.1.2", "2022-03-02")
    assert state.status == Status.OVERDUE and "印发实施方案" in " ".join(map(str, state.reasons))


def test_past_the_deadline_is_overdue_until_done(programme, task):
    assert status_of(programme, "4.1.2", "2025-01-10").status == Status.OVERDUE
    report(task, "amr", "2024-10-01", ProgressReport.State.ACCEPTED, 100)
    assert status_of(programme, "4.1.2", "2025-01-10").status == Status.DONE


def test_a_co_units_100_percent_does_not_finish_the_task(programme, task):
    report(task, "court", "2024-10-01", ProgressReport.State.ACCEPTED, 100)
    assert status_of(programme, "4.1.2", "2025-01-10").status == Status.OVERDUE


def test_near_the_deadline_is_a_risk(programme, task):
    task.deadline = day("2022-06-30")
    task.save()
    report(task, "amr", "2022-01-01", ProgressReport.State.ACCEPTED, 60)
    report(task, "court", "2022-01-01", ProgressReport.State.ACCEPTED, 60)
    assert status_of(programme, "4.1.2", "2022-06-27").status == Status.AT_RISK


def test_a_group_takes_the_worst_of_its_parts(programme, task):
    Milestone.objects.create(task=task, title="m", due=day("2022-03-01"))
    assert status_of(programme, "4.1", "2022-03-02").status == Status.OVERDUE


def test_the_cached_states_follow_every_change(programme, task):
    """states_on is cached per version of what states are computed from: a task completed, a renamed unit,
    another language or day each give the next read the new state."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from zhichan.programme.services.status import states_on

    shown = day("2022-05-10")
    assert states_on(programme, shown)[task.pk].status == Status.AT_RISK
    with CaptureQueriesContext(connection) as again:
        assert states_on(programme, shown)[task.pk].status == Status.AT_RISK
    assert len(again) == 1, again  # the version alone
    missing = {unit.name for unit, _period in states_on(programme, shown)[task.pk].missing}
    amr = task.assignments.get(unit__key="amr").unit
    amr.name = "南安市市场监督管理局（新）"
    amr.save()
    renamed = {unit.name for unit, _period in states_on(programme, shown)[task.pk].missing}
    assert amr.name in renamed and amr.name not in missing
    with translation.override("zh-hans"):
        chinese = states_on(programme, shown)[task.pk].reasons
    assert chinese and chinese != states_on(programme, shown)[task.pk].reasons
    assert states_on(programme, day("2022-02-01"))[task.pk].status == Status.NOT_STARTED
    task.completed_on = day("2022-05-01")
    task.save()
    assert states_on(programme, shown)[task.pk].status == Status.DONE
