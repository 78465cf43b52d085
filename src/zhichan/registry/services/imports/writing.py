"""Writing validated rows set-based: a temporary table, then a handful of statements for the whole batch.

The rows go into a temporary table (COPY on PostgreSQL, executemany on SQLite). Then, on both databases with
the same SQL: each row is classified against the register by its natural key (new `+`, changed `~`, unchanged
`=`); changed records are updated and new ones inserted; a history row is written for each (simple-history's
table, history_type `+` or `~`, the batch named as the change reason); holder links and patent legal-status
events are added where missing. A dry run stops after the classification. Nothing here runs a query per row.
"""

import json
import logging
import time
from datetime import date

from django.db import connection
from django.utils import timezone

from ...models import Copyright, Patent, PatentEvent, Trademark
from .bulk import bulk_load, q, timed

SPECS = {
    "patent": (Patent, "application_number", "holders"),
    "trademark": (Trademark, "registration_number", "holders"),
    "copyright": (Copyright, "registration_number", "owners"),
}
# Columns that come with every row of a kind, whatever the file holds (derived from the number or the rules).
ALWAYS = {"patent": ("patent_type",), "trademark": ("madrid",), "copyright": ("kind",)}
EVENT_COLUMNS = ("event_kind", "event_date", "event_text")
CHUNK = 5000  # rows per executemany on SQLite
COPY_CHUNK = 50_000  # rows per COPY on PostgreSQL
TEXTS = ("CharField", "TextField")
# Columns filled from another field: the main IPC code is the first code; a trademark's term gives its dates.
DERIVED = {"ipc_codes": ("main_ipc",), "term": ("registration_date", "expiry_date")}
PG_SETTINGS = {
    "work_mem": "256MB",
    "maintenance_work_mem": "256MB",
    "gin_pending_list_limit": "64MB",
    "synchronous_commit": "off",
}
# A batch that creates at least this many records, and at least as many as the register already holds, is
# written as a bulk load (bulk.py): the indexes of the tables it fills are built once after writing, and their
# foreign keys checked once per constraint where the role may. docs/imports.md (How it is fast).
DEFER_INDEXES_AT = 100_000
log = logging.getLogger("zhichan.imports")


COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_value(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, date):
        return value.isoformat()
    return str(value).translate(COPY_ESCAPES)


def copy_line(values: list) -> str:
    """A row in COPY's text format. Most rows hold no tab, newline, carriage return or backslash: their text cells
    are joined as they are, and only the other values (dates, numbers, NULL) are converted one by one."""
    line = "\t".join([v if v.__class__ is str else copy_value(v) for v in values])
    if (
        line.count("\t") != len(values) - 1
        or line.count("\\") != values.count(None)  # each NULL is written \N
        or "\n" in line
        or "\r" in line
    ):
        line = "\t".join([copy_value(v) for v in values])
    return line + "\n"


