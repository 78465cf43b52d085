"""Units and committees: the organisation is required and keys are unique within it, no longer across the
platform. Kept apart from 0014, which fills the organisations: PostgreSQL alters no table whose rows were just
changed in the same transaction."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0015_unit_organisation"),
    ]

    operations = [
        migrations.AlterField(
            model_name="committee",
            name="organisation",
            field=models.ForeignKey(
                help_text="The region whose organisation file lists the committee; its key is unique within it.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="organisation_committees",
                to="core.region",
                verbose_name="organisation",
            ),
        ),
        migrations.AlterField(
            model_name="unit",
            name="organisation",
            field=models.ForeignKey(
                help_text="The region whose organisation file lists the unit; its key is unique within it.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="organisation_units",
                to="core.region",
                verbose_name="organisation",
            ),
        ),
        migrations.AlterField(
            model_name="committee",
            name="key",
            field=models.SlugField(max_length=60, verbose_name="key"),
        ),
        migrations.AlterField(
            model_name="unit",
            name="key",
            field=models.SlugField(max_length=60, verbose_name="key"),
        ),
        migrations.AddConstraint(
            model_name="committee",
            constraint=models.UniqueConstraint(fields=("organisation", "key"), name="committee_organisation_key"),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.UniqueConstraint(fields=("organisation", "key"), name="unit_organisation_key"),
        ),
    ]
