"""Running a script in a fresh database of its own (a subprocess), so a migration test starts from an empty
schema and the test database's state is not touched. The same engine as the test run: a file for SQLite, a
database created and dropped for PostgreSQL."""

import os
import subprocess
import sys

from django.conf import settings
from django.db import connection


def run_script(script: str, tmp_path, suffix: str, environment=None) -> subprocess.CompletedProcess:
    drop = None
    if connection.vendor == "postgresql":
        import psycopg

        params = connection.get_connection_params()
        name = f"{connection.settings_dict['NAME']}_{suffix}"

        def drop():
            with psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')

        drop()
        with psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        password = f":{params['password']}" if params.get("password") else ""
        where = f"{params.get('host', '')}:{params.get('port', '')}"
        database = f"postgres://{params.get('user', '')}{password}@{where}/{name}"
    else:
        database = f"sqlite:///{tmp_path / f'{suffix}.sqlite3'}"
    env = {
        **os.environ,
        "ZHICHAN_DATABASE_URL": database,
        "DJANGO_SETTINGS_MODULE": "zhichan.settings",
        **(environment or {}),
    }
    try:
        return subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=settings.PROJECT_DIR
        )
    finally:
        if drop:
            drop()
