"""Settings, reads and writes for work on whole registers at once (an import, a credit grade run, a round)."""

import gc
import json
from contextlib import contextmanager

from django.db import connection, connections
from django.db.models import BooleanField, F, Func, Q, Value

# For the current transaction only: room to sort and join in memory (a run groups a million records), room for the
# trigram indexes' pending lists, no compiling of queries that run once, and no wait for the WAL flush at commit (a
# crash loses at most this transaction's work, which is then not done).
BULK_SETTINGS = {
    "work_mem": "256MB",
    "maintenance_work_mem": "256MB",
    "gin_pending_list_limit": "64MB",
    "synchronous_commit": "off",
    "jit": "off",
}


@contextmanager
def without_collector_pauses():
    """For a computation that builds a few hundred thousand small objects and then drops them all (a round's
    figures with the records behind them): Python's cyclic collector would walk every one of them again each few
    thousand allocations, a third of the work. Such a computation makes no cycles that must be freed before it
    ends, so the collector waits until then."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def tune_for_bulk_work(cursor=None):
    """Apply BULK_SETTINGS to the transaction in progress (nothing outside PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    if cursor is None:
        with connection.cursor() as own:
            return tune_for_bulk_work(own)
    for setting, value in BULK_SETTINGS.items():
        cursor.execute("SELECT set_config(%s, %s, true)", [setting, value])


def plain_rows(queryset) -> list[tuple]:
    """A values_list queryset's rows as the driver gives them: on PostgreSQL its values are already Python's (dates,
    numbers), and skipping the ORM's per-row conversion reads 200,000 rows three times as fast. Elsewhere (SQLite
    gives dates as text) the ORM reads them."""
    if connection.vendor != "postgresql":
        return list(queryset)
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def one_of(field: str, values, db_type: str = "text", walk: bool = False):
    """A condition: `field` is one of the values (tens of thousands at once). On PostgreSQL they go as one JSON
    array parameter, however many, so the query's text, its quoting and its parsing stay short: as a set (IN), which
    the planner may hash against a table; or with `walk`, as an array (= ANY), for which it walks the field's index
    once, in order, the cheapest for many keys of a large table. Elsewhere as a list of parameters (SQLite allows
    32,766 in a query)."""
    if connection.vendor == "postgresql":
        return _OneOf(field, list(values), db_type, walk)
    return Q(**{f"{field}__in": values})


class _OneOf(Func):
    output_field = BooleanField()

    def __init__(self, field: str, values: list, db_type: str, walk: bool):
        super().__init__(F(field), Value(json.dumps(values, ensure_ascii=False)))
        self.db_type, self.walk = db_type, walk

    def as_sql(self, compiler, connection, **extra):
        field, field_params = compiler.compile(self.source_expressions[0])
        values, values_params = compiler.compile(self.source_expressions[1])
        each = f"SELECT value::{self.db_type} FROM jsonb_array_elements_text({values}::jsonb)"
        sql = f"{field} = ANY(ARRAY({each}))" if self.walk else f"{field} IN ({each})"
        return sql, (*field_params, *values_params)


def _prepared(columns, rows, defaults: tuple = ()) -> list[tuple]:
    """Rows of Python values (followed by `defaults`, the same for every row) in the database's values, each
    prepared by its field (a JSON column, a decimal). A column repeats its values (a key, a unit, full marks), so
    each distinct value is prepared once."""
    database = connections[connection.alias]  # the connection itself, not the per-thread proxy at every value
    seen = [{} for _column in columns]

    def prepared(field, known, value):
        try:
            return known[type(value), value]
        except TypeError:  # unhashable (a JSON object): prepared each time
            return field.get_db_prep_save(value, database)
        except KeyError:
            known[type(value), value] = found = field.get_db_prep_save(value, database)
            return found

    found = []
    for row in rows:
        if len(row) + len(defaults) != len(columns):
            width = len(columns) - len(defaults)
            raise ValueError(f"a row of {len(row)} values for {width} fields: {row!r}")
        found.append(tuple(map(prepared, columns, seen, (*row, *defaults))))
    return found


def insert_rows(model, fields: list[str], rows) -> int:
    """Add many rows of `model` at once: `rows` are tuples of `fields`' values in Python's values, and every other
    field takes its default. The ORM's bulk_create builds a model instance for each row and prepares it field by
    field; here each value is prepared once and, on PostgreSQL, the rows are copied into the table, elsewhere one
    prepared INSERT runs for every row. No signal is sent and no history is kept: for rows a computation writes,
    not for what a user enters."""
    rows = list(rows)
    if not rows:
        return 0
    quote = connection.ops.quote_name
    meta = model._meta
    given = [meta.get_field(name) for name in fields]
    rest = [f for f in meta.concrete_fields if f not in given and not f.primary_key]
    defaults = tuple(field.get_default() for field in rest)
    columns = [*given, *rest]
    prepared = _prepared(columns, rows, defaults)
    table, listed = quote(meta.db_table), ", ".join(quote(field.column) for field in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({listed}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({listed}) VALUES ({marks})", prepared)
    return len(rows)


def update_rows(model, fields: list[str], rows) -> int:
    """Set `fields` of many rows of `model` at once: `rows` are (pk, value of each field) in Python's values. The
    ORM's bulk_update writes a CASE per row and field, which the database then parses (seconds for tens of thousands
    of rows); here, on PostgreSQL, the rows are copied into a temporary table and updated from it in one statement,
    and elsewhere one prepared UPDATE runs for every row. No signal is sent and no history is kept: for figures a
    computation rewrites, not for what a user edits."""
    rows = list(rows)
    if not rows:
        return 0
    quote = connection.ops.quote_name
    meta = model._meta
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    columns = [meta.get_field(name) for name in fields]
    names = [quote(field.column) for field in columns]
    prepared = _prepared([meta.pk, *columns], rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            listed = ", ".join([pk, *names])
            cursor.execute(f"CREATE TEMPORARY TABLE incoming_rows AS SELECT {listed} FROM {table} LIMIT 0")
            with cursor.cursor.copy(f"COPY incoming_rows ({listed}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
            sets = ", ".join(f"{name} = incoming_rows.{name}" for name in names)
            cursor.execute(f"UPDATE {table} SET {sets} FROM incoming_rows WHERE {table}.{pk} = incoming_rows.{pk}")
            cursor.execute("DROP TABLE incoming_rows")
        else:
            sets = ", ".join(f"{name} = %s" for name in names)
            cursor.executemany(f"UPDATE {table} SET {sets} WHERE {pk} = %s", [(*row[1:], row[0]) for row in prepared])
    return len(rows)
