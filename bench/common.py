"""What the benchmarks share: their own PostgreSQL database, Django set up against it, rows written by COPY."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def ensure_database(url: str):
    """Create the database if it is missing (its name is the URL's last part)."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str):
    """Django against the benchmark database, migrated, with the Nan'an regions loaded."""
    ensure_database(url)
    os.environ["ZHICHAN_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhichan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from zhichan.core.services.regions import load_regions

    call_command("migrate", verbosity=0)
    load_regions(settings.PROJECT_DIR / "data" / "regions" / "350583-nanan.yaml")


def copy_rows(model, rows, **fixed) -> int:
    """COPY dicts of field values into a model's table; fields not given take their Python default."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    defaults.update(fixed)
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    count = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {model._meta.db_table} ({names}) FROM STDIN") as copy:
            for row in rows:
                values = {**defaults, **row}
                copy.write_row([values[f.attname] for f in fields])
                count += 1
    return count
