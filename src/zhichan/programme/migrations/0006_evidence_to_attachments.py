# Report evidence becomes core attachments on the report. Each row keeps its id (the API's evidence ids stay), its
# file where it is stored (nothing is copied) and its history (the report's history still shows the files added
# and removed); the checksum is computed from the stored file. Reversible.

import hashlib

from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import migrations

SAME = ["name", "content_type", "size", "uploaded_by_id", "uploaded_at"]
HISTORY = ["history_date", "history_change_reason", "history_type", "history_user_id"]


def _checksum(name):
    digest = hashlib.sha256()
    try:
        with default_storage.open(name, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""  # the file is gone: the row is kept, without a checksum
    return digest.hexdigest()


def _report_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="programme", model="progressreport")[0]


def _reset_ids(schema_editor, model):
    """Rows were inserted with their ids: on PostgreSQL the id sequence must move past them."""
    with schema_editor.connection.cursor() as cursor:
        for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(sql)


def evidence_to_attachments(apps, schema_editor):
    Evidence = apps.get_model("programme", "Evidence")
    Attachment = apps.get_model("core", "Attachment")
    reports = _report_type(apps)
    rows = []
    for evidence in Evidence.objects.order_by("pk").iterator():
        values = {name: getattr(evidence, name) for name in SAME}
        rows.append(
            Attachment(
                id=evidence.pk,
                record_type=reports,
                record_id=evidence.report_id,
                file=evidence.file.name,
                checksum=_checksum(evidence.file.name),
                kind="evidence",
                **values,
            )
        )
    Attachment.objects.bulk_create(rows, batch_size=500)
    _reset_ids(schema_editor, Attachment)
    checksums = {row.id: row.checksum for row in rows}
    History = apps.get_model("core", "HistoricalAttachment")
    History.objects.bulk_create(
        [
            History(
                id=old.id,
                record_type_id=reports.pk,
                record_id=old.report_id,
                file=old.file,
                checksum=checksums.get(old.id, ""),
                kind="evidence",
                **{name: getattr(old, name) for name in SAME + HISTORY},
            )
            for old in apps.get_model("programme", "HistoricalEvidence").objects.order_by("history_id").iterator()
        ],
        batch_size=500,
    )


def attachments_to_evidence(apps, schema_editor):
    Evidence = apps.get_model("programme", "Evidence")
    Evidence._meta.get_field("uploaded_at").auto_now_add = False  # keep the times, not the time of the move
    reports = _report_type(apps)
    attached = apps.get_model("core", "Attachment").objects.filter(record_type=reports)
    Evidence.objects.bulk_create(
        [
            Evidence(id=row.pk, report_id=row.record_id, file=row.file.name, **{name: getattr(row, name) for name in SAME})
            for row in attached.order_by("pk").iterator()
        ],
        batch_size=500,
    )
    _reset_ids(schema_editor, Evidence)
    history = apps.get_model("core", "HistoricalAttachment").objects.filter(record_type_id=reports.pk)
    Old = apps.get_model("programme", "HistoricalEvidence")
    Old.objects.bulk_create(
        [
            Old(id=row.id, report_id=row.record_id, file=row.file, **{name: getattr(row, name) for name in SAME + HISTORY})
            for row in history.order_by("history_id").iterator()
        ],
        batch_size=500,
    )
    history.delete()
    attached.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0006_attachment"),
        ("programme", "0005_assignment_role_township"),
    ]

    operations = [
        migrations.RunPython(evidence_to_attachments, attachments_to_evidence),
        migrations.RemoveField(
            model_name="historicalevidence",
            name="history_user",
        ),
        migrations.RemoveField(
            model_name="historicalevidence",
            name="report",
        ),
        migrations.RemoveField(
            model_name="historicalevidence",
            name="uploaded_by",
        ),
        migrations.DeleteModel(
            name="Evidence",
        ),
        migrations.DeleteModel(
            name="HistoricalEvidence",
        ),
    ]
