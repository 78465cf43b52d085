from django.db import migrations


class Migration(migrations.Migration):
    """The shared pool reads cases under its own scope through a proxy: no table, no column."""

    dependencies = [
        ("protection", "0005_special_actions"),
    ]

    operations = [
        migrations.CreateModel(
            name="PooledCase",
            fields=[],
            options={
                "verbose_name": "case in the shared pool",
                "verbose_name_plural": "shared case pool",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("protection.case",),
        ),
    ]
