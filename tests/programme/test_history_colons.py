"""The report history's "Reason:" reads with the colon of the reader's language: ":" in English, "：" in Chinese."""

import pytest

from zhichan.programme.models import ProgressReport
from zhichan.programme.services import reporting

pytestmark = pytest.mark.django_db


def test_the_returned_steps_reason_has_the_readers_colon(client_for, task, q1, users):
    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    reporting.save_report(report, users["amr-liaison"], narrative="x", percent=5, figures=[])
    reporting.submit(report, users["amr-liaison"])
    reporting.send_back(ProgressReport.objects.get(), users["office"], "请补充。")
    client = client_for("office")
    chinese = client.get(report.get_absolute_url()).content.decode()
    assert "退回理由：请补充。" in chinese
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get(report.get_absolute_url()).content.decode()
    assert "Reason: 请补充。" in english and "Reason：" not in english


def test_the_note_is_still_escaped(client_for, task, q1, users):
    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    reporting.save_report(report, users["amr-liaison"], narrative="x", percent=5, figures=[])
    reporting.submit(report, users["amr-liaison"])
    reporting.send_back(ProgressReport.objects.get(), users["office"], "<b>第一行</b>\n第二行")
    page = client_for("office").get(report.get_absolute_url()).content.decode()
    assert "退回理由：&lt;b&gt;第一行&lt;/b&gt;<br>第二行" in page
