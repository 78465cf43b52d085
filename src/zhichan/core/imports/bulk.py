"""A large batch on PostgreSQL: work the database would do row by row is done once for the whole batch.

`bulk_load(cursor, tables, own)` wraps the writing of such a batch, in the batch's transaction, and takes no lock on
a table beyond what any insert takes (ROW EXCLUSIVE): users go on reading and writing the register, its history,
links and events while it runs.
- Where the database role may set `session_replication_role` (a superuser, or on PostgreSQL 15 and later a role
  granted SET on it), the per-row foreign-key triggers are off while the batch writes, and every foreign key of
  `tables` is then checked once, set-based, over the whole table, locking the referenced rows FOR KEY SHARE as
  the per-row checks would (but the rows the batch wrote itself: `own`); elsewhere the per-row checks run as usual.
- The indexes stay in place and are kept up to date as the rows go in; the search indexes' pending lists
  (GIN) are merged into the indexes before the batch commits, so that no user's next save pays for it.
If anything fails the transaction rolls back and nothing stays. docs/imports.md (How it is fast) says what it
costs and what it locks.
"""

import logging
import time
from contextlib import contextmanager

import psycopg
from django.db import DatabaseError, IntegrityError, connection

log = logging.getLogger("zhichan.imports")


@contextmanager
def timed(step: str):
    """Logs how long a step of a batch took (logger zhichan.imports, INFO): the benchmark prints these."""
    started = time.perf_counter()
    yield
    log.info("%s: %.2f s", step, time.perf_counter() - started)


def q(name: str) -> str:
    return connection.ops.quote_name(name)


def gin_indexes(cursor, tables: list[str]) -> list[str]:
    """The GIN indexes of `tables` (the register's trigram search indexes)."""
    cursor.execute(
        "SELECT c.relname FROM pg_index AS x JOIN pg_class AS c ON c.oid = x.indexrelid "
        "JOIN pg_class AS t ON t.oid = x.indrelid JOIN pg_am AS a ON a.oid = c.relam "
        "WHERE a.amname = 'gin' AND t.relnamespace = to_regnamespace(current_schema()) AND t.relname = ANY(%s) "
        "ORDER BY c.relname",
        [tables],
    )
    return [name for (name,) in cursor.fetchall()]


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


def check_foreign_keys(cursor, tables: list[str], own: dict | None = None):
    """Every foreign key of `tables`, checked over the whole table with one query each, as the per-row triggers
    would have: the referenced rows are locked FOR KEY SHARE as they are found, so none can be deleted (nor its
    key changed) before the batch commits, while other writers may still change their other columns. `own` maps
    a table to an SQL condition (with its parameters) met by the rows this batch wrote there: no one else can
    delete those (new rows are not seen by others; changed rows are already locked), so they are not locked
    again. Raises IntegrityError naming the first missing reference."""
    own = own or {}
    for constraint, table, column, referenced, key in foreign_keys(cursor, tables):
        child, parent, col, pk = q(table), q(referenced), q(column), q(key)
        condition, params = own.get(referenced, ("false", []))
        cursor.execute(
            f"WITH used AS MATERIALIZED (SELECT DISTINCT t.{col} AS v FROM {child} AS t WHERE t.{col} IS NOT NULL), "
            f"written AS MATERIALIZED (SELECT r.{pk} AS v FROM {parent} AS r WHERE r.{pk} IN (SELECT v FROM used) "
            f"AND ({condition})), "
            f"others AS MATERIALIZED (SELECT u.v FROM used AS u WHERE NOT EXISTS "
            f"(SELECT 1 FROM written AS w WHERE w.v = u.v)), "
            f"present AS MATERIALIZED (SELECT r.{pk} AS v FROM {parent} AS r WHERE r.{pk} IN (SELECT v FROM others) "
            f"FOR KEY SHARE OF r) "
            f"SELECT o.v FROM others AS o WHERE NOT EXISTS (SELECT 1 FROM present AS p WHERE p.v = o.v) LIMIT 1",
            params,
        )
        missing = cursor.fetchone()
        if missing:
            raise IntegrityError(f"{constraint}: {table}.{column} = {missing[0]} is not present in {referenced}.{key}")


def clean_pending_lists(cursor, tables: list[str]):
    """Merges the pending lists of the GIN indexes of `tables` into the indexes (as VACUUM would), in a savepoint:
    a role that does not own an index may not, and the list is then merged by the next insert or VACUUM."""
    for name in gin_indexes(cursor, tables):
        cursor.execute("SAVEPOINT clean_pending_list")
        try:
            with timed(f"  pending list of {name}"):
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [q(name)])
        except (DatabaseError, psycopg.Error):
            cursor.execute("ROLLBACK TO SAVEPOINT clean_pending_list")
        else:
            cursor.execute("RELEASE SAVEPOINT clean_pending_list")


@contextmanager
def bulk_load(cursor, tables: list[str], own: dict | None = None):
    """Runs the block without per-row foreign-key checks where allowed; then checks the foreign keys once per
    constraint and merges the search indexes' pending lists. Locks no table (only rows: those written, and FOR
    KEY SHARE those referenced)."""
    unchecked = skip_row_checks(cursor)
    yield
    with timed("check foreign keys"):
        if unchecked:
            cursor.execute("SELECT set_config('session_replication_role', 'origin', true)")
            check_foreign_keys(cursor, tables, own)
        # The checks queued per row (all of them without the privilege; with it, those of writes made in the
        # transaction before the bulk load) run now rather than at commit, so that a missing reference fails the
        # batch here, with the writer's error. Then the constraints are deferred again.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    with timed("merge the search indexes' pending lists"):
        clean_pending_lists(cursor, tables)
