"""Importing a file: read, map headers by profile, check every row, write by the kind's writer.

`run_import(batch, path)` does it all for one ImportBatch and fills in its counts and rejected rows. Accepted
rows are applied and every rejected row is reported (a file that cannot be read at all changes nothing).
The kind (kinds.py) is the one named on the batch; profiles: profiles.py and data/import-profiles/; rules and
formats: docs/imports.md.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from ..messages import Message, gettext_key, joined, key_of
from ..models import ImportBatch, ImportRejection, ImportState
from .bulk import timed
from .errors import FileRejected, RowRejected
from .kinds import ImportKind, WriteJob, find_kind
from .profiles import detect, known_headers
from .reading import open_table
from .rows import RowReader

PROGRESS_EVERY = 20_000


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)[:1000]


def run_import(batch: ImportBatch, path, progress=None, limit: int | None = None) -> ImportBatch:
    """Import `path` into the register of `batch.kind`; returns the batch with its outcome saved."""
    with override(batch.language or None):
        return _run(batch, path, progress, limit)


def _run(batch, path, progress, limit):
    batch.state, batch.started = ImportState.RUNNING, timezone.now()
    batch.save(update_fields=["state", "started"])
    rejections: list[ImportRejection] = []
    try:
        kind = find_kind(batch.kind)
        if kind is None:  # the app that declared it is no longer installed
            raise FileRejected(gettext_key("No installed module imports this kind of record."))
        headers, rows, expected_rows = open_table(path, known_headers(batch.kind), limit)
        profile, columns = detect(batch.kind, headers, batch.profile)
        batch.profile = profile.name
        header_of = {name: headers[index] for name, index in columns.items()}

        def reject(row, field, value, reason):
            # Only rejected rows come here: the reason is kept as its key (a Message) and as text in the
            # language of the import, the text being what a reader sees when the key no longer renders.
            label = None if field in header_of else kind.labels.get(field)
            rejections.append(
                ImportRejection(
                    batch=batch,
                    row=row,
                    field=header_of.get(field) or str(label or field),
                    field_key=key_of(label) or None,
                    value=_shown(value),
                    reason=str(reason),
                    reason_key=key_of(reason) or None,
                )
            )

        with timed("read, write and commit"), transaction.atomic():
            counts = _read_and_write(kind, batch, rows, expected_rows, columns, reject, progress)
            if batch.dry_run:
                transaction.set_rollback(True)
    except FileRejected as error:
        batch.state, batch.message, batch.message_key = ImportState.FAILED, error.message, error.key
        batch.finished = timezone.now()
        batch.save()
        return batch
    except Exception as error:  # a database error: the batch's transaction is rolled back, the batch says so
        ImportBatch.objects.filter(pk=batch.pk).update(
            state=ImportState.FAILED,
            finished=timezone.now(),
            message=_("Failed, nothing was changed: %(error)s") % {"error": error},
        )
        raise
    batch.rows = counts["rows"]
    batch.created_count, batch.updated_count = counts["created"], counts["updated"]
    batch.unchanged_count = counts["unchanged"]
    batch.rejected_count = len({r.row for r in rejections})
    batch.state, batch.finished = ImportState.DONE, timezone.now()
    outcome = summary(batch, counts, kind)
    batch.message, batch.message_key = str(outcome), outcome.as_key()
    with transaction.atomic():
        batch.save()
        ImportRejection.objects.bulk_create(rejections, batch_size=5000)
    return batch


def _read_and_write(kind: ImportKind, batch, rows, expected_rows, columns, reject, progress) -> dict:
    helpers = kind.helpers() if kind.helpers else None
    reader = RowReader(kind, columns, helpers)
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
                    reject(number, field, value, message)
                continue
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
            add(record, number)
            if progress and count % PROGRESS_EVERY == 0:
                progress(count, 0, _("%(count)d rows read") % {"count": count})
    except BaseException:
        writer.abandon()
        raise
    if progress:
        progress(count, count, _("Writing %(count)d rows …") % {"count": writer.rows})

    def written(bulk: bool):
        if progress and bulk:
            progress(count, count, _("Checking references and building the indexes …"))

    try:
        counts = writer.finish(reject, written)
    except BaseException:
        writer.abandon()
        raise
    counts["rows"] = count
    return counts


def summary(batch: ImportBatch, counts: dict, kind: ImportKind | None = None) -> Message:
    """The outcome as a catalogue key and its counts: each reader reads it in their own language."""
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
    return joined([text, added]) if added else text
