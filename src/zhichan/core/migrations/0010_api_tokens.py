"""API tokens that expire: the platform's own, replacing DRF's authtoken.

Keys made before keep working until ZHICHAN_API_TOKEN_DAYS after they were made: each is copied as its digest
with that expiry, and the old table, which held the keys themselves, is dropped.
"""

import datetime
import hashlib

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


OLD_TABLE = "authtoken_token"


def copy_old_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("core", "ApiToken")
    days = datetime.timedelta(days=getattr(settings, "ZHICHAN_API_TOKEN_DAYS", 90))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id, created FROM {OLD_TABLE}")
        rows = cursor.fetchall()
    # SQLite hands back naive times, stored in UTC.
    rows = [
        (key, user_id, created if created.tzinfo else created.replace(tzinfo=datetime.UTC))
        for key, user_id, created in rows
    ]
    ApiToken.objects.bulk_create(
        ApiToken(
            user_id=user_id,
            name="API",
            digest=hashlib.sha256(key.encode()).hexdigest(),
            prefix=key[:6],
            created=created,
            expires=created + days,
        )
        for key, user_id, created in rows
    )
    schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(OLD_TABLE)}")
    schema_editor.execute("DELETE FROM django_migrations WHERE app = 'authtoken'")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_import_batches"),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(blank=True, max_length=100, verbose_name="name")),
                ("digest", models.CharField(editable=False, max_length=64, unique=True, verbose_name="digest")),
                ("prefix", models.CharField(editable=False, max_length=8, verbose_name="begins with")),
                ("created", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created")),
                ("expires", models.DateTimeField(verbose_name="expires")),
                ("last_used", models.DateTimeField(blank=True, null=True, verbose_name="last used")),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="api_tokens",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "API token",
                "verbose_name_plural": "API tokens",
                "ordering": ["-created", "-pk"],
            },
        ),
        migrations.RunPython(copy_old_tokens, migrations.RunPython.noop),
    ]
