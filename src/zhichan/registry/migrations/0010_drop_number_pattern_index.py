"""The prefix (varchar_pattern_ops) index Django adds beside the unique index on a patent's application number.

Nothing searches numbers by prefix: a number typed without its check digit is completed and matched exactly.
The index only cost every write, and a bulk import its rebuild. PostgreSQL only (SQLite has no such index).
"""

from django.db import migrations

NAME = "registry_patent_application_number_b3cdcf07_like"


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{NAME}"')


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{NAME}" ON "registry_patent" ("application_number" varchar_pattern_ops)'
        )


class Migration(migrations.Migration):
    dependencies = [("registry", "0009_history_indexes")]

    operations = [migrations.RunPython(drop, create)]
