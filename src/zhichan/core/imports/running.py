"""Importing a file: read, map headers by profile, check every row, write by the kind's writer.

`run_import(batch, path)` does it all for one ImportBatch and fills in its counts and rejected rows. Accepted
rows are applied and every rejected row is reported (a file that cannot be read at all changes nothing). The
batch's last rows, its outcome and the end of its task are committed in one transaction (`finished`).
The kind (kinds.py) is the one named on the batch; profiles: profiles.py and data/import-profiles/; rules and
formats: docs/imports.md.
"""

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from ..messages import Message, gettext_key, joined, key_of
from ..models import ImportBatch, ImportRejection, ImportState
from .bulk import timed
from .errors import FileRejected, RowRejected
from .kinds import ImportKind, WriteJob, find_kind
from .profiles import detect, ignored_headers, known_headers
from .reading import open_table
from .remarks import Remarks
from .rows import REMARKS, RowReader

PROGRESS_EVERY = 20_000


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)[:1000]


def run_import(batch: ImportBatch, path, progress=None, limit: int | None = None, finished=None) -> ImportBatch:
    """Import `path` into the register of `batch.kind`; returns the batch with its outcome saved.

    `finished(batch)`, if given, is called in the transaction that writes the batch's outcome (and its last
    rows), so that whatever it records about the end (a task's progress) is committed with them or not at all."""
    with override(batch.language or None):
        return _run(batch, path, progress, limit, finished)


def in_chunks(batch: ImportBatch) -> bool:
    """Whether the batch is committed a chunk at a time: on SQLite, where one long transaction would keep every
    other writer (the web, the task queue) waiting on the database's single write lock. A batch run inside a
    transaction of its caller stays in it. Elsewhere the batch is one transaction: all of it or nothing."""
    return connection.vendor == "sqlite" and not batch.dry_run and not connection.in_atomic_block


def _run(batch, path, progress, limit, finished):
    batch.state, batch.started, batch.written = ImportState.RUNNING, timezone.now(), 0
    batch.save(update_fields=["state", "started", "written"])
    rejections: list[ImportRejection] = []
    try:
        kind = find_kind(batch.kind)
        if kind is None:  # the app that declared it is no longer installed
            raise FileRejected(gettext_key("No installed module imports this kind of record."))
        headers, rows, expected_rows = open_table(path, known_headers(batch.kind), limit)
        profile, columns = detect(batch.kind, headers, batch.profile)
        batch.profile = profile.name
        header_of = {name: headers[index] for name, index in columns.items()}
        every = {name: found for name, found in profile.match_all(headers).items() if name in kind.fields}
        alternates = {name: found[1:] for name, found in every.items() if len(found) > 1}
        remarks = Remarks(ignored_headers(headers, every))

        def reject(row, field, value, reason, column=None):
            # Only rejected rows come here: the reason is kept as its key (a Message) and as text in the
            # language of the import, the text being what a reader sees when the key no longer renders.
            label = None if field in header_of else kind.labels.get(field)
            shown = headers[column] if column is not None and column < len(headers) else header_of.get(field)
            rejections.append(
                ImportRejection(
                    batch=batch,
                    row=row,
                    field=shown or str(label or field),
                    field_key=key_of(label) or None,
                    value=_shown(value),
                    reason=str(reason),
                    reason_key=key_of(reason) or None,
                )
            )

        # One transaction for the whole batch, or (in_chunks) one per chunk of rows, the last chunk's being the
        # one below. Either way the last rows, the batch's outcome and `finished` commit together.
        with timed("read, write and commit"):
            if in_chunks(batch):
                writer, count = _read(
                    kind, batch, rows, expected_rows, (columns, alternates), reject, remarks, progress
                )
                with transaction.atomic():
                    counts = _write(writer, count, reject, progress)
                    _conclude(batch, counts, rejections, kind, finished, remarks)
            else:
                with transaction.atomic():
                    with transaction.atomic():  # a savepoint: what a preview wrote is undone
                        writer, count = _read(
                            kind, batch, rows, expected_rows, (columns, alternates), reject, remarks, progress
                        )
                        counts = _write(writer, count, reject, progress)
                        if batch.dry_run:
                            transaction.set_rollback(True)
                    _conclude(batch, counts, rejections, kind, finished, remarks)
    except FileRejected as error:
        batch.state, batch.message, batch.message_key = ImportState.FAILED, error.message, error.key
        batch.finished, batch.file_refused = timezone.now(), True
        batch.save()
        return batch
    except Exception as error:  # a database error: the batch's transaction is rolled back, the batch says so
        written = ImportBatch.objects.filter(pk=batch.pk).values_list("written", flat=True).first() or 0
        if written:
            message = _("Failed after %(written)d rows had been written (they are kept): %(error)s") % {
                "written": written,
                "error": error,
            }
        else:
            message = _("Failed, nothing was changed: %(error)s") % {"error": error}
        ImportBatch.objects.filter(pk=batch.pk).exclude(state=ImportState.DONE).update(
            state=ImportState.FAILED, finished=timezone.now(), message=message
        )
        raise
    return batch


