"""The import batches moved from the registry to core: a database migrated before the move keeps its batches, their
rejected rows and the registers' references to them. Run in a fresh database of its own (a subprocess), so the
test database's state is not touched."""

import textwrap

from ..fresh_database import run_script

SCRIPT = textwrap.dedent(
    """
    import django
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("registry", "0014_import_batch_message_key"), ("core", "0005_export_file")]
    call_command("migrate", "registry", before[0][1], verbosity=0)
    call_command("migrate", "core", before[1][1], verbosity=0)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    Batch, Rejection = old.get_model("registry", "ImportBatch"), old.get_model("registry", "ImportRejection")
    preview = Batch.objects.create(id=7, kind="enterprise", file_name="a.csv", dry_run=True, state="done",
                                   message_key={"msgid": "x", "params": {}})
    Batch.objects.create(id=9, kind="enterprise", file_name="a.csv", state="done", preview=preview)
    Rejection.objects.create(batch=preview, row=3, field="名称", value="x", reason="why")
    region = old.get_model("core", "Region").objects.create(path="0001", depth=1, name="南安市", kind="county")
    old.get_model("registry", "Enterprise").objects.create(name="某公司", region=region, import_batch_id=9)

    call_command("migrate", "registry", verbosity=0)  # the registry and what it needs: core
    call_command("migrate", "core", verbosity=0)
    from zhichan.core.models import ImportBatch, ImportRejection
    from zhichan.registry.models import Enterprise

    preview, batch = ImportBatch.objects.order_by("pk")
    assert (preview.pk, batch.pk, batch.preview_id) == (7, 9, 7), (preview.pk, batch.pk)
    assert preview.message_key == {"msgid": "x", "params": {}} and preview.file_name == "a.csv"
    rejection = ImportRejection.objects.get()
    assert (rejection.batch_id, rejection.row, rejection.reason) == (7, 3, "why")
    assert Enterprise.objects.get().import_batch == batch
    assert ImportBatch.objects.create(kind="patent").pk == 10  # the sequence continues after the copied ids
    print("moved")
    """
)


def test_batches_keep_their_ids_and_rejected_rows(tmp_path):
    result = run_script(SCRIPT, tmp_path, "move")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "moved" in result.stdout
