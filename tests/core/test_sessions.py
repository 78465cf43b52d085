"""Idle sessions end: the expiry moves with use, written at most once a SESSION_REFRESH_SECONDS."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zhichan.core import sessions


@pytest.fixture
def clock(monkeypatch):
    """The renewal middleware's clock, moved by hand."""
    now = [timezone.now().timestamp()]
    monkeypatch.setattr(sessions.time, "time", lambda: now[0])
    return now


def _writes(client, url="/") -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return [q["sql"] for q in captured if "django_session" in q["sql"] and not q["sql"].startswith("SELECT")]


def _expiry(client):
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).expire_date


def test_a_session_is_renewed_once_a_minute_not_on_every_request(users, clock):
    client = Client()
    client.force_login(users["leader"])  # signing in is a renewal
    renewed = _expiry(client)
    assert not _writes(client)
    clock[0] += 30
    assert not _writes(client) and not _writes(client, "/healthz")  # within the minute: nothing written
    assert _expiry(client) == renewed
    clock[0] += settings.SESSION_REFRESH_SECONDS
    assert _writes(client)  # a minute on: the expiry moves again
    assert _expiry(client) > renewed


def test_an_idle_session_still_ends(users, clock):
    client = Client()
    client.force_login(users["leader"])
    client.get("/")
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))  # idle for SESSION_COOKIE_AGE
    response = client.get("/accounts/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_anonymous_requests_and_signing_out_make_no_session(users, clock):
    client = Client()
    assert not _writes(client, "/healthz") and not Session.objects.exists()
    client.force_login(users["leader"])
    client.post("/accounts/logout/")
    assert not Session.objects.exists()
