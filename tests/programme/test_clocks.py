"""The programme's deadlines read as clocks: the report page and each urging say when it is due and why."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from zhichan.core.clocks import State
from zhichan.core.models import Unit
from zhichan.programme.models import ProgressReport
from zhichan.programme.services import reporting, supervision
from zhichan.programme.services.deadlines import answer_clock, report_clock, report_due

pytestmark = pytest.mark.django_db


def test_the_report_page_says_when_the_report_is_due_and_why(client_for, task, q1, users):
    amr = Unit.objects.get(key="amr")
    report = reporting.open_report(task, amr, q1, users["amr-liaison"])
    due = report_due(task.programme, q1)
    html = client_for("amr-liaison").get(report.get_absolute_url()).content.decode()
    assert f"{due:%Y-%m-%d}到期，已逾期" in html
    assert "进展报告：自报告期结束（2022-03-31）起10个工作日，当日不计入" in html
    assert 'data-testid="clock" data-state="overdue"' in html

    report.narrative = "已完成。"
    report.save()
    reporting.submit(report, users["amr-liaison"])
    html = client_for("amr-liaison").get(report.get_absolute_url()).content.decode()
    assert f"于{timezone.localdate():%Y-%m-%d}逾期完成" in html and 'data-state="missed"' in html


def test_a_return_and_resubmission_keep_the_first_submissions_timing(client_for, task, q1, users):
    """The deadline is met by the first submission; sending a returned report again does not make it late."""
    liaison, office = users["amr-liaison"], users["office"]
    report = reporting.open_report(task, Unit.objects.get(key="amr"), q1, liaison)
    reporting.save_report(report, liaison, narrative="已完成。", percent=50, figures=[])
    reporting.submit(report, liaison)
    on_time = timezone.make_aware(datetime.datetime.combine(q1.end, datetime.time(10)))
    ProgressReport.objects.filter(pk=report.pk).update(submitted_at=on_time)
    report.history.filter(state="submitted").update(submitted_at=on_time)  # as if submitted when the period ended
    report.refresh_from_db()
    reporting.send_back(report, office, "请补充。")
    html = client_for("amr-liaison").get(report.get_absolute_url()).content.decode()
    assert f"已于{q1.end:%Y-%m-%d}完成" in html and 'data-state="met"' in html

    reporting.submit(report, liaison)
    html = client_for("amr-liaison").get(report.get_absolute_url()).content.decode()
    clock = html.split('data-testid="clock"')[1].split("</p>")[0]
    assert f"已于{q1.end:%Y-%m-%d}完成" in clock and 'data-state="met"' in clock and "逾期" not in clock
    assert f"退回后于{timezone.localdate():%Y-%m-%d}" in html  # the resubmission, shown on its own


def test_a_report_submitted_in_time_is_met(task, q1):
    reading = report_clock(task.programme, q1, timezone.localdate(), submitted=q1.end)
    assert reading.state == State.MET and reading.due == report_due(task.programme, q1)


def test_each_urging_shows_its_answers_clock(client_for, programme, task, users):
    urging = supervision.urge(users["office"], Unit.objects.get(key="amr"), "请报送", programme=programme, task=task)
    reading = answer_clock(urging, timezone.localdate())
    assert (reading.state, reading.days_left) == (State.ON_TIME, programme.reminder_days)
    html = client_for("amr-liaison").get(task.get_absolute_url()).content.decode()
    assert f"{reading.due:%Y-%m-%d}到期，剩余{reading.days_left}个工作日" in html
    assert "督办答复：自督办" in html
    supervision.answer(urging, users["amr-liaison"], "已报送")
    html = client_for("office").get(reverse("programme-supervision", args=[programme.pk])).content.decode()
    assert f"已于{timezone.localdate():%Y-%m-%d}完成" in html


def test_unsubmitted_reports_are_not_stopped(task, q1, users):
    report = reporting.open_report(task, Unit.objects.get(key="amr"), q1, users["amr-liaison"])
    assert report.state == ProgressReport.State.DRAFT
    assert report_clock(task.programme, q1, timezone.localdate()).state == State.OVERDUE
