"""A large batch on PostgreSQL: work the database would do row by row is done once for the whole batch.

`bulk_load(cursor, tables)` wraps the writing of such a batch, in the batch's transaction:
- the secondary indexes of `tables` are dropped and built again afterwards (building a GIN trigram index over a
  whole table is many times faster than maintaining it row by row);
- where the database role may set `session_replication_role` (a superuser, or on PostgreSQL 15 and later a role
  granted SET on it), the per-row foreign-key triggers are off while the batch writes, and every foreign key of
  `tables` is then checked once, set-based, over the whole table; elsewhere the per-row checks run as usual.
If anything fails the transaction rolls back and tables, indexes and settings are as before (DDL is
transactional on PostgreSQL). docs/imports.md (How it is fast) says what it costs and what it locks.
"""

import logging
import time
from contextlib import contextmanager

import psycopg
from django.db import DatabaseError, IntegrityError, connection

REBUILD_MAINTENANCE_WORK_MEM = "512MB"
log = logging.getLogger("zhichan.imports")


@contextmanager
def timed(step: str):
    """Logs how long a step of a batch took (logger zhichan.imports, INFO): the benchmark prints these."""
    started = time.perf_counter()
    yield
    log.info("%s: %.2f s", step, time.perf_counter() - started)


def q(name: str) -> str:
    return connection.ops.quote_name(name)


def secondary_indexes(cursor, tables: list[str]) -> list[tuple[str, str]]:
    """(name, definition) of the indexes of `tables` that enforce nothing: not unique and backing no constraint.
    The definitions are PostgreSQL's own (pg_indexes), so a rebuild replays exactly what the migrations created."""
    cursor.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes AS i "
        "JOIN pg_class AS c ON c.relname = i.indexname AND c.relnamespace = to_regnamespace(i.schemaname) "
        "JOIN pg_index AS x ON x.indexrelid = c.oid "
        "WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s) AND NOT x.indisunique "
        "AND NOT x.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint AS k WHERE k.conindid = c.oid) "
        "ORDER BY i.tablename, i.indexname",
        [tables],
    )
    return cursor.fetchall()


def foreign_keys(cursor, tables: list[str]) -> list[tuple[str, str, str, str, str]]:
    """(constraint, table, column, referenced table, referenced column) of every foreign key of `tables`."""
    cursor.execute(
        "SELECT k.conname, t.relname, a.attname, r.relname, ra.attname FROM pg_constraint AS k "
        "JOIN pg_class AS t ON t.oid = k.conrelid JOIN pg_class AS r ON r.oid = k.confrelid "
        "JOIN pg_attribute AS a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
        "JOIN pg_attribute AS ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1] "
        "WHERE k.contype = 'f' AND t.relnamespace = to_regnamespace(current_schema()) AND t.relname = ANY(%s) "
        "ORDER BY t.relname, k.conname",
        [tables],
    )
    return cursor.fetchall()


def skip_row_checks(cursor) -> bool:
    """Switches the per-row trigger checks off for the rest of the transaction, if the role may; says whether.
    Tried in a savepoint of its own, so a refusal leaves the batch's transaction usable."""
    cursor.execute("SAVEPOINT skip_row_checks")
    try:
        cursor.execute("SELECT set_config('session_replication_role', 'replica', true)")
    except (DatabaseError, psycopg.Error):  # Django's cursor or the writer's own
        cursor.execute("ROLLBACK TO SAVEPOINT skip_row_checks")
        return False
    cursor.execute("RELEASE SAVEPOINT skip_row_checks")
    return True


def check_foreign_keys(cursor, tables: list[str]):
    """Every foreign key of `tables`, checked over the whole table with one query each, as the per-row triggers
    would have. The rows referenced outside `tables` are locked FOR KEY SHARE as they are found, so none can be
    deleted before the batch commits (`tables` themselves are locked by the caller). Raises IntegrityError
    naming the first missing reference."""
    for constraint, table, column, referenced, key in foreign_keys(cursor, tables):
        child, parent, col, pk = q(table), q(referenced), q(column), q(key)
        if referenced in tables:
            cursor.execute(
                f"SELECT t.{col} FROM {child} AS t WHERE t.{col} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {parent} AS r WHERE r.{pk} = t.{col}) LIMIT 1"
            )
        else:
            cursor.execute(
                f"WITH used AS MATERIALIZED (SELECT DISTINCT t.{col} AS v FROM {child} AS t "
                f"WHERE t.{col} IS NOT NULL), present AS (SELECT r.{pk} AS v FROM {parent} AS r "
                f"WHERE r.{pk} IN (SELECT v FROM used) FOR KEY SHARE OF r) "
                f"SELECT v FROM used WHERE v NOT IN (SELECT v FROM present) LIMIT 1"
            )
        missing = cursor.fetchone()
        if missing:
            raise IntegrityError(f"{constraint}: {table}.{column} = {missing[0]} is not present in {referenced}.{key}")


@contextmanager
def bulk_load(cursor, tables: list[str]):
    """Runs the block with the secondary indexes of `tables` dropped and, where allowed, without per-row
    foreign-key checks; then checks the foreign keys and builds the indexes again. The tables stay locked
    (ACCESS EXCLUSIVE: reading them waits) until the batch commits."""
    indexes = secondary_indexes(cursor, tables)
    with timed(f"drop {len(indexes)} indexes"):
        cursor.execute(f"LOCK TABLE {', '.join(q(t) for t in tables)} IN ACCESS EXCLUSIVE MODE")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {q(name)}")
    unchecked = skip_row_checks(cursor)
    yield
    with timed("check foreign keys"):
        if unchecked:
            cursor.execute("SELECT set_config('session_replication_role', 'origin', true)")
            check_foreign_keys(cursor, tables)
        # The checks queued per row (all of them without the privilege; with it, those of writes made in the
        # transaction before the bulk load) run now: they are deferred to commit, and a table with checks pending
        # cannot be indexed. Then the constraints are deferred again.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    with timed(f"rebuild {len(indexes)} indexes"):
        cursor.execute("SELECT set_config('maintenance_work_mem', %s, true)", [REBUILD_MAINTENANCE_WORK_MEM])
        for name, definition in indexes:
            with timed(f"  index {name}"):
                cursor.execute(definition)
