"""The import batches and their rejected rows move to core (core.ImportBatch, core.ImportRejection): every row is
copied with its id, so the registers' references to their batch stay true when 0016 points them at core's table.
Not reversible: the old tables are dropped by 0016."""

from django.core.management.color import no_style
from django.db import migrations


def copy_rows(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    pairs = [
        (apps.get_model("registry", "ImportBatch"), apps.get_model("core", "ImportBatch")),
        (apps.get_model("registry", "ImportRejection"), apps.get_model("core", "ImportRejection")),
    ]
    with connection.cursor() as cursor:
        for old, new in pairs:
            wanted = {f.column for f in new._meta.concrete_fields}
            columns = ", ".join(quote(f.column) for f in old._meta.concrete_fields if f.column in wanted)
            cursor.execute(
                f"INSERT INTO {quote(new._meta.db_table)} ({columns}) "
                f"SELECT {columns} FROM {quote(old._meta.db_table)} ORDER BY id"
            )
        for statement in connection.ops.sequence_reset_sql(no_style(), [new for _old, new in pairs]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0014_import_batch_message_key"),
        ("core", "0009_import_batches"),
    ]

    operations = [migrations.RunPython(copy_rows, elidable=False)]
