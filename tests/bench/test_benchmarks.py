"""The benchmarks still run: each at a tiny size, on its own database of the PostgreSQL server the tests use.

They print figures rather than assert them (performance is judged from `make bench`, not from tests); this only
checks that they run to the end and print every figure.
"""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.PROJECT_DIR)
pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmarks measure PostgreSQL")


def _database_url(name: str) -> str:
    """A fresh database for a smoke run: one left by an earlier version of the migrations would not migrate."""
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    server = f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    return f"{server}/{name}"


def _run(script: str, *arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        # The benchmarks measure the project as deployed: its own settings, not the tests' (with the sample module).
        env={name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_indicators_benchmark_runs():
    printed = _run(
        "indicators.py",
        *("--patents", "3000", "--trademarks", "600", "--copyrights", "100", "--enterprises", "60"),
        *("--clients", "2", "--seconds", "1", "--database-url", _database_url("zhichan_bench_smoke_indicators")),
    )
    for figure in [
        "(a) our compute",
        "(b) naive loop",
        "agree with ours",
        "/healthz",
        "dashboard API",
        "dashboard page",
        "recompute",
    ]:
        assert figure in printed, printed


def test_the_import_benchmark_runs():
    printed = _run(
        "import_patents.py",
        *("--rows", "2000", "--naive-sample", "100", "--database-url", _database_url("zhichan_bench_smoke_import")),
    )
    for figure in ["(a) our importer", "(b) naive per row", "(c) bare COPY", "peak memory"]:
        assert figure in printed, printed


def test_the_serving_benchmark_runs():
    printed = _run(
        "serve.py",
        *("--patents", "2000", "--trademarks", "400", "--copyrights", "50", "--enterprises", "40"),
        *("--clients", "2", "--seconds", "1", "--database-url", _database_url("zhichan_bench_smoke_serve")),
    )
    for figure in ["(a) mixed reads", "workbench", "registry search", "dashboard API", "/healthz", "no errors"]:
        assert figure in printed, printed


def test_the_protection_benchmark_runs():
    printed = _run(
        "protection.py",
        *("--cases", "400", "--requests", "1", "--naive-months", "2"),
        *("--database-url", _database_url("zhichan_bench_smoke_protection")),
    )
    for figure in ["(a) ours", "(b) naive loop", "agree with ours", "(c) case list by days left", "newest lead"]:
        assert figure in printed, printed
