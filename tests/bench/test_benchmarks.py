"""The benchmarks still run: each at a tiny size, on its own database of the PostgreSQL server the tests use.

They print figures rather than assert them (performance is judged from `make bench`, not from tests); this only
checks that they run to the end and print every figure.
"""

import hashlib
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


def _server() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"


def _template(admin, server: str) -> str:
    """An empty database migrated to today's migrations, which each smoke run's database is copied from: migrating
    a database from nothing takes most of a minute, copying one a second. Named by the migrations' contents, so a
    change to them makes a new one (and the old ones are dropped); made under a lock, as the two test processes
    may ask at once, and renamed into place only once migrated."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("src/zhichan/*/migrations/*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    name = f"zhichan_bench_template_{digest.hexdigest()[:12]}"
    admin.execute("SELECT pg_advisory_lock(hashtext('zhichan_bench_template'))")
    try:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            query = "SELECT datname FROM pg_database WHERE datname LIKE %s"
            for (old,) in admin.execute(query, ["zhichan_bench_template%"]).fetchall():
                admin.execute(f'DROP DATABASE IF EXISTS "{old}"')
            making = f"{name}_making"
            admin.execute(f'CREATE DATABASE "{making}"')
            migrated = subprocess.run(
                [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
                capture_output=True,
                text=True,
                cwd=ROOT,
                env={**_project_environment(), "ZHICHAN_DATABASE_URL": f"{server}/{making}"},
            )
            assert migrated.returncode == 0, migrated.stderr
            admin.execute(f'ALTER DATABASE "{making}" RENAME TO "{name}"')
    finally:
        admin.execute("SELECT pg_advisory_unlock(hashtext('zhichan_bench_template'))")
    return name


def _database_url(name: str) -> str:
    """A fresh database for a smoke run, migrated (a copy of the template): one left by an earlier version of the
    migrations would not migrate."""
    server = _server()
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_template(admin, server)}"')
    return f"{server}/{name}"


def _project_environment() -> dict:
    # The benchmarks measure the project as deployed: its own settings, not the tests' (with the sample module).
    return {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}


def _run(script: str, *arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env=_project_environment(),
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
