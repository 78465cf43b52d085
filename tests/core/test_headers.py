"""Security headers of the pages people use: a content security policy whose nonce is the one every script tag
carries, no inline style anywhere, a Permissions-Policy, and a `Server` header that names no software."""

import re
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from zhichan.core.models import ImportBatch
from zhichan.programme.models import Task
from zhichan.programme.periods import periods
from zhichan.programme.services import reporting
from zhichan.programme.services.loading import load_programme

from ..registry.test_patents import patent

pytestmark = pytest.mark.django_db

MINI = Path(__file__).parents[1] / "programme" / "mini.yaml"
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
NONCE_SOURCE = re.compile(r"script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'")


@pytest.fixture
def pages(users):
    """(who, URL) of the main pages, each with something in it: a patent, a running import, a report draft."""
    programme = load_programme(MINI)["programme"]
    task = Task.objects.get(programme=programme, key="4.1.2")
    report = reporting.open_report(
        task, task.assignments.get(role="lead").unit, periods(programme)[0], users["amr-liaison"]
    )
    running = ImportBatch.objects.create(kind="patent", user=users["office"], state="running", file_name="专利.xlsx")
    found = patent(filed=date(2015, 4, 2))
    return [
        ("office", reverse("workbench")),
        ("amr-liaison", reverse("workbench")),
        ("office", reverse("patent-list")),
        ("office", reverse("patent-detail", args=[found.pk])),
        ("office", reverse("import-batch", args=[running.pk])),
        ("amr-liaison", report.get_absolute_url()),
        ("office", reverse("dashboard")),
    ]


def test_every_script_carries_the_nonce_the_policy_names_and_no_element_has_a_style(client_for, pages):
    nonces = set()
    for username, url in pages:
        response = client_for(username).get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        found = NONCE_SOURCE.search(response["Content-Security-Policy"])
        assert found, f"{url}: no nonce in {response['Content-Security-Policy']}"
        nonce = found.group(1)
        scripts = [tag for tag in SCRIPT_TAG.findall(html) if 'type="application/json"' not in tag]
        assert scripts, url
        assert all(f'nonce="{nonce}"' in tag for tag in scripts), (url, scripts)
        assert not re.search(r"\sstyle\s*=", html, re.IGNORECASE), f"{url} has an inline style"
        assert "<style" not in html, url
        nonces.add(nonce)
    assert len(nonces) == len(pages)  # a fresh one for every answer


def test_the_running_import_shows_its_bar_without_an_inline_width(client_for, pages):
    batch = ImportBatch.objects.get(state="running")
    html = client_for("office").get(reverse("import-batch", args=[batch.pk]) + "?part=progress").content.decode()
    assert "progress-bar-animated w-100" in html and "style=" not in html


def test_the_policy_allows_no_inline_code_and_features_are_off(client_for):
    response = client_for("office").get(reverse("workbench"))
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert " nonce;" not in policy and "'nonce'" not in policy  # the word itself is no source
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["style-src"] == "'self'"
    features = dict(part.split("=") for part in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_as_configured_names_no_software(tmp_path):
    """The project's gunicorn.conf.py in front of a plain WSGI answer: the `Server` header is the site's own."""
    (tmp_path / "plain.py").write_text(
        "def app(environ, start_response):\n"
        "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
        "    return [b'ok']\n"
    )
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "plain:app",
            "--config",
            str(settings.PROJECT_DIR / "gunicorn.conf.py"),
            "--chdir",
            str(tmp_path),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        headers = None
        for _ in range(200):  # until it listens (or dies): a start-up, not a measurement
            if server.poll() is not None:
                pytest.fail(server.stderr.read().decode())
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    headers = answer.headers
                break
            except OSError:
                time.sleep(0.1)
        assert headers is not None, "gunicorn did not answer"
        assert headers["Server"] == "zhichan"
        assert "gunicorn" not in str(headers).lower()
    finally:
        server.terminate()
        server.wait(timeout=30)
