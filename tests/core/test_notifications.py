"""Notifications: sent once per key, mailed only where mail is configured, seen only by their recipient."""

import os
import subprocess
import sys

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from zhichan.core.models import Notification
from zhichan.core.services.notify import email_enabled, mark_read, notify, unread_count

pytestmark = pytest.mark.django_db

# What "mail configured" looks like: a real backend (locmem stands in for SMTP) and the switch on.
MAIL_ON = override_settings(
    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    NOTIFY_BY_EMAIL=True,
    SITE_URL="https://zhichan.example.gov.cn",
)


def test_a_key_is_sent_once_per_user(users):
    office, leader = users["office"], users["leader"]
    first = notify([office], "报告即将到期", "还有 3 个工作日", "/tasks/", key="report-due:1")
    assert len(first) == 1
    again = notify([office, leader], "报告即将到期", "还有 3 个工作日", "/tasks/", key="report-due:1")
    assert [n.user for n in again] == [leader]
    assert notify(office, "报告即将到期", "", "", key="report-due:1") == []
    assert Notification.objects.filter(key="report-due:1").count() == 2
    assert notify([office], "另一件事", "", "", key="other")  # another key is another notification
    assert unread_count(office) == 2


def test_links_stay_inside_the_platform(users):
    with pytest.raises(ValueError):
        notify([users["office"]], "x", "", "https://elsewhere.example/", key="k")


@pytest.mark.parametrize(
    ("environment", "enabled"),
    [
        ({}, False),
        ({"ZHICHAN_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}, True),
        (
            {
                "ZHICHAN_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "ZHICHAN_NOTIFY_BY_EMAIL": "false",
            },
            False,
        ),
        ({"ZHICHAN_NOTIFY_BY_EMAIL": "true"}, True),
    ],
)
def test_mail_is_on_exactly_when_configured(environment, enabled, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("ZHICHAN_EMAIL_BACKEND", "ZHICHAN_NOTIFY_BY_EMAIL")}
    env.update(environment, ZHICHAN_VAR_DIR=str(tmp_path), ZHICHAN_SECRET_KEY="x")
    code = "from zhichan import settings; print(settings.NOTIFY_BY_EMAIL)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(enabled)


@override_settings(NOTIFY_BY_EMAIL=False)
def test_no_mail_unless_configured(users, django_capture_on_commit_callbacks):
    office = users["office"]
    office.email = "office@example.gov.cn"
    office.save()
    assert not email_enabled()
    with django_capture_on_commit_callbacks(execute=True):
        notify([office], "报告即将到期", "正文", "/tasks/", key="k1")
    assert mail.outbox == []


@MAIL_ON
def test_mail_goes_to_recipients_with_an_address_once_configured(users, django_capture_on_commit_callbacks):
    office, leader = users["office"], users["leader"]
    office.email = "office@example.gov.cn"
    office.save()
    leader.email = ""
    leader.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([office, leader], "报告即将到期", "正文", "/tasks/", key="k2")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["office@example.gov.cn"] and message.subject == "报告即将到期"
    assert "https://zhichan.example.gov.cn/tasks/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        notify([office, leader], "报告即将到期", "正文", "/tasks/", key="k2")
    assert len(mail.outbox) == 1  # the reminder is not sent twice, in the platform or by mail


def test_the_page_shows_only_ones_own_and_marks_them_read(users, client_for):
    notify([users["office"]], "给办公室的通知", "", "/tasks/", key="a")
    notify([users["office"]], "办公室第二条", "", "", key="b")
    notify([users["amr-liaison"]], "给市场监管局的通知", "", "", key="a")
    client = client_for("office")
    html = client.get(reverse("notifications")).content.decode()
    assert "给办公室的通知" in html and "办公室第二条" in html and "给市场监管局的通知" not in html
    assert html.index("办公室第二条") < html.index("给办公室的通知")  # newest first
    assert 'data-testid="unread-count">2<' in html
    mine = Notification.objects.get(user=users["office"], key="a")
    theirs = Notification.objects.get(user=users["amr-liaison"])
    client.post(reverse("notifications"), {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is None  # someone else's stays unread
    client.post(reverse("notifications"), {"id": mine.pk})
    assert unread_count(users["office"]) == 1
    client.post(reverse("notifications"), {"all": "1"})
    assert unread_count(users["office"]) == 0
    assert 'data-testid="unread-count"' not in client.get("/").content.decode()


def test_the_bell_costs_one_query(users, client_for):
    notify([users["leader"]], "通知", "", "", key="bell")
    client = client_for("leader")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    assert 'data-testid="unread-count">1<' in html
    assert sum("core_notification" in q["sql"] for q in queries.captured_queries) == 1


def test_the_api_lists_only_ones_own_and_marks_read(users, api_for):
    notify([users["office"]], "给办公室", "", "", key="a")
    notify([users["amr-liaison"]], "给联络员", "", "", key="a")
    api = api_for("office")
    rows = api.get("/api/v1/notifications/").json()["results"]
    assert [row["title"] for row in rows] == ["给办公室"]
    theirs = Notification.objects.get(user=users["amr-liaison"])
    assert api.get(f"/api/v1/notifications/{theirs.pk}/").status_code == 404
    assert api.post(f"/api/v1/notifications/{theirs.pk}/read/").status_code == 404
    assert api.get(f"/api/v1/notifications/{theirs.pk}/read/").status_code == 404
    mine = rows[0]["id"]
    response = api.post(f"/api/v1/notifications/{mine}/read/")
    assert response.status_code == 200 and response.json()["read_at"]
    assert api.get("/api/v1/notifications/", {"unread": "true"}).json()["results"] == []
    assert api_for("amr-liaison").get("/api/v1/notifications/", {"unread": "true"}).json()["count"] == 1


def test_mark_read_touches_only_the_users_own(users):
    notify([users["office"], users["leader"]], "通知", "", "", key="x")
    assert mark_read(users["office"]) == 1
    assert unread_count(users["leader"]) == 1


@pytest.mark.django_db
def test_a_catalogue_notification_reads_in_each_readers_language(client_for, users):
    from django.utils import translation
    from django.utils.translation import gettext_noop

    from zhichan.core.services.notify import Message

    with translation.override("zh-hans"):
        notify(
            users["amr-liaison"],
            Message(gettext_noop("Report returned: %(task)s"), {"task": "（一）组织 › 1．建立机制"}),
            Message(gettext_noop("Period from %(period)s; waiting for review."), {"period": "2024-01-01"}),
            "/",
            key="language-test",
        )
    client = client_for("amr-liaison")
    chinese = client.get("/notifications/").content.decode()
    assert "报告被退回：（一）组织 › 1．建立机制" in chinese
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/notifications/").content.decode()
    assert "Report returned: （一）组织 › 1．建立机制" in english and "报告被退回" not in english
    assert "Period from 2024-01-01; waiting for review." in english
    api = client.get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    assert any(row["title"].startswith("Report returned") for row in api)
