import pytest
from django.core.management import call_command

from zhichan.core.models import Notification
from zhichan.programme.models import ProgressReport
from zhichan.programme.services import reporting
from zhichan.programme.services.reminders import send_reminders

from .conftest import day

pytestmark = pytest.mark.django_db


def titles(user):
    return list(Notification.objects.filter(user=user).values_list("title", flat=True))


def test_report_due_reminder_goes_to_the_units_liaison_once(programme, users):
    # 2022Q1 reports are due 10 working days after 2022-03-31; five working days before that, remind.
    sent = send_reminders(programme, day("2022-04-08"))
    assert sent > 0
    amr_titles = titles(users["amr-liaison"])
    assert any("2022年第1季度" in t and "充实完善管理体系" in t for t in amr_titles)
    assert send_reminders(programme, day("2022-04-08")) == 0  # same day again: nothing new
    assert titles(users["shuitou-liaison"]) == []  # no part in these tasks


def test_past_due_reports_are_flagged_and_made_reports_are_not(programme, task, q1, users):
    court = task.assignments.get(role="co").unit
    report = reporting.open_report(task, court, q1, users["court-liaison"])
    reporting.save_report(report, users["court-liaison"], narrative="x", percent=5, figures=[])
    reporting.submit(report, users["court-liaison"])
    send_reminders(programme, day("2022-05-10"))
    court_titles = [t for t in titles(users["court-liaison"]) if "充实完善管理体系" in t and "2022年第1季度" in t]
    amr_titles = [t for t in titles(users["amr-liaison"]) if "充实完善管理体系" in t and "2022年第1季度" in t]
    assert court_titles == [] and len(amr_titles) == 1


def test_deadline_reminder(programme, task, users):
    task.deadline = day("2022-06-30")
    task.save()
    send_reminders(programme, day("2022-06-27"))
    assert any("2022-06-30" in t for t in titles(users["court-liaison"]))


def test_review_steps_tell_the_other_side(task, q1, users):
    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    reporting.save_report(report, users["amr-liaison"], narrative="x", percent=5, figures=[])
    reporting.submit(report, users["amr-liaison"])
    assert any("市市场监管局" in t for t in titles(users["office"]))
    reporting.send_back(report, users["office"], "请补充。")
    returned = Notification.objects.get(user=users["amr-liaison"], key__startswith="report-returned")
    assert returned.body == "请补充。" and returned.url == report.get_absolute_url()
    reporting.submit(report, users["amr-liaison"])
    assert Notification.objects.filter(user=users["office"], key__startswith="report-submitted").count() == 2
    reporting.accept(report, users["office"])
    assert Notification.objects.filter(user=users["amr-liaison"], key__startswith="report-accepted").exists()
    assert ProgressReport.objects.get().state == "accepted"


def test_command(programme, capsys):
    call_command("send_reminders", "--date", "2022-04-08")
    assert "测试工作方案" in capsys.readouterr().out


def test_notifications_name_the_period_as_people_say_it_in_the_readers_language(programme, task, q1, users):
    from django.utils import translation

    send_reminders(programme, day("2022-04-20"))
    due = Notification.objects.filter(user=users["amr-liaison"], key__startswith="report-").first()
    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    reporting.save_report(report, users["amr-liaison"], narrative="x", percent=5, figures=[])
    reporting.submit(report, users["amr-liaison"])
    submitted = Notification.objects.get(user=users["office"], key__startswith="report-submitted")
    assert submitted.body == "报告期为2022年第1季度，待审核。"
    with translation.override("en"):
        assert submitted.shown_body == "Reporting period 2022 Q1; waiting for review."
        assert "2022 Q1" in due.shown_title and "2022 Q1" in due.shown_body
    with translation.override("zh-hans"):
        assert "2022年第1季度" in due.shown_title and "2022年第1季度" in due.shown_body
