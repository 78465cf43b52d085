"""Tokens made before tokens expired keep working until ZHICHAN_API_TOKEN_DAYS after they were made, and the old
table, which held the keys themselves, is gone. Run in a fresh SQLite database of its own (a subprocess)."""

import os
import subprocess
import sys
import textwrap

from django.conf import settings

SCRIPT = textwrap.dedent(
    """
    import datetime
    import django
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("migrate", "core", "0009_import_batches", verbosity=0)
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created datetime NOT NULL, "
                       "user_id integer NOT NULL UNIQUE)")
        for pk, name in [(1, "recent"), (2, "old")]:
            cursor.execute("INSERT INTO core_user (id, password, is_superuser, username, first_name, last_name, "
                           "email, is_staff, is_active, date_joined, role) "
                           "VALUES (%s, '', 0, %s, '', '', '', 0, 1, %s, 'office')", [pk, name, now])
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, %s, 1)", ["a" * 40, now - datetime.timedelta(days=10)])
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, %s, 2)", ["b" * 40, now - datetime.timedelta(days=91)])
    call_command("migrate", "core", verbosity=0)  # core alone: the other apps' migrations are not at issue
    from zhichan.core.services.tokens import active_token

    recent = active_token("a" * 40)
    assert recent is not None and recent.user.username == "recent", recent
    assert abs(recent.expires - (now + datetime.timedelta(days=80))) < datetime.timedelta(minutes=1), recent.expires
    assert active_token("b" * 40) is None  # made 91 days ago: expired
    assert "authtoken_token" not in connection.introspection.table_names()
    print("kept")
    """
)


def test_old_tokens_work_until_their_expiry(tmp_path):
    database = f"sqlite:///{tmp_path / 'tokens.sqlite3'}"
    environment = {
        **os.environ,
        "ZHICHAN_DATABASE_URL": database,
        "DJANGO_SETTINGS_MODULE": "zhichan.settings",
        "ZHICHAN_API_TOKEN_DAYS": "90",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=environment, capture_output=True, text=True, cwd=settings.PROJECT_DIR
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "kept" in result.stdout
