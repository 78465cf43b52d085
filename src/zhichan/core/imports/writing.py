"""Writing validated rows set-based, chunk by chunk: a temporary table, then a handful of statements per chunk.

Rows are collected into chunks (50,000 on PostgreSQL, 5,000 on SQLite, where each chunk is committed on its own so
that the batch never holds the database's write lock for long: running.py's in_chunks). Each chunk goes into a
temporary table (COPY on PostgreSQL, executemany on SQLite) and is then applied with the same SQL on both databases:
each row is classified against the register by its natural key (new `+`, changed `~`, unchanged `=`); new records
are inserted with their ids given beforehand (from the sequence on PostgreSQL), so their history rows, links and the
kind's extra rows (a patent's legal-status events) are written from the temporary table without looking the records
up again; changed records are updated and their history written from the register; links and extra rows are added
where missing. A history row names the batch as the change reason. A dry run stops after the classification. What a
kind writes this way is declared in a SetSpec.
On PostgreSQL the chunks are written by a worker thread (chunks.py) while the next rows are read, and a batch
that will at least double a large register is written as a bulk load (bulk.py); neither locks a table, only the
rows written and referenced. Nothing here runs a query per row.
"""

import dataclasses
import logging
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from ..bulk_work import tune_for_bulk_work
from ..models import ImportBatch
from .bulk import bulk_load, q
from .chunks import ChunkWorker


class SetExtra(Protocol):
    """Rows a kind adds beside each record, from columns of its own in the temporary table (a patent's
    legal-status event). `columns` are (name, SQL type, is text); `models` the tables it fills (for a bulk load's
    checks);
    `write(writer, cursor, ops)` adds them for the chunk and returns how many; its count is named `name`."""

    name: str
    columns: tuple[tuple[str, str, bool], ...]
    models: tuple

    def write(self, writer: "SetWriter", cursor, ops: dict) -> int: ...


@dataclass(frozen=True)
class SetSpec:
    """How a kind's records are written set-based.

    `model` (with `history`, an `import_batch` and a `source` field) is matched on its unique column `key`;
    `always`: columns every row brings, whatever the file holds (derived from the number or the rules);
    `derived`: a field of the file → the columns it fills; `kept`: columns a row may leave empty, the record's
    value then kept (a region found by address); `links`: a many-to-many field whose ids each row gives as a
    tuple in `links_from`, links added where missing (counted `links`); `extras`: rows added beside (SetExtra).
    """

    model: Any
    key: str
    always: tuple[str, ...] = ()
    derived: dict = dataclasses.field(default_factory=dict)
    kept: tuple[str, ...] = ()
    links: str = ""
    links_from: str = ""
    extras: tuple = ()


CHUNK = 5000  # rows per chunk on SQLite
COPY_CHUNK = 50_000  # rows per chunk on PostgreSQL
TEXTS = ("CharField", "TextField")
# A batch expected to create at least this many records, and at least as many as the register already holds,
# is written as a bulk load (bulk.py): the foreign keys of the tables it fills are checked once per constraint
# where the role may, and the search indexes' pending lists merged before it commits; no table is locked. The
# expectation is the share of new records in the first chunk times the rows of the file. docs/imports.md (How it
# is fast).
BULK_LOAD_AT = 100_000
log = logging.getLogger("zhichan.imports")
HISTORY_MARKS = "history_date, history_change_reason, history_type, history_user_id"


COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


# NULL and the dates seen so far as COPY writes them: a file holds few distinct dates and repeats them.
_TEXTS: dict = {None: "\\N"}


def copy_value(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if value.__class__ is int:
        return str(value)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, date):
        text = _TEXTS[value] = value.isoformat()
        return text
    return str(value).translate(COPY_ESCAPES)


