import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

import zhichan

pytestmark = pytest.mark.django_db


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set for the browser tests
        "ZHICHAN_SECRET_KEY": "k" * 20 + "-production-secret-key-of-enough-length-and-variety-9f3a7c2e",
        "ZHICHAN_DEBUG": "false",
        "ZHICHAN_HTTPS": "true",
        "ZHICHAN_ALLOWED_HOSTS": "ip.example.gov.cn",
        "ZHICHAN_VAR_DIR": str(tmp_path),
        "ZHICHAN_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_security_headers_and_csp(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_page_templates_carry_no_inline_style():
    """The policy allows no inline style, so a browser drops a style="" attribute (and logs an error): pages use
    classes. The documents' templates (official documents, reports) are laid out by WeasyPrint, never shown in a
    browser."""
    root = Path(zhichan.__file__).parent
    printed = root / "documents" / "templates"
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("templates/**/*.html")
        if not path.is_relative_to(printed) and re.search(r"\sstyle=", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_asset_comes_from_another_host(client_for):
    html = client_for("office").get("/").content.decode()
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_lockout_after_repeated_failures(client):
    from ..conftest import PASSWORDS

    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "court-liaison", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "court-liaison", "password": PASSWORDS["court-liaison"]})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    page = response.content.decode()  # the way on: sign in later, or set a new password
    assert reverse("login") in page and reverse("password_reset") in page


def test_password_validators_reject_weak_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["12345678", "password", "nanan"]:
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE and settings.SESSION_COOKIE_HTTPONLY


def test_csrf_is_enforced(users):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users["amr-liaison"])
    response = client.post(reverse("person-create", args=[users["amr-liaison"].unit_id]), {"name": "x"})
    assert response.status_code == 403


def test_behind_a_proxy_the_client_address_comes_from_the_trusted_hop(client, settings):
    from zhichan.core.models import AuthEvent

    settings.PROXY_COUNT = 1
    client.post(
        reverse("login"),
        {"username": "nobody", "password": "x"},
        HTTP_X_FORWARDED_FOR="6.6.6.6, 10.1.2.3",
        REMOTE_ADDR="127.0.0.1",
    )
    assert AuthEvent.objects.get(username="nobody").ip_address == "10.1.2.3"  # the spoofed left entry ignored
    settings.PROXY_COUNT = 0
    client.post(reverse("login"), {"username": "nobody2", "password": "x"}, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert AuthEvent.objects.get(username="nobody2").ip_address == "127.0.0.1"