def _conclude(batch, counts, rejections, kind, finished, remarks=None):
    """The batch's outcome, its rejected rows and `finished`: in the transaction of its last rows."""
    batch.rows = counts["rows"]
    batch.created_count, batch.updated_count = counts["created"], counts["updated"]
    batch.unchanged_count = counts["unchanged"]
    batch.rejected_count = len({r.row for r in rejections})
    batch.state, batch.finished = ImportState.DONE, timezone.now()
    outcome = summary(batch, counts, kind, remarks)
    batch.message, batch.message_key = str(outcome), outcome.as_key()
    batch.written = ImportBatch.objects.filter(pk=batch.pk).values_list("written", flat=True).first() or 0
    batch.save()
    ImportRejection.objects.bulk_create(rejections, batch_size=5000)
    if finished is not None:
        finished(batch)


def _read(kind: ImportKind, batch, rows, expected_rows, mapping, reject, remarks, progress):
    """Reads and checks every row and hands the accepted ones to the kind's writer, which writes them a chunk
    at a time; returns the writer, with the last chunk still to write, and the count of rows read. `mapping` is
    (field → column, field → further columns); the accepted rows' remarks go to `remarks`."""
    columns, alternates = mapping
    helpers = kind.helpers() if kind.helpers else None
    reader = RowReader(kind, columns, helpers, alternates)
    reason = _("import batch %(id)d") % {"id": batch.pk}
    writer = kind.writer(WriteJob(kind, list(columns), batch, reason, expected_rows, helpers))
    add = writer.add
    seen: dict[tuple, int] = {}
    count = 0
    key_field = reader.key
    try:
        for number, cells in rows:
            if not any(cells) and all(cell is None or cell == "" for cell in cells):  # 0 and False are values
                continue
            count += 1
            try:
                record = reader(cells)
            except RowRejected as error:
                for field, value, message in error.errors:
                    reject(number, field, value, message, reader.column_of(field))
                continue
            noted = record.pop(REMARKS, None)
            key = key_field(record)
            first = seen.get(key)
            if first is not None:
                reject(
                    number,
                    kind.key_field,
                    key[-1],
                    Message(
                        gettext_noop("The same record as row %(row)d; only the first is imported."), {"row": first}
                    ),
                )
                continue
            seen[key] = number
            if noted:
                remarks.add(number, noted)
            add(record, number)
            if progress and count % PROGRESS_EVERY == 0:
                progress(count, 0, _("%(count)d rows read") % {"count": count})
    except BaseException:
        writer.abandon()
        raise
    return writer, count


def _write(writer, count: int, reject, progress) -> dict:
    """The writer's last rows, and what it has still to do; returns the counts."""
    if progress:
        progress(count, count, _("Writing %(count)d rows …") % {"count": writer.rows})

    def written(bulk: bool):
        if progress and bulk:
            progress(count, count, _("Checking references and completing the search indexes …"))

    try:
        counts = writer.finish(reject, written)
    except BaseException:
        writer.abandon()
        raise
    counts["rows"] = count
    return counts


def summary(batch: ImportBatch, counts: dict, kind: ImportKind | None = None, remarks=None) -> Message:
    """The outcome as a catalogue key and its counts: each reader reads it in their own language; then the
    kind's own sentence (events added …), the columns no field took and the remarks on accepted rows."""
    values = {
        "rows": batch.rows,
        "created": batch.created_count,
        "updated": batch.updated_count,
        "unchanged": batch.unchanged_count,
        "rejected": batch.rejected_count,
    }
    if batch.dry_run:
        text = Message(
            gettext_noop(
                "Preview, nothing was changed: %(rows)d rows read; %(created)d would be created, %(updated)d updated, "
                "%(unchanged)d are unchanged, %(rejected)d rows would be rejected."
            ),
            values,
        )
    else:
        text = Message(
            gettext_noop(
                "%(rows)d rows read: %(created)d created, %(updated)d updated, %(unchanged)d unchanged; "
                "%(rejected)d rows rejected and not imported (the other rows were imported)."
            ),
            values,
        )
    added = kind.outcome(counts) if kind is not None and kind.outcome else None
    parts = [text, *([added] if added else []), *(remarks.sentences() if remarks is not None else [])]
    return joined(parts) if len(parts) > 1 else text