def copy_line(values: list) -> str:
    """A row in COPY's text format. Most rows hold no tab, newline, carriage return or backslash: their text cells
    are joined as they are, and only the other values (dates, numbers, NULL) are converted one by one."""
    texts = _TEXTS  # holds no numbers and no booleans, so True and 1 cannot meet there
    line = "\t".join([v if v.__class__ is str else texts.get(v) or copy_value(v) for v in values])
    if (
        line.count("\t") != len(values) - 1
        or line.count("\\") != values.count(None)  # each NULL is written \N
        or "\n" in line
        or "\r" in line
    ):
        line = "\t".join([copy_value(v) for v in values])
    return line + "\n"


class SetWriter:
    """Collects rows (`add`), writes them a chunk at a time, and returns the counts by classification (`finish`).
    A kind declares it as `writer=partial(SetWriter, spec)`."""

    def __init__(self, spec: SetSpec, job):
        batch = job.batch
        self.spec = spec
        self.model, self.key = spec.model, spec.key
        self.batch = batch
        self.reason = job.reason[:100]
        self.written_at = timezone.now()  # one history date for the whole batch, whichever chunk a row is in
        self.dry_run = batch.dry_run
        self.expected_rows = job.expected_rows
        self.table = f"import_rows_{batch.pk}"
        model_columns = {f.name for f in self.model._meta.concrete_fields}
        derived = [name for name in job.fields for name in spec.derived.get(name, ())]
        self.data = [f for f in dict.fromkeys([self.key, *spec.always, *job.fields, *derived]) if f in model_columns]
        texts = {f.name for f in self.model._meta.concrete_fields if not f.null and f.get_internal_type() in TEXTS}
        extra_columns = [column for extra in spec.extras for column in extra.columns]
        # (name, is text) of every value a row brings, in the temporary table's order; the links go last
        self._values = [
            *((name, name in texts) for name in self.data),
            *((column, False) for column in spec.kept),
            *((name, text) for name, _type, text in extra_columns),
        ]
        self.kept = spec.kept
        self.links = spec.links
        self.links_from = spec.links_from
        self.extras = spec.extras
        self._extra_types = {name: sql_type for name, sql_type, _text in extra_columns}
        self.columns = [name for name, _text in self._values] + (["link_ids"] if self.links else [])
        self.postgres = connection.vendor == "postgresql"
        self.chunk = COPY_CHUNK if self.postgres else CHUNK
        self.rows = 0
        self.counts = {"+": 0, "~": 0, "=": 0, **({"links": 0} if self.links else {})}
        self.counts.update({extra.name: 0 for extra in self.extras})
        self.spent: dict[str, float] = defaultdict(float)  # seconds per step over all chunks, logged at the end
        self.bulk = None  # decided on the first chunk
        self._bulk_load = None
        self._classify = True
        self._analyzed = False
        self._buffer = []
        self._started = time.perf_counter()
        self._create()
        self._worker = ChunkWorker(self._write) if self.postgres else None

    @contextmanager
    def _step(self, name: str):
        started = time.perf_counter()
        yield
        self.spent[name] += time.perf_counter() - started

    def _create(self):
        types = {f.name: f.db_type(connection) for f in self.model._meta.concrete_fields}
        types = {name: t.replace(" AUTOINCREMENT", "") for name, t in types.items()}
        types.update({f.column: "bigint" for f in self.model._meta.concrete_fields if f.column in self.kept})
        extra = {"link_ids": "text", **self._extra_types}
        definition = ", ".join(f"{q(c)} {extra.get(c) or types[c]}" for c in self.columns)
        with connection.cursor() as cursor:
            if self.postgres:
                tune_for_bulk_work(cursor)  # a crash loses at most this batch, which is then not done
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [self.model._meta.db_table])
                (self._sequence,) = cursor.fetchone()
            # On PostgreSQL every row is given an id from the register's sequence as it is loaded: a new record
            # keeps it, an existing one's is replaced by the record's own (the sequence skips those numbers).
            record_id = f"bigint DEFAULT nextval('{self._sequence}'::regclass)" if self.postgres else "bigint"
            cursor.execute(f"DROP TABLE IF EXISTS {q(self.table)}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {q(self.table)} ({definition}, record_id {record_id}, "
                "op varchar(1) DEFAULT '+')"
            )

    # --- reading ---------------------------------------------------------------------------------------------

    def add(self, record: dict, row: int = 0):
        get = record.get
        # an empty cell of a text column is "", never NULL
        values = [(get(name) or "") if text else get(name) for name, text in self._values]
        if self.links:
            ids = get(self.links_from)
            values.append(f"[{','.join(map(str, ids))}]" if ids else None)  # a JSON array of ids
        self.rows += 1
        if self.postgres:
            self._buffer.append(copy_line(values))
        else:
            self._buffer.append([v.isoformat() if isinstance(v, date) else v for v in values])
        if len(self._buffer) >= self.chunk:
            self._flush()

    def _flush(self):
        if not self._buffer:
            return
        chunk, self._buffer = self._buffer, []
        if self._worker:
            self._worker.put(chunk)
        elif not connection.in_atomic_block and not self.dry_run:
            # A batch committed a chunk at a time (SQLite: running.py's in_chunks): this chunk and the count of
            # rows written so far, in one short transaction, so that other writers wait a moment at most.
            with transaction.atomic(), connection.cursor() as cursor:
                self._write(cursor, chunk)
                ImportBatch.objects.filter(pk=self.batch.pk).update(written=F("written") + len(chunk))
        else:
            with connection.cursor() as cursor:
                self._write(cursor, chunk)

    def abandon(self):
        self._buffer = []
        if self._worker:
            self._worker.cancel()

    def finish(self, reject=None, written=None) -> dict:
        """Writes what is left, finishes a bulk load, and returns the counts. `written(bulk)` is called once
        every row is written, before a bulk load checks its references. Every row was
        checked before it came here, so none is rejected now."""
        self._flush()
        if self._worker:
            self._worker.close()
        if written:
            written(bool(self.bulk))
        if self._worker:
            with connection.wrap_database_errors:
                self._complete(self._worker.cursor)
            self._worker.cursor.close()
        else:
            with connection.cursor() as cursor:
                self._complete(cursor)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {q(self.table)}")
        counts = dict(self.counts)
        return {"created": counts.pop("+"), "updated": counts.pop("~"), "unchanged": counts.pop("="), **counts}

    def _complete(self, cursor):
        """After the last chunk: the steps' times are logged and a bulk load is finished (its foreign keys
        checked, its search indexes' pending lists merged)."""
        log.info("read, validated and written %d rows: %.2f s", self.rows, time.perf_counter() - self._started)
        for step, seconds in self.spent.items():
            log.info("  of which %s: %.2f s", step, seconds)
        if self._bulk_load is not None:
            self._bulk_load.__exit__(None, None, None)

    # --- writing one chunk ------------------------------------------------------------------------------------

    def _write(self, cursor, chunk: list):
        table = q(self.table)
        with self._step("load"):
            self._load(cursor, chunk)
        ops = {"+": len(chunk)}
        if self._classify:
            with self._step("classify"):
                self._classify_rows(cursor)
                cursor.execute(f"SELECT op, COUNT(*) FROM {table} GROUP BY op")
                ops = dict(cursor.fetchall())
        if not self.dry_run:
            if self.bulk is None:
                self._decide(cursor, len(chunk), ops.get("+", 0))
            self._apply(cursor, ops)
            if self.links:
                with self._step("links"):
                    self.counts["links"] += self._link(cursor, ops)
            for extra in self.extras:
                with self._step(extra.name):
                    self.counts[extra.name] += extra.write(self, cursor, ops)
        for op, count in ops.items():
            self.counts[op] += count
        cursor.execute(f"{'TRUNCATE' if self.postgres else 'DELETE FROM'} {table}")

    def _load(self, cursor, chunk: list):
        names = ", ".join(q(c) for c in self.columns)
        if self.postgres:
            with cursor.copy(f"COPY {q(self.table)} ({names}) FROM STDIN") as copy:
                copy.write("".join(chunk))
            if not self._analyzed:  # the planner's statistics for every chunk (each is planned on its own size)
                cursor.execute(f"ANALYZE {q(self.table)}")
                self._analyzed = True
        else:
            marks = ", ".join(["%s"] * len(self.columns))
            cursor.executemany(f"INSERT INTO {q(self.table)} ({names}) VALUES ({marks})", chunk)

    def _classify_rows(self, cursor):
        table, target, key = q(self.table), q(self.model._meta.db_table), q(self.key)
        changed = " OR ".join(
            [f"m.{q(c)} IS DISTINCT FROM {table}.{q(c)}" for c in self.data if c != self.key]
            + [f"m.{q(c)} IS DISTINCT FROM COALESCE({table}.{q(c)}, m.{q(c)})" for c in self.kept]
        )
        cursor.execute(
            f"UPDATE {table} SET record_id = m.id, op = CASE WHEN {changed} "
            f"THEN '~' ELSE '=' END FROM {target} AS m WHERE m.{key} = {table}.{key}"
        )

    def _decide(self, cursor, rows: int, new: int):
        """Whether this batch is written as a bulk load: PostgreSQL, and the new records expected (the first
        chunk's share of them times the file's rows) at least BULK_LOAD_AT and at least as many as the register
        holds. A register empty before the batch needs no further classification: the file's duplicates are
        refused before they reach the writer (a record added meanwhile by hand under a number of the file makes
        the batch fail on the register's unique key, and nothing is written; started again, it is matched)."""
        self.bulk = False
        if not self.postgres:
            return
        expected = new * max(self.expected_rows, rows) / rows
        if expected < BULK_LOAD_AT:
            return
        cursor.execute(f"SELECT COUNT(*) FROM {q(self.model._meta.db_table)}")
        (existing,) = cursor.fetchone()
        if expected >= existing:
            self.bulk = True
            self._classify = existing > 0
            # the register's rows this batch creates or changes: no one else can delete them before it commits
            own = {self.model._meta.db_table: ("import_batch_id = %s", [self.batch.pk])}
            self._bulk_load = bulk_load(cursor, self._tables(), own)
            self._bulk_load.__enter__()

    def _tables(self) -> list[str]:
        """The tables a batch writes many rows into: the register, its history, its links, and the extras' tables
        with their history."""
        models = [self.model, *(model for extra in self.extras for model in extra.models)]
        tables = [t for model in models for t in (model._meta.db_table, model.history.model._meta.db_table)]
        if self.links:
            tables.append(self.model._meta.get_field(self.links).remote_field.through._meta.db_table)
        return tables

    def _record_columns(self) -> tuple[list[str], list[str], list]:
        """The register's columns but the id, and what a new record takes for each: its column of the temporary
        table `t`, or a parameter (the batch, the source, a default)."""
        inserted, selected, params = [], [], []
        for field in self.model._meta.concrete_fields:
            if field.primary_key:
                continue
            inserted.append(q(field.column))
            if field.name in self.data or field.column in self.kept:
                selected.append(f"t.{q(field.column)}")
            elif field.column == "import_batch_id":
                selected.append("%s")
                params.append(self.batch.pk)
            elif field.name == "source":
                selected.append("%s")
                params.append(self.batch.source[:300])
            else:
                selected.append("%s")
                params.append(field.get_db_prep_save(field.get_default(), connection))
        return inserted, selected, params

    def _apply(self, cursor, ops: dict):
        if ops.get("~"):
            self._update(cursor)
        if ops.get("+"):
            self._insert(cursor)

    def _update(self, cursor):
        """The chunk's changed records: updated, and their history written from the register."""
        table, target = q(self.table), q(self.model._meta.db_table)
        source = self.batch.source[:300]
        history = q(self.model.history.model._meta.db_table)
        sets = ", ".join(
            [f"{q(c)} = t.{q(c)}" for c in self.data if c != self.key]
            + [f"{q(c)} = COALESCE(t.{q(c)}, {target}.{q(c)})" for c in self.kept]
            + [
                "import_batch_id = %s",
                f"source = CASE WHEN %s <> '' THEN %s ELSE {target}.source END",
            ]
        )
        with self._step("update"):
            cursor.execute(
                f"UPDATE {target} SET {sets} FROM {table} AS t WHERE t.record_id = {target}.id AND t.op = '~'",
                [self.batch.pk, source, source],
            )
            fields = [q(f.column) for f in self.model._meta.concrete_fields]
            cursor.execute(
                f"INSERT INTO {history} ({', '.join(fields)}, {HISTORY_MARKS}) "
                f"SELECT {', '.join('m.' + f for f in fields)}, %s, %s, '~', %s "
                f"FROM {table} AS t JOIN {target} AS m ON m.id = t.record_id WHERE t.op = '~'",
                self._stamp(),
            )

    def stamp(self) -> list:
        """The history marks of this batch's rows: date, change reason, user (after HISTORY_MARKS' type)."""
        return self._stamp()

    def _stamp(self) -> list:
        return [self.written_at, self.reason, self.batch.user_id]

    def _insert(self, cursor):
        """The chunk's new records, and their history written from the temporary table."""
        table, target, key = q(self.table), q(self.model._meta.db_table), q(self.key)
        history = q(self.model.history.model._meta.db_table)
        inserted, selected, params = self._record_columns()
        with self._step("insert"):
            if self.postgres:  # the ids were given as the rows were loaded
                cursor.execute(
                    f"INSERT INTO {target} (id, {', '.join(inserted)}) SELECT t.record_id, {', '.join(selected)} "
                    f"FROM {table} AS t WHERE t.op = '+'",
                    params,
                )
            else:
                cursor.execute(
                    f"INSERT INTO {target} ({', '.join(inserted)}) SELECT {', '.join(selected)} FROM {table} AS t "
                    f"WHERE t.op = '+'",
                    params,
                )
                cursor.execute(
                    f"UPDATE {table} SET record_id = (SELECT m.id FROM {target} AS m WHERE m.{key} = {table}.{key}) "
                    f"WHERE op = '+'"
                )
        with self._step("history"):
            cursor.execute(
                f"INSERT INTO {history} (id, {', '.join(inserted)}, {HISTORY_MARKS}) SELECT t.record_id, "
                f"{', '.join(selected)}, %s, %s, '+', %s FROM {table} AS t WHERE t.op = '+'",
                [*params, *self._stamp()],
            )

    def _link(self, cursor, ops: dict) -> int:
        """Links of the chunk's records: all of a new record's, and those an existing record lacks."""
        field = self.model._meta.get_field(self.links)
        through = q(field.remote_field.through._meta.db_table)
        own, other = q(field.m2m_column_name()), q(field.m2m_reverse_name())
        table = q(self.table)
        if self.postgres:
            elements, value = "jsonb_array_elements_text(t.link_ids::jsonb) AS h(value)", "h.value::bigint"
        else:
            elements, value = "json_each(t.link_ids) AS h", "h.value"
        select = f"SELECT DISTINCT t.record_id, {value} FROM {table} AS t CROSS JOIN {elements}"
        added = 0
        if ops.get("+"):
            cursor.execute(
                f"INSERT INTO {through} ({own}, {other}) {select} WHERE t.link_ids IS NOT NULL AND t.op = '+'"
            )
            added += max(cursor.rowcount, 0)
        if not (ops.get("~") or ops.get("=")):
            return added
        cursor.execute(
            f"INSERT INTO {through} ({own}, {other}) {select} WHERE t.link_ids IS NOT NULL AND t.op <> '+' AND "
            f"NOT EXISTS (SELECT 1 FROM {through} AS x WHERE x.{own} = t.record_id AND x.{other} = {value})"
        )
        return added + max(cursor.rowcount, 0)
