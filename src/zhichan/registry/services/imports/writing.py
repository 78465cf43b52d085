"""Writing validated rows set-based, chunk by chunk: a temporary table, then a handful of statements per chunk.

Rows are collected into chunks (50,000 on PostgreSQL, 5,000 on SQLite). Each chunk goes into a temporary table
(COPY on PostgreSQL, executemany on SQLite) and is then applied with the same SQL on both databases: each row is
classified against the register by its natural key (new `+`, changed `~`, unchanged `=`); new records are
inserted with their ids given beforehand (from the sequence on PostgreSQL), so their history rows, holder links
and events are written from the temporary table without looking the records up again; changed records are
updated and their history written from the register; holder links and patent legal-status events are added
where missing. A history row names the batch as the change reason. A dry run stops after the classification.
On PostgreSQL the chunks are written by a worker thread (chunks.py) while the next rows are read, and a batch
that will at least double a large register is written as a bulk load (bulk.py). Nothing here runs a query per
row.
"""

import logging
import time
from collections import defaultdict
from contextlib import contextmanager
from datetime import date

from django.db import connection
from django.utils import timezone

from ...models import Copyright, Patent, PatentEvent, Trademark
from .bulk import bulk_load, q
from .chunks import ChunkWorker

SPECS = {
    "patent": (Patent, "application_number", "holders"),
    "trademark": (Trademark, "registration_number", "holders"),
    "copyright": (Copyright, "registration_number", "owners"),
}
# Columns that come with every row of a kind, whatever the file holds (derived from the number or the rules).
ALWAYS = {"patent": ("patent_type",), "trademark": ("madrid",), "copyright": ("kind",)}
EVENT_COLUMNS = ("event_kind", "event_date", "event_text")
CHUNK = 5000  # rows per chunk on SQLite
COPY_CHUNK = 50_000  # rows per chunk on PostgreSQL
TEXTS = ("CharField", "TextField")
# Columns filled from another field: the main IPC code is the first code; a trademark's term gives its dates.
DERIVED = {"ipc_codes": ("main_ipc",), "term": ("registration_date", "expiry_date")}
PG_SETTINGS = {
    "work_mem": "256MB",
    "maintenance_work_mem": "256MB",
    "gin_pending_list_limit": "64MB",
    "synchronous_commit": "off",
}
# A batch expected to create at least this many records, and at least as many as the register already holds,
# is written as a bulk load (bulk.py): the indexes of the tables it fills are built once after writing, and
# their foreign keys checked once per constraint where the role may. The expectation is the share of new records
# in the first chunk times the rows of the file. docs/imports.md (How it is fast).
DEFER_INDEXES_AT = 100_000
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
    """Collects rows (`add`), writes them a chunk at a time, and returns the counts by classification (`finish`)."""

    def __init__(self, kind: str, fields: list[str], batch, reason: str, expected_rows: int = 0):
        self.kind = kind
        self.model, self.key, self.many = SPECS[kind]
        self.batch = batch
        self.reason = reason[:100]
        self.written_at = timezone.now()  # one history date for the whole batch, whichever chunk a row is in
        self.dry_run = batch.dry_run
        self.expected_rows = expected_rows
        self.table = f"import_rows_{batch.pk}"
        model_columns = {f.name for f in self.model._meta.concrete_fields}
        derived = [name for field in fields for name in DERIVED.get(field, ())]
        self.data = [f for f in dict.fromkeys([self.key, *ALWAYS[kind], *fields, *derived]) if f in model_columns]
        texts = {f.name for f in self.model._meta.concrete_fields if not f.null and f.get_internal_type() in TEXTS}
        self._values = [(name, name in texts) for name in self.data]
        self.events = kind == "patent"
        self.columns = [*self.data, "region_id", "holder_ids", *(EVENT_COLUMNS if self.events else ())]
        self.postgres = connection.vendor == "postgresql"
        self.chunk = COPY_CHUNK if self.postgres else CHUNK
        self.rows = 0
        self.counts = {"+": 0, "~": 0, "=": 0, "links": 0, "events": 0}
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
        extra = {
            "region_id": "bigint",
            "holder_ids": "text",
            "event_kind": "varchar(30)",
            "event_date": "date",
            "event_text": "varchar(500)",
        }
        definition = ", ".join(f"{q(c)} {extra.get(c) or types[c]}" for c in self.columns)
        with connection.cursor() as cursor:
            if self.postgres:
                # For this transaction only: room for the joins and for the trigram indexes' pending lists, and
                # no wait for the WAL flush at commit (a crash loses at most this batch, which is then not done).
                for setting, value in PG_SETTINGS.items():
                    cursor.execute("SELECT set_config(%s, %s, true)", [setting, value])
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

    def add(self, record: dict):
        get = record.get
        holders = get("holder_ids")
        # an empty cell of a text column is "", never NULL
        values = [(get(name) or "") if text else get(name) for name, text in self._values]
        values.append(get("region_id"))
        values.append(f"[{','.join(map(str, holders))}]" if holders else None)  # a JSON array of ids
        if self.events:
            values += [get("event_kind") or "", get("event_date"), get("event_text") or ""]
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
        else:
            with connection.cursor() as cursor:
                self._write(cursor, chunk)

    def abandon(self):
        self._buffer = []
        if self._worker:
            self._worker.cancel()

    def finish(self, completing=None) -> dict:
        """Writes what is left, finishes a bulk load, and returns the counts. `completing(bulk)` is called once
        every row is written, before a bulk load checks its references and builds its indexes."""
        self._flush()
        if self._worker:
            self._worker.close()
        if completing:
            completing(bool(self.bulk))
        if self._worker:
            with connection.wrap_database_errors:
                self._complete(self._worker.cursor)
            self._worker.cursor.close()
        else:
            with connection.cursor() as cursor:
                self._complete(cursor)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {q(self.table)}")
        counts = self.counts
        return {
            "created": counts["+"],
            "updated": counts["~"],
            "unchanged": counts["="],
            "links": counts["links"],
            "events": counts["events"],
        }

    def _complete(self, cursor):
        """After the last chunk: the steps' times are logged and a bulk load is finished (its foreign keys
        checked, its indexes built)."""
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
            with self._step("holders"):
                self.counts["links"] += self._link(cursor, ops)
            if self.events:
                with self._step("events"):
                    self.counts["events"] += self._add_events(cursor, ops)
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
            + [f"m.region_id IS DISTINCT FROM COALESCE({table}.region_id, m.region_id)"]
        )
        cursor.execute(
            f"UPDATE {table} SET record_id = m.id, op = CASE WHEN {changed} "
            f"THEN '~' ELSE '=' END FROM {target} AS m WHERE m.{key} = {table}.{key}"
        )

    def _decide(self, cursor, rows: int, new: int):
        """Whether this batch is written as a bulk load: PostgreSQL, and the new records expected (the first
        chunk's share of them times the file's rows) at least DEFER_INDEXES_AT and at least as many as the
        register holds. A register empty before the batch needs no further classification: the file's
        duplicates are refused before they reach the writer, and the bulk load locks the register."""
        self.bulk = False
        if not self.postgres:
            return
        expected = new * max(self.expected_rows, rows) / rows
        if expected < DEFER_INDEXES_AT:
            return
        cursor.execute(f"SELECT COUNT(*) FROM {q(self.model._meta.db_table)}")
        (existing,) = cursor.fetchone()
        if expected >= existing:
            self.bulk = True
            self._classify = existing > 0
            self._bulk_load = bulk_load(cursor, self._tables())
            self._bulk_load.__enter__()

    def _tables(self) -> list[str]:
        """The tables a batch writes many rows into: the register, its history, its holder links, and for patents
        their events and the events' history."""
        models = [self.model, *([PatentEvent] if self.events else [])]
        links = self.model._meta.get_field(self.many).remote_field.through._meta.db_table
        return [t for model in models for t in (model._meta.db_table, model.history.model._meta.db_table)] + [links]

    def _record_columns(self) -> tuple[list[str], list[str], list]:
        """The register's columns but the id, and what a new record takes for each: its column of the temporary
        table `t`, or a parameter (the batch, the source, a default)."""
        inserted, selected, params = [], [], []
        for field in self.model._meta.concrete_fields:
            if field.primary_key:
                continue
            inserted.append(q(field.column))
            if field.name in self.data or field.column == "region_id":
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
            + [
                f"region_id = COALESCE(t.region_id, {target}.region_id)",
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
        """Holder links of the chunk's records: all of a new record's, and those an existing record lacks."""
        field = self.model._meta.get_field(self.many)
        through = q(field.remote_field.through._meta.db_table)
        own, other = q(field.m2m_column_name()), q(field.m2m_reverse_name())
        table = q(self.table)
        if self.postgres:
            elements, value = "jsonb_array_elements_text(t.holder_ids::jsonb) AS h(value)", "h.value::bigint"
        else:
            elements, value = "json_each(t.holder_ids) AS h", "h.value"
        select = f"SELECT DISTINCT t.record_id, {value} FROM {table} AS t CROSS JOIN {elements}"
        added = 0
        if ops.get("+"):
            cursor.execute(
                f"INSERT INTO {through} ({own}, {other}) {select} WHERE t.holder_ids IS NOT NULL AND t.op = '+'"
            )
            added += max(cursor.rowcount, 0)
        if not (ops.get("~") or ops.get("=")):
            return added
        cursor.execute(
            f"INSERT INTO {through} ({own}, {other}) {select} WHERE t.holder_ids IS NOT NULL AND t.op <> '+' AND "
            f"NOT EXISTS (SELECT 1 FROM {through} AS x WHERE x.{own} = t.record_id AND x.{other} = {value})"
        )
        return added + max(cursor.rowcount, 0)

    def _add_events(self, cursor, ops: dict) -> int:
        """The chunk's legal-status events: every one of a new patent's, and those an existing patent lacks; each
        with its history row."""
        table = q(self.table)
        events = q(PatentEvent._meta.db_table)
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {events}")
        (before,) = cursor.fetchone()
        select = (
            f"INSERT INTO {events} (patent_id, date, kind, text) SELECT t.record_id, t.event_date, "
            f"t.event_kind, t.event_text FROM {table} AS t WHERE t.event_kind <> ''"
        )
        added = 0
        if ops.get("+"):
            cursor.execute(f"{select} AND t.op = '+'")
            added += max(cursor.rowcount, 0)
        if ops.get("~") or ops.get("="):
            cursor.execute(
                f"{select} AND t.op <> '+' AND NOT EXISTS (SELECT 1 FROM {events} AS e "
                f"WHERE e.patent_id = t.record_id AND e.kind = t.event_kind AND e.date = t.event_date)"
            )
            added += max(cursor.rowcount, 0)
        if added:
            history = q(PatentEvent.history.model._meta.db_table)
            cursor.execute(
                f"INSERT INTO {history} (id, patent_id, date, kind, text, {HISTORY_MARKS}) "
                f"SELECT e.id, e.patent_id, e.date, e.kind, e.text, %s, %s, '+', %s FROM {events} AS e WHERE e.id > %s",
                [*self._stamp(), before],
            )
        return added