class SetWriter:
    """Collects rows (`add`) and applies them in `finish`, which returns the counts by classification."""

    def __init__(self, kind: str, fields: list[str], batch, reason: str):
        self.kind = kind
        self.model, self.key, self.many = SPECS[kind]
        self.batch = batch
        self.reason = reason
        self.table = f"import_rows_{batch.pk}"
        model_columns = {f.name for f in self.model._meta.concrete_fields}
        derived = [name for field in fields for name in DERIVED.get(field, ())]
        self.data = [f for f in dict.fromkeys([self.key, *ALWAYS[kind], *fields, *derived]) if f in model_columns]
        texts = {f.name for f in self.model._meta.concrete_fields if not f.null and f.get_internal_type() in TEXTS}
        self._not_null = [index for index, name in enumerate(self.data) if name in texts]
        self.events = kind == "patent"
        self.columns = [*self.data, "region_id", "holder_ids", *(EVENT_COLUMNS if self.events else ())]
        self.postgres = connection.vendor == "postgresql"
        self._buffer = []
        self._done_loading = False
        self.rows = 0
        self._started = time.perf_counter()
        self._create()

    # --- loading -----------------------------------------------------------------------------------------

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
            cursor.execute(f"DROP TABLE IF EXISTS {q(self.table)}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {q(self.table)} ({definition}, existing_id bigint, op varchar(1) DEFAULT '+')"
            )

    def add(self, record: dict):
        holders = record.get("holder_ids")
        values = [record.get(c) for c in self.data]
        for index in self._not_null:  # an empty cell of a text column is "", never NULL
            if values[index] is None:
                values[index] = ""
        values.append(record.get("region_id"))
        values.append(json.dumps(list(holders)) if holders else None)
        if self.events:
            values += [record.get("event_kind") or "", record.get("event_date"), record.get("event_text") or ""]
        self.rows += 1
        if self.postgres:
            self._buffer.append(copy_line(values))
            if len(self._buffer) >= COPY_CHUNK:
                self._flush()
            return
        values = [v.isoformat() if isinstance(v, date) else v for v in values]
        self._buffer.append(values)
        if len(self._buffer) >= CHUNK:
            self._flush()

    def _flush(self):
        """Send the buffered rows: one COPY of one text buffer (PostgreSQL) or one executemany (SQLite). Between
        two flushes the connection is free, so the progress of the batch can be written while the file is read."""
        if not self._buffer:
            return
        names = ", ".join(q(c) for c in self.columns)
        with connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f"COPY {q(self.table)} ({names}) FROM STDIN") as copy:
                    copy.write("".join(self._buffer))
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(f"INSERT INTO {q(self.table)} ({names}) VALUES ({marks})", self._buffer)
        self._buffer = []

    def loaded(self):
        """All rows are in the temporary table."""
        if self._done_loading:
            return
        self._done_loading = True
        self._flush()
        if self.postgres:
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {q(self.table)}")
        log.info("read, validated and loaded %d rows: %.2f s", self.rows, time.perf_counter() - self._started)

    def abandon(self):
        self._buffer = []

    # --- applying --------------------------------------------------------------------------------------------

    def finish(self, dry_run: bool) -> dict:
        self.loaded()
        table, target, key = q(self.table), q(self.model._meta.db_table), q(self.key)
        compared = [c for c in self.data if c != self.key]
        changed = " OR ".join(
            [f"m.{q(c)} IS DISTINCT FROM {table}.{q(c)}" for c in compared]
            + [f"m.region_id IS DISTINCT FROM COALESCE({table}.region_id, m.region_id)"]
        )
        result = {"links": 0, "events": 0}
        if self.postgres:
            with connection.cursor() as cursor:
                # For this transaction only: room for the joins and for the trigram indexes' pending lists, and
                # no wait for the WAL flush at commit (a crash loses at most this batch, which is then not done).
                for setting, value in PG_SETTINGS.items():
                    cursor.execute("SELECT set_config(%s, %s, true)", [setting, value])
        with connection.cursor() as cursor, timed("classify"):
            cursor.execute(
                f"UPDATE {table} SET existing_id = m.id, op = CASE WHEN {changed} "
                f"THEN '~' ELSE '=' END FROM {target} AS m WHERE m.{key} = {table}.{key}"
            )
        with connection.cursor() as cursor:
            if not dry_run:
                if self._bulk(cursor):
                    with bulk_load(cursor, self._tables()):
                        self._apply(cursor, compared)
                        with timed("analyze"):
                            # The register at least doubled: the joins that link holders and add events are
                            # planned on its new size, not on the statistics of before.
                            cursor.execute(f"ANALYZE {target}")
                        self._link_and_add_events(cursor, result)
                else:
                    self._apply(cursor, compared)
                    self._link_and_add_events(cursor, result)
            cursor.execute(f"SELECT op, COUNT(*) FROM {table} GROUP BY op")
            counts = dict(cursor.fetchall())
            cursor.execute(f"DROP TABLE {table}")
        result.update(created=counts.get("+", 0), updated=counts.get("~", 0), unchanged=counts.get("=", 0))
        return result

    def _link_and_add_events(self, cursor, result: dict):
        with timed("holders"):
            result["links"] = self._link(cursor)
        if self.events:
            with timed("events"):
                result["events"] = self._add_events(cursor)

    def _tables(self) -> list[str]:
        """The tables a batch writes many rows into: the register, its history, its holder links, and for patents
        their events and the events' history."""
        models = [self.model, *([PatentEvent] if self.events else [])]
        links = self.model._meta.get_field(self.many).remote_field.through._meta.db_table
        return [t for model in models for t in (model._meta.db_table, model.history.model._meta.db_table)] + [links]

    def _bulk(self, cursor) -> bool:
        """Whether this batch is written as a bulk load: PostgreSQL, at least DEFER_INDEXES_AT new
        records, and at least as many as the register holds (the batch at least doubles it)."""
        if not self.postgres:
            return False
        cursor.execute(f"SELECT COUNT(*) FROM {q(self.table)} WHERE op = '+'")
        (created,) = cursor.fetchone()
        if created < DEFER_INDEXES_AT:
            return False
        cursor.execute(f"SELECT COUNT(*) FROM {q(self.model._meta.db_table)}")
        (existing,) = cursor.fetchone()
        return created >= existing

    def _apply(self, cursor, compared):
        table, target, key = q(self.table), q(self.model._meta.db_table), q(self.key)
        sets = ", ".join(
            [f"{q(c)} = t.{q(c)}" for c in compared]
            + [
                f"region_id = COALESCE(t.region_id, {target}.region_id)",
                "import_batch_id = %s",
                f"source = CASE WHEN %s <> '' THEN %s ELSE {target}.source END",
            ]
        )
        source = self.batch.source[:300]
        with timed("update"):
            cursor.execute(
                f"UPDATE {target} SET {sets} FROM {table} AS t WHERE t.existing_id = {target}.id AND t.op = '~'",
                [self.batch.pk, source, source],
            )
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
                params.append(source)
            else:
                selected.append("%s")
                params.append(field.get_db_prep_save(field.get_default(), connection))
        with timed("insert"):
            cursor.execute(
                f"INSERT INTO {target} ({', '.join(inserted)}) SELECT {', '.join(selected)} FROM {table} AS t "
                f"WHERE t.op = '+'",
                params,
            )
        history = self.model.history.model
        fields = [q(f.column) for f in self.model._meta.concrete_fields]
        with timed("history"):
            cursor.execute(
                f"INSERT INTO {q(history._meta.db_table)} ({', '.join(fields)}, history_date, "
                f"history_change_reason, history_type, history_user_id) "
                f"SELECT {', '.join('m.' + f for f in fields)}, %s, %s, t.op, %s "
                f"FROM {table} AS t JOIN {target} AS m ON m.{key} = t.{key} WHERE t.op IN ('+', '~')",
                [timezone.now(), self.reason[:100], self.batch.user_id],
            )

    def _link(self, cursor) -> int:
        field = self.model._meta.get_field(self.many)
        through = field.remote_field.through._meta
        own = q(field.m2m_column_name())
        other = q(field.m2m_reverse_name())
        table, target, key = q(self.table), q(self.model._meta.db_table), q(self.key)
        if self.postgres:
            elements = "jsonb_array_elements_text(t.holder_ids::jsonb) AS h(value)"
            value = "h.value::bigint"
        else:
            elements = "json_each(t.holder_ids) AS h"
            value = "h.value"
        cursor.execute(
            f"INSERT INTO {q(through.db_table)} ({own}, {other}) SELECT DISTINCT m.id, {value} "
            f"FROM {table} AS t JOIN {target} AS m ON m.{key} = t.{key} CROSS JOIN {elements} "
            f"WHERE t.holder_ids IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {q(through.db_table)} AS x "
            f"WHERE x.{own} = m.id AND x.{other} = {value})"
        )
        return max(cursor.rowcount, 0)

    def _add_events(self, cursor) -> int:
        table, key = q(self.table), q(self.key)
        events = q(PatentEvent._meta.db_table)
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {events}")
        (before,) = cursor.fetchone()
        cursor.execute(
            f"INSERT INTO {events} (patent_id, date, kind, text) SELECT DISTINCT m.id, t.event_date, t.event_kind, "
            f"t.event_text FROM {table} AS t JOIN registry_patent AS m ON m.{key} = t.{key} "
            f"WHERE t.event_kind <> '' AND NOT EXISTS (SELECT 1 FROM {events} AS e WHERE e.patent_id = m.id "
            f"AND e.kind = t.event_kind AND e.date = t.event_date)"
        )
        added = max(cursor.rowcount, 0)
        if added:
            history = q(PatentEvent.history.model._meta.db_table)
            cursor.execute(
                f"INSERT INTO {history} (id, patent_id, date, kind, text, history_date, history_change_reason, "
                f"history_type, history_user_id) SELECT e.id, e.patent_id, e.date, e.kind, e.text, %s, %s, '+', %s "
                f"FROM {events} AS e WHERE e.id > %s",
                [timezone.now(), self.reason[:100], self.batch.user_id, before],
            )
        return added
