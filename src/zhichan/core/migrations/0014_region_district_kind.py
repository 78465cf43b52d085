from django.db import migrations, models

KINDS = [
    ("province", "Province"),
    ("city", "Prefecture-level city"),
    ("county", "County or county-level city"),
    ("district", "District (市辖区)"),
    ("subdistrict", "Subdistrict (街道)"),
    ("town", "Town (镇)"),
    ("township", "Township (乡)"),
    ("zone", "Development zone"),
    ("park", "Park"),
]

# The rule of services/division_rules.county_kind as it stood when districts got their own kind.
ZONE_ENDINGS = ("开发区", "园区", "管理区", "示范区", "实验区", "林区", "风景名胜区", "聚集区")


def districts_apart(apps, schema_editor):
    """County-level regions already loaded whose official name ends in 区 become districts (as a reload would)."""
    Region = apps.get_model("core", "Region")
    for region in Region.objects.filter(kind="county", name__endswith="区"):
        if not region.name.endswith(ZONE_ENDINGS):
            Region.objects.filter(pk=region.pk).update(kind="district")


def districts_back(apps, schema_editor):
    apps.get_model("core", "Region").objects.filter(kind="district").update(kind="county")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0013_import_batch_file_refused"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalregion",
            name="kind",
            field=models.CharField(choices=KINDS, max_length=20, verbose_name="kind"),
        ),
        migrations.AlterField(
            model_name="region",
            name="kind",
            field=models.CharField(choices=KINDS, max_length=20, verbose_name="kind"),
        ),
        migrations.RunPython(districts_apart, districts_back),
    ]
