"""Versions of stored data for cache keys: the latest change of several tables, read in one query, and the
cache that keys on them.

A cache of figures derived from some tables stays right if its key holds the latest `computed_at`, `updated` or
audit (`history_date`) time of each of them: any save moves one of them, so the next reader builds a new entry
and the old one is never read again. Each is a MAX over an indexed column (an index read per table), all of them
in one round trip. Writes that leave no history row must move something else: an import moves its batch
(`imported()`: started, finished, and the rows written so far, which a chunked import on SQLite counts up with
every chunk it commits), and a bulk path outside the imports calls `mark(model, …)` in its transaction
(`marked()`).

`remember(name, parts, build)` keeps what `build()` returns under a key made of `parts`, which must name
everything the value depends on: a version from `latest(...)`, the day, the language, the reader's scope
(`core.scoping.scope_key`). The version is read before the value is built, so a value built while a write
commits is kept under the older version at worst, and the next reader builds it again.
"""

import hashlib

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

CACHE_SECONDS = 3600
_MISSING = object()


def audited(*models) -> list[tuple]:
    """`(audit model, "history_date")` of each model: its latest save or delete (resolve once, then keep: building
    a `history` manager costs more than the query)."""
    return [(model.history.model, "history_date") for model in models]


def imported() -> list[tuple]:
    """The columns an import moves whatever it writes: its batch's start and end, and the rows written so far."""
    from .models import ImportBatch

    return [(ImportBatch, "started"), (ImportBatch, "finished"), (ImportBatch, "written", "SUM")]


def marked() -> list[tuple]:
    """The column `mark()` moves."""
    from .models import ChangeMark

    return [(ChangeMark, "changed")]


def mark(*models) -> None:
    """Record that the models' tables were written without history rows (call it inside the writing transaction,
    after the writes, so the time is that of the commit)."""
    from .models import ChangeMark

    now = timezone.now()
    for model in models:
        ChangeMark.objects.update_or_create(table=model._meta.db_table, defaults={"changed": now})


def latest(*columns) -> str:
    """The latest value of each `(model, field name)` as one string, in one query ("None" for an empty table);
    `(model, field name, "SUM")` takes the column's sum instead."""
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT {aggregate}({quote(model._meta.get_field(name).column)}) FROM {quote(model._meta.db_table)})"
        for model, name, aggregate in ((*column, "MAX")[:3] for column in columns)
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        row = cursor.fetchone()
    return "|".join(str(value) for value in row)


def cache_key(name: str, parts) -> str:
    return f"{name}:" + hashlib.sha256(repr(list(parts)).encode()).hexdigest()


def remember(name: str, parts, build, seconds: int = CACHE_SECONDS):
    """`build()`, kept in the cache under `name` and `parts` (see above: the parts name all it depends on)."""
    key = cache_key(name, parts)
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        found = build()
        cache.set(key, found, seconds)
    return found
