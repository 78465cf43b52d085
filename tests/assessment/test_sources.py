"""The automatic items measured on small fixtures and checked by hand: reports on time, tasks done on time,
urgings answered, reports returned, time limits met and imported rows accepted — for 2022, as of 2022-12-31, on
the small test programme (quarterly reports, due 10 working days after each quarter)."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from zhichan.assessment.sources import SOURCES
from zhichan.core.events import record
from zhichan.core.models import Clock, DeadlineRule, ImportBatch, Unit, User
from zhichan.core.models.imports import ImportState
from zhichan.programme.events import REPORT_RETURNED
from zhichan.programme.models import ProgressReport, Task, Urging
from zhichan.programme.periods import periods
from zhichan.programme.services.deadlines import report_due
from zhichan.programme.services.loading import load_programme

pytestmark = pytest.mark.django_db

MINI = Path(__file__).parent.parent / "programme" / "mini.yaml"
START, END = datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)


def moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


@pytest.fixture
def programme():
    return load_programme(MINI)["programme"]


def units(*keys):
    return [Unit.objects.get(key=key) for key in keys]


def measure(source, *keys, params=None):
    return SOURCES[source].measure(units(*keys), START, END, params or {})


def _report(task, unit, period, sent):
    return ProgressReport.objects.create(
        task=task,
        unit=unit,
        period_start=period.start,
        period_end=period.end,
        state=ProgressReport.State.SUBMITTED,
        submitted_at=moment(sent),
    )


def test_reports_on_time(programme):
    task, amr = Task.objects.get(programme=programme, key="4.1.2"), Unit.objects.get(key="amr")
    q1, q2, q3, q4 = periods(programme)[:4]
    _report(task, amr, q1, report_due(programme, q1))  # on the due day: on time
    _report(task, amr, q2, report_due(programme, q2) + datetime.timedelta(days=1))  # a day late
    # q3 never sent; q4 is due in January 2023, after the as-of date
    found = measure("reports_on_time", "amr", "court")
    assert (found[amr.pk].done, found[amr.pk].due) == (1, 3)
    assert found[amr.pk].value == Decimal(1) / 3
    assert [evidence.ok for evidence in found[amr.pk].records] == [True, False, False]
    court = Unit.objects.get(key="court")  # co-operating on the same task: three reports due, none sent
    assert (found[court.pk].done, found[court.pk].due) == (0, 3)
    assert q4.start.year == 2022


def test_tasks_led_and_done_by_their_deadline(programme):
    Task.objects.filter(programme=programme, key="4.1.2").update(
        deadline=datetime.date(2022, 6, 30), completed_on=datetime.date(2022, 6, 20)
    )
    Task.objects.filter(programme=programme, key="4.2").update(deadline=datetime.date(2022, 9, 30))
    found = measure("tasks_on_time", "amr", "industry", "court")
    amr, industry, court = units("amr", "industry", "court")
    assert (found[amr.pk].done, found[amr.pk].due) == (1, 1)
    assert (found[industry.pk].done, found[industry.pk].due) == (0, 1)
    assert court.pk not in found  # co-operating only: it leads nothing, so nothing is due from it


def test_urgings_answered_within_the_programmes_working_days(programme):
    amr = Unit.objects.get(key="amr")
    on_time = Urging.objects.create(programme=programme, unit=amr, note="请报送")
    late = Urging.objects.create(programme=programme, unit=amr, note="请答复")
    Urging.objects.filter(pk=on_time.pk).update(
        urged_at=moment(datetime.date(2022, 5, 9)), answered_at=moment(datetime.date(2022, 5, 11))
    )
    Urging.objects.filter(pk=late.pk).update(
        urged_at=moment(datetime.date(2022, 8, 1)), answered_at=moment(datetime.date(2022, 8, 22))
    )
    found = measure("urgings_answered", "amr")
    assert (found[amr.pk].done, found[amr.pk].due) == (1, 2)


def test_reports_returned_are_counted_in_the_period(programme):
    task, amr = Task.objects.get(programme=programme, key="4.1.2"), Unit.objects.get(key="amr")
    q1 = periods(programme)[0]
    report = _report(task, amr, q1, q1.end)
    for day in (datetime.date(2022, 4, 20), datetime.date(2022, 7, 1), datetime.date(2023, 1, 5)):
        event = record(None, REPORT_RETURNED, report, reason="数据不全")
        event.at = moment(day)
        event.save(update_fields=["at"])
    found = measure("reports_returned", "amr")
    assert found[amr.pk].done == 2  # the third was returned after the as-of date
    assert found[amr.pk].value == 2


def test_time_limits_met(programme):
    rule = DeadlineRule.objects.create(key="test-ten-days", name="十日", length=10, unit="days", start_event="受理")
    amr = Unit.objects.get(key="amr")
    met, missed, running = (Urging.objects.create(programme=programme, unit=amr, note=n) for n in "甲乙丙")
    Clock.objects.create(
        rule=rule, record=met, started_on=datetime.date(2022, 3, 1), stopped_on=datetime.date(2022, 3, 8)
    )
    Clock.objects.create(rule=rule, record=missed, started_on=datetime.date(2022, 6, 1))  # due in June, never stopped
    Clock.objects.create(rule=rule, record=running, started_on=datetime.date(2022, 12, 28))  # due in 2023
    found = measure("clocks_on_time", "amr", params={"model": "programme.Urging"})
    assert (found[amr.pk].done, found[amr.pk].due) == (1, 2)


def test_imported_rows_accepted(programme):
    liaison = User.objects.get(username="amr-liaison")
    for rows, rejected, day in ((10, 2, datetime.date(2022, 3, 1)), (5, 0, datetime.date(2022, 9, 1))):
        ImportBatch.objects.create(
            kind="patents",
            user=liaison,
            rows=rows,
            rejected_count=rejected,
            state=ImportState.DONE,
            finished=moment(day),
        )
    ImportBatch.objects.create(
        kind="patents",
        user=liaison,
        rows=9,
        rejected_count=9,
        dry_run=True,
        state=ImportState.DONE,
        finished=moment(START),
    )
    amr = Unit.objects.get(key="amr")
    found = measure("data_quality", "amr")
    assert (found[amr.pk].done, found[amr.pk].due) == (13, 15)  # a preview is not an import


def test_a_townships_share_of_a_target_is_checked_when_loaded():
    source = SOURCES["township_indicator"]
    assert source.check({"indicator": "x", "shares": {"region-350583119": 3}}) == ""
    assert "above 0" in source.check({"indicator": "x", "shares": {"region-350583119": 0}})
    shuitou = Unit.objects.get(key="region-350583119")
    found = source.measure([shuitou], START, END, {"indicator": "nothing-here", "shares": {shuitou.key: 3}})
    assert found[shuitou.pk].value == 0  # no figure by the as-of date: nothing of the share reached
