from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("protection", "0003_mediation"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["-lead_on", "-id"], name="case_newest_lead"),
        ),
    ]
