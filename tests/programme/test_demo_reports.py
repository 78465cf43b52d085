"""The demo's synthetic reports leave every unit a report to start: its first task's latest period."""

import pytest

from zhichan.core.models import User
from zhichan.programme.models import Assignment, ProgressReport
from zhichan.programme.periods import periods
from zhichan.programme.services import reporting
from zhichan.programme.services.demo import create_demo_reports

pytestmark = pytest.mark.django_db


def test_each_unit_has_a_current_period_report_to_start(programme):
    assert create_demo_reports(programme, seed=2022) > 0
    latest = periods(programme)[-1]
    units = set(Assignment.objects.filter(task__programme=programme).values_list("unit_id", flat=True))
    reported = set(
        ProgressReport.objects.filter(task__programme=programme, period_start=latest.start).values_list(
            "task_id", "unit_id"
        )
    )
    for unit in units:
        parts = Assignment.objects.filter(task__programme=programme, unit_id=unit)
        assert any((part.task_id, unit) not in reported for part in parts), unit

    liaison = User.objects.get(username="amr-liaison")
    part = Assignment.objects.filter(task__programme=programme, unit=liaison.unit).order_by("task__order").first()
    report = reporting.open_report(part.task, liaison.unit, latest, liaison)
    assert report.state == ProgressReport.State.DRAFT and not report.synthetic  # a new report, the liaison's own
