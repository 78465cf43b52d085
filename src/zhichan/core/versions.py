"""Versions of stored data for cache keys: the latest change of several tables, read in one query.

A cache of figures derived from some tables stays right if its key holds the latest `computed_at`, `updated` or
audit (`history_date`) time of each of them: any save moves one of them, so the next reader builds a new entry
and the old one is never read again. Each is a MAX over an indexed column (an index read per table), all of them
in one round trip.
"""

from django.db import connection


def audited(*models) -> list[tuple]:
    """`(audit model, "history_date")` of each model: its latest save or delete (resolve once, then keep: building
    a `history` manager costs more than the query)."""
    return [(model.history.model, "history_date") for model in models]


def latest(*columns) -> str:
    """The latest value of each `(model, field name)` as one string, in one query ("None" for an empty table)."""
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT MAX({quote(model._meta.get_field(name).column)}) FROM {quote(model._meta.db_table)})"
        for model, name in columns
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        row = cursor.fetchone()
    return "|".join(str(value) for value in row)
