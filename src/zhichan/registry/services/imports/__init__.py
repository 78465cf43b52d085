"""Importing a file into a register: read, map headers by profile, validate every row, upsert set-based.

`run_import(batch, path)` does it all for one ImportBatch and fills in its counts and rejected rows. Accepted
rows are applied and every rejected row is reported (a file that cannot be read at all changes nothing).
Profiles: profiles.py and data/import-profiles/; rules and formats: docs/imports.md.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from zhichan.core.messages import Message, joined, key_of

from ...models import ImportBatch, ImportRejection, ImportState
from .bulk import timed
from .errors import FileRejected
from .fields import FIELD_LABELS
from .matching import HolderMatcher, RegionMatcher
from .orm_writing import OrmWriter
from .profiles import all_profiles, detect, fold_header
from .reading import open_table
from .rows import RowReader, RowRejected
from .writing import SetWriter

PROGRESS_EVERY = 20_000
KEY_FIELDS = {
    "patent": "application_number",
    "trademark": "registration_number",
    "copyright": "registration_number",
    "gi": "name",
    "enterprise": "name",
}


def known_headers(kind: str) -> set[str]:
    return {fold_header(h) for p in all_profiles(kind) for headers in p.fields.values() for h in headers}


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
        headers, rows, expected_rows = open_table(path, known_headers(batch.kind), limit)
        profile, columns = detect(batch.kind, headers, batch.profile)
        batch.profile = profile.name
        header_of = {name: headers[index] for name, index in columns.items()}

        def reject(row, field, value, reason):
            # Only rejected rows come here: the reason is kept as its key (a Message) and as text in the
            # language of the import, the text being what a reader sees when the key no longer renders.
            label = None if field in header_of else FIELD_LABELS.get(field)
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
            counts = _read_and_write(batch, rows, expected_rows, columns, reject, progress)
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
    outcome = summary(batch, counts)
    batch.message, batch.message_key = str(outcome), outcome.as_key()
    with transaction.atomic():
        batch.save()
        ImportRejection.objects.bulk_create(rejections, batch_size=5000)
    return batch


def _read_and_write(batch, rows, expected_rows, columns, reject, progress) -> dict:
    regions = RegionMatcher()
    reader = RowReader(batch.kind, columns, holders=HolderMatcher(), regions=regions)
    reason = _("import batch %(id)d") % {"id": batch.pk}
    fields = list(columns)
    if batch.kind in ("gi", "enterprise"):
        writer = OrmWriter(batch.kind, fields, batch, reason, regions=regions)
    else:
        writer = SetWriter(batch.kind, fields, batch, reason, expected_rows)
    add = writer.add if isinstance(writer, OrmWriter) else lambda record, _number: writer.add(record)
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
                    KEY_FIELDS[batch.kind],
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

    def completing(bulk: bool):
        if progress and bulk:
            progress(count, count, _("Checking references and building the indexes …"))

    try:
        counts = writer.finish(batch.dry_run, reject) if isinstance(writer, OrmWriter) else writer.finish(completing)
    except BaseException:
        writer.abandon()
        raise
    counts["rows"] = count
    return counts


def summary(batch: ImportBatch, counts: dict) -> Message:
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
    if counts.get("links") or counts.get("events"):
        links = {"links": counts.get("links", 0), "events": counts.get("events", 0)}
        added = Message(gettext_noop("%(links)d holder links and %(events)d legal-status events added."), links)
        return joined([text, added])
    return text


__all__ = ["FileRejected", "known_headers", "run_import", "summary"]
