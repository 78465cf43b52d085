"""An indicator names the measure; how a programme counts it becomes that programme's reading.

Each indicator's counting settings (window, since, options, reading) move to a reading of the programme that uses
it: the first programme loaded (Nan'an's), else the programme named by the indicator file's name. The values
computed so far are attached to that reading; an indicator with neither keeps no values (the next compute after
loading its file makes them).
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from pathlib import PurePath

from django.db import migrations, models


def split_readings(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    IndicatorValue = apps.get_model("indicators", "IndicatorValue")
    Reading = apps.get_model("indicators", "Reading")
    Programme = apps.get_model("programme", "Programme")
    first = Programme.objects.order_by("start").values_list("key", flat=True).first()
    for indicator in Indicator.objects.all():
        key = first or PurePath(indicator.source_file).stem
        if not key:
            IndicatorValue.objects.filter(indicator=indicator).delete()
            continue
        reading = Reading.objects.create(
            programme=key,
            indicator=indicator,
            window=indicator.window,
            since=indicator.since,
            options=indicator.options,
            reading=indicator.reading,
            order=indicator.order,
            source_file=indicator.source_file,
        )
        IndicatorValue.objects.filter(indicator=indicator).update(reading=reading, revision=reading.revision)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0013_import_batch_file_refused"),
        ("indicators", "0007_element_latest_aggregation"),
        ("programme", "0007_target_parts_subregions_rank"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalReading",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("programme", models.SlugField(max_length=60, verbose_name="programme")),
                (
                    "window",
                    models.CharField(
                        choices=[
                            ("stock", "stock at the period's end"),
                            ("period", "within the period"),
                            ("year-to-date", "from 1 January to the period's end"),
                            ("cumulative", "cumulative since a date"),
                        ],
                        default="stock",
                        max_length=15,
                        verbose_name="counting window",
                    ),
                ),
                ("since", models.DateField(blank=True, null=True, verbose_name="counted since")),
                ("options", models.JSONField(blank=True, default=dict, verbose_name="options")),
                ("reading", models.TextField(blank=True, verbose_name="reading chosen")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("source_file", models.CharField(blank=True, max_length=200, verbose_name="loaded from")),
                ("revision", models.PositiveIntegerField(default=1, verbose_name="revision")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
            ],
            options={
                "verbose_name": "historical reading",
                "verbose_name_plural": "historical readings",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Reading",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("programme", models.SlugField(max_length=60, verbose_name="programme")),
                (
                    "window",
                    models.CharField(
                        choices=[
                            ("stock", "stock at the period's end"),
                            ("period", "within the period"),
                            ("year-to-date", "from 1 January to the period's end"),
                            ("cumulative", "cumulative since a date"),
                        ],
                        default="stock",
                        max_length=15,
                        verbose_name="counting window",
                    ),
                ),
                ("since", models.DateField(blank=True, null=True, verbose_name="counted since")),
                ("options", models.JSONField(blank=True, default=dict, verbose_name="options")),
                ("reading", models.TextField(blank=True, verbose_name="reading chosen")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("source_file", models.CharField(blank=True, max_length=200, verbose_name="loaded from")),
                ("revision", models.PositiveIntegerField(default=1, verbose_name="revision")),
            ],
            options={
                "verbose_name": "reading",
                "verbose_name_plural": "readings",
                "ordering": ["programme", "order", "indicator__code"],
            },
        ),
        migrations.AddField(
            model_name="historicalreading",
            name="history_user",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL
            ),
        ),
        migrations.AddField(
            model_name="historicalreading",
            name="indicator",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="indicators.indicator",
                verbose_name="indicator",
            ),
        ),
        migrations.AddField(
            model_name="reading",
            name="indicator",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="readings",
                to="indicators.indicator",
                verbose_name="indicator",
            ),
        ),
        migrations.AddConstraint(
            model_name="reading",
            constraint=models.UniqueConstraint(fields=("programme", "indicator"), name="reading_unique"),
        ),
        migrations.AddField(
            model_name="indicatorvalue",
            name="revision",
            field=models.PositiveIntegerField(default=1, verbose_name="reading revision"),
        ),
        migrations.AddField(
            model_name="indicatorvalue",
            name="reading",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="values",
                to="indicators.reading",
                verbose_name="reading",
            ),
        ),
        migrations.RunPython(split_readings, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="indicatorvalue",
            name="reading",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="values",
                to="indicators.reading",
                verbose_name="reading",
            ),
        ),
        migrations.RemoveConstraint(
            model_name="indicatorvalue",
            name="indicatorvalue_unique",
        ),
        migrations.RemoveIndex(
            model_name="indicatorvalue",
            name="indicators__indicat_7311db_idx",
        ),
        migrations.AddIndex(
            model_name="indicatorvalue",
            index=models.Index(fields=["reading", "period", "region"], name="indicators__reading_7f1b3f_idx"),
        ),
        migrations.AddConstraint(
            model_name="indicatorvalue",
            constraint=models.UniqueConstraint(fields=("reading", "region", "period"), name="indicatorvalue_unique"),
        ),
        migrations.RemoveField(
            model_name="historicalindicator",
            name="options",
        ),
        migrations.RemoveField(
            model_name="historicalindicator",
            name="reading",
        ),
        migrations.RemoveField(
            model_name="historicalindicator",
            name="since",
        ),
        migrations.RemoveField(
            model_name="historicalindicator",
            name="window",
        ),
        migrations.RemoveField(
            model_name="indicator",
            name="options",
        ),
        migrations.RemoveField(
            model_name="indicator",
            name="reading",
        ),
        migrations.RemoveField(
            model_name="indicator",
            name="since",
        ),
        migrations.RemoveField(
            model_name="indicator",
            name="window",
        ),
    ]
