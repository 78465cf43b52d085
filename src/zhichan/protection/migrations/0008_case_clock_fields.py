"""What a case keeps of its clocks (services/clock_fields.py): the running clock's due date, whether a period not
counted moves it, and once the decision clock has stopped, its due date and whether it stopped in time. The
existing cases are filled from their clocks as core/clocks.py reads them today."""

from django.db import migrations, models
from django.utils import timezone

CHUNK = 5000


class _Rule:
    """A deadline rule as the clock reading needs it (the migration's model has no properties)."""

    def __init__(self, row):
        for name in ("key", "name", "name_en", "length", "unit", "start_event", "start_event_en", "warn_days"):
            setattr(self, name, getattr(row, name))
        self.start_day_counts, self.roll_to_workday = row.start_day_counts, row.roll_to_workday

    @property
    def in_working_days(self):
        return self.unit == "working-days"


def fill(apps, schema_editor):
    from zhichan.core.services.calendar import WorkCalendar
    from zhichan.protection.services.clock_fields import computed, write

    Case = apps.get_model("protection", "Case")
    content_type = apps.get_model("contenttypes", "ContentType").objects.filter(app_label="protection", model="case")
    content_type = content_type.first()
    if content_type is None or not Case.objects.exists():
        return
    Clock = apps.get_model("core", "Clock")
    Extension, ExcludedPeriod = apps.get_model("core", "Extension"), apps.get_model("core", "ExcludedPeriod")
    rules = {row.pk: _Rule(row) for row in apps.get_model("core", "DeadlineRule").objects.all()}
    calendar, day = WorkCalendar(), timezone.localdate()
    ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), CHUNK):
        low, high = ids[first], ids[min(first + CHUNK, len(ids)) - 1]
        cases = Case.objects.filter(pk__gte=low, pk__lte=high)
        clocks = Clock.objects.filter(content_type=content_type, object_id__gte=low, object_id__lte=high)
        values = computed(
            list(cases.values_list("pk", "state", "kind__filing_rule", "kind__decision_rule")),
            list(clocks.values_list("pk", "object_id", "rule_id", "started_on", "stopped_on")),
            list(Extension.objects.filter(clock__in=clocks).values_list("clock_id", "length", "approved_on")),
            list(ExcludedPeriod.objects.filter(clock__in=clocks).values_list("clock_id", "start", "end")),
            rules,
            day,
            calendar,
        )
        write(values, schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0016_organisation_keys"),
        ("protection", "0007_case_ledger"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="clock_due",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="Empty when no clock runs, or while its due date moves day by day (a period not counted runs).",
                null=True,
                verbose_name="running time limit due on",
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="clock_paused",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="A period not counted runs, so the due date moves on with every day and is read when shown.",
                verbose_name="running time limit paused",
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="decision_due",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="The decision clock's due date as it stood on the day the clock stopped.",
                null=True,
                verbose_name="decision due on",
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="decision_on_time",
            field=models.BooleanField(
                blank=True,
                editable=False,
                help_text="Whether the decision clock stopped on or before its due date; empty until it stops.",
                null=True,
                verbose_name="decided on time",
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=models.Q(clock_due__isnull=False),
                fields=["clock_due", "-lead_on", "-id"],
                name="case_clock_due",
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=models.Q(clock_paused=True), fields=["clock_paused"], name="case_clock_paused"
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["ip_type", "-lead_on", "-id"], name="case_ip_type_newest"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["state", "ended_on", "township", "unit", "decision_on_time"], name="case_closings"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
