"""A data element and a validation rule remember the indicators file that defined them, as an indicator does.

Rows loaded so far came from the one indicators file the indicators name, when they name a single one; otherwise
they stay unclaimed and the next file that loads them claims them.
"""

from django.db import migrations, models


def claim(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    files = set(Indicator.objects.exclude(source_file="").values_list("source_file", flat=True).distinct())
    if len(files) != 1:
        return
    (file,) = files
    for name in ("DataElement", "ValidationRule"):
        apps.get_model("indicators", name).objects.filter(source_file="").update(source_file=file)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0008_readings"),
    ]

    operations = [
        migrations.AddField(
            model_name="dataelement",
            name="source_file",
            field=models.CharField(blank=True, max_length=200, verbose_name="loaded from"),
        ),
        migrations.AddField(
            model_name="historicaldataelement",
            name="source_file",
            field=models.CharField(blank=True, max_length=200, verbose_name="loaded from"),
        ),
        migrations.AddField(
            model_name="historicalvalidationrule",
            name="source_file",
            field=models.CharField(blank=True, max_length=200, verbose_name="loaded from"),
        ),
        migrations.AddField(
            model_name="validationrule",
            name="source_file",
            field=models.CharField(blank=True, max_length=200, verbose_name="loaded from"),
        ),
        migrations.RunPython(claim, migrations.RunPython.noop),
    ]
