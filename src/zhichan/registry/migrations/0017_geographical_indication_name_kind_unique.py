from django.db import migrations, models


def tell_apart_duplicates(apps, schema_editor):
    """Before the constraint: a second indication of the same name and kind (written through the API before it was
    refused) keeps its row, its name followed by its id, so the office can merge or delete it."""
    GI = apps.get_model("registry", "GeographicalIndication")
    seen = set()
    for gi in GI.objects.order_by("pk").only("pk", "name", "kind"):
        if (gi.name, gi.kind) in seen:
            GI.objects.filter(pk=gi.pk).update(name=f"{gi.name[:180]} (#{gi.pk})")
        else:
            seen.add((gi.name, gi.kind))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_import_batches"),
        ("registry", "0016_import_batches_in_core"),
    ]

    operations = [
        migrations.RunPython(tell_apart_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="geographicalindication",
            constraint=models.UniqueConstraint(
                fields=("name", "kind"),
                name="registry_gi_name_kind_unique",
                violation_error_message="A geographical indication of this name and kind is already registered.",
            ),
        ),
    ]
