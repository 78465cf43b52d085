# The office puts an activity on the public calendar (the portal's open data): the day it is published from, and
# when the activity last changed (the dataset's last update).

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0002_schools"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="published_on",
            field=models.DateField(blank=True, null=True, verbose_name="published on"),
        ),
        migrations.AddField(
            model_name="activity",
            name="updated",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.AddField(
            model_name="historicalactivity",
            name="published_on",
            field=models.DateField(blank=True, null=True, verbose_name="published on"),
        ),
        migrations.AddField(
            model_name="historicalactivity",
            name="updated",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="updated"
            ),
            preserve_default=False,
        ),
    ]
