"""On SQLite a long import commits a chunk at a time, so a web write made while it runs goes through.

Run in a process of its own on a database file (WAL, as `make run` has it): the test database is in memory,
where SQLite locks differently."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, sys, threading
import django
django.setup()
from django.core.management import call_command
call_command("migrate", "registry", verbosity=0)  # the registry and core: what an import writes
call_command("migrate", "core", verbosity=0)
from django.db import connection, transaction
from zhichan.core.imports import running, writing
from zhichan.core.models import ImportBatch, User
from tests.registry.imports_support import number, write_csv
from pathlib import Path

writing.CHUNK = 50
running.PROGRESS_EVERY = 200
user = User.objects.create(username="office", role="office")
rows = [["申请号", "申请日", "发明名称"]] + [[number(2020, "1", n), "2020-01-02", f"装置{n}"] for n in range(1, 1001)]
path = write_csv(Path(sys.argv[1]) / "p.csv", rows)
writes = []

def web_write():
    try:
        with transaction.atomic():  # as a page's form: its own connection, its own transaction
            User.objects.filter(pk=user.pk).update(first_name=f"w{len(writes)}")
        writes.append("ok")
    except Exception as error:
        writes.append(repr(error))
    finally:
        connection.close()

def progress(done, total, message):
    if total == 0:  # while rows are being read and written
        thread = threading.Thread(target=web_write)
        thread.start()
        thread.join()

batch = ImportBatch.objects.create(kind="patent", user=user, file_name="p.csv")
running.run_import(batch, path, progress=progress)
print(json.dumps({"state": batch.state, "created": batch.created_count, "written": batch.written, "writes": writes}))
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's single write lock")
def test_a_web_write_during_a_long_import_on_sqlite_succeeds(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "DJANGO_SETTINGS_MODULE": "zhichan.settings",
        "ZHICHAN_VAR_DIR": str(tmp_path),
        "ZHICHAN_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ZHICHAN_TASKS_BACKEND": "immediate",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["state"] == "done" and outcome["created"] == 1000
    assert outcome["writes"] == ["ok"] * 5  # every 200 rows read, with chunks of 50 committed before
    assert outcome["written"] == 1000
