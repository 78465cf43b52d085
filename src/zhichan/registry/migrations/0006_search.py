"""Trigram (pg_trgm) GIN indexes for substring search on PostgreSQL; nothing on SQLite.

The search (services/search.py) filters with `icontains`, which Django writes on PostgreSQL as
`UPPER(column::text) LIKE UPPER('%…%')`; these indexes are on that same expression, so the planner can use
them. SQLite has no such index: there the same query is a LIKE scan. docs/registry.md (Search).
"""

from django.db import migrations

# (table, column) searched by substring
COLUMNS = [
    ("registry_patent", "title"),
    ("registry_patent", "applicants"),
    ("registry_patent", "inventors"),
    ("registry_trademark", "mark"),
    ("registry_trademark", "applicant_name"),
    ("registry_copyright", "title"),
    ("registry_copyright", "owner_name"),
    ("registry_geographicalindication", "name"),
    ("registry_geographicalindication", "holder_name"),
    ("registry_enterprise", "name"),
]


def _index(table, column):
    return f"{table}_{column}_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, column in COLUMNS:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{_index(table, column)}" ON "{table}" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in COLUMNS:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{_index(table, column)}"')


class Migration(migrations.Migration):
    dependencies = [("registry", "0005_imports")]

    operations = [migrations.RunPython(create, drop)]
