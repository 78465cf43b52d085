
import django.db.models.deletion
import django_fsm
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0016_organisation_keys"),
        ("protection", "0009_meetings"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalTransfer",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("reported_on", models.DateField(verbose_name="reported on")),
                (
                    "officers",
                    models.JSONField(
                        default=list, help_text="At least two, who checked the facts.", verbose_name="officers"
                    ),
                ),
                ("report_note", models.TextField(blank=True, verbose_name="summary of the report")),
                ("approver", models.CharField(blank=True, max_length=100, verbose_name="approver")),
                (
                    "approval_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="approved or not approved at"),
                ),
                ("not_approved_reasons", models.TextField(blank=True, verbose_name="why it was not approved")),
                ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
                (
                    "police_received_on",
                    models.DateField(blank=True, null=True, verbose_name="received by the police on"),
                ),
                (
                    "police_decision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("opened", "Criminal case opened (立案)"),
                            ("refused", "No criminal case opened (不予立案)"),
                            ("passed-on", "Passed on to another body"),
                        ],
                        max_length=20,
                        verbose_name="police decision",
                    ),
                ),
                ("police_decided_on", models.DateField(blank=True, null=True, verbose_name="police decision on")),
                ("police_reasons", models.TextField(blank=True, verbose_name="the police's reasons")),
                ("passed_to", models.CharField(blank=True, max_length=200, verbose_name="passed on to")),
                (
                    "reconsideration_asked_on",
                    models.DateField(blank=True, null=True, verbose_name="reconsideration asked for on"),
                ),
                (
                    "reconsideration_answered_on",
                    models.DateField(blank=True, null=True, verbose_name="reconsideration answered on"),
                ),
                (
                    "reconsideration_outcome",
                    models.CharField(
                        blank=True,
                        choices=[("opened", "The police opened a criminal case"), ("upheld", "The refusal stands")],
                        max_length=20,
                        verbose_name="outcome of the reconsideration",
                    ),
                ),
                ("reconsideration_note", models.TextField(blank=True, verbose_name="the police's answer")),
                (
                    "copied_on",
                    models.DateField(blank=True, null=True, verbose_name="copy sent to the procuratorate on"),
                ),
                (
                    "supervision_asked_on",
                    models.DateField(blank=True, null=True, verbose_name="supervision asked for on"),
                ),
                (
                    "supervision_outcome",
                    models.CharField(
                        blank=True,
                        choices=[("opened", "The police opened a criminal case"), ("upheld", "The refusal stands")],
                        max_length=20,
                        verbose_name="outcome of the supervision",
                    ),
                ),
                (
                    "supervision_outcome_on",
                    models.DateField(blank=True, null=True, verbose_name="supervision outcome on"),
                ),
                ("supervision_note", models.TextField(blank=True, verbose_name="the procuratorate's note")),
                (
                    "handed_over_on",
                    models.DateField(blank=True, null=True, verbose_name="items and materials handed over on"),
                ),
                (
                    "returned_on",
                    models.DateField(blank=True, null=True, verbose_name="back for administrative handling on"),
                ),
                ("return_note", models.TextField(blank=True, verbose_name="note on the return")),
                (
                    "state",
                    django_fsm.FSMField(
                        choices=[
                            ("reported", "Reported, awaiting approval"),
                            ("not-approved", "Transfer not approved"),
                            ("approved", "Approved, to be sent"),
                            ("sent", "Sent to the police"),
                            ("received", "Received by the police"),
                            ("opened", "Criminal case opened"),
                            ("refused", "No criminal case opened"),
                            ("reconsidering", "Reconsideration asked for"),
                            ("upheld", "Refusal upheld"),
                            ("supervision", "Under the procuratorate's supervision"),
                            ("passed-on", "Passed on to another body"),
                            ("returned", "Returned for administrative handling"),
                        ],
                        default="reported",
                        max_length=50,
                        protected=True,
                        verbose_name="state",
                    ),
                ),
                ("synthetic", models.BooleanField(default=False, verbose_name="synthetic demo record")),
                ("updated", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "case",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="protection.case",
                        verbose_name="case",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "police",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="police unit",
                    ),
                ),
                (
                    "procuratorate",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="procuratorate",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The case's enforcing unit.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="reporting unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical transfer to criminal justice",
                "verbose_name_plural": "historical transfers to criminal justice",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Transfer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("reported_on", models.DateField(verbose_name="reported on")),
                (
                    "officers",
                    models.JSONField(
                        default=list, help_text="At least two, who checked the facts.", verbose_name="officers"
                    ),
                ),
                ("report_note", models.TextField(blank=True, verbose_name="summary of the report")),
                ("approver", models.CharField(blank=True, max_length=100, verbose_name="approver")),
                (
                    "approval_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="approved or not approved at"),
                ),
                ("not_approved_reasons", models.TextField(blank=True, verbose_name="why it was not approved")),
                ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
                (
                    "police_received_on",
                    models.DateField(blank=True, null=True, verbose_name="received by the police on"),
                ),
                (
                    "police_decision",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("opened", "Criminal case opened (立案)"),
                            ("refused", "No criminal case opened (不予立案)"),
                            ("passed-on", "Passed on to another body"),
                        ],
                        max_length=20,
                        verbose_name="police decision",
                    ),
                ),
                ("police_decided_on", models.DateField(blank=True, null=True, verbose_name="police decision on")),
                ("police_reasons", models.TextField(blank=True, verbose_name="the police's reasons")),
                ("passed_to", models.CharField(blank=True, max_length=200, verbose_name="passed on to")),
                (
                    "reconsideration_asked_on",
                    models.DateField(blank=True, null=True, verbose_name="reconsideration asked for on"),
                ),
                (
                    "reconsideration_answered_on",
                    models.DateField(blank=True, null=True, verbose_name="reconsideration answered on"),
                ),
                (
                    "reconsideration_outcome",
                    models.CharField(
                        blank=True,
                        choices=[("opened", "The police opened a criminal case"), ("upheld", "The refusal stands")],
                        max_length=20,
                        verbose_name="outcome of the reconsideration",
                    ),
                ),
                ("reconsideration_note", models.TextField(blank=True, verbose_name="the police's answer")),
                (
                    "copied_on",
                    models.DateField(blank=True, null=True, verbose_name="copy sent to the procuratorate on"),
                ),
                (
                    "supervision_asked_on",
                    models.DateField(blank=True, null=True, verbose_name="supervision asked for on"),
                ),
                (
                    "supervision_outcome",
                    models.CharField(
                        blank=True,
                        choices=[("opened", "The police opened a criminal case"), ("upheld", "The refusal stands")],
                        max_length=20,
                        verbose_name="outcome of the supervision",
                    ),
                ),
                (
                    "supervision_outcome_on",
                    models.DateField(blank=True, null=True, verbose_name="supervision outcome on"),
                ),
                ("supervision_note", models.TextField(blank=True, verbose_name="the procuratorate's note")),
                (
                    "handed_over_on",
                    models.DateField(blank=True, null=True, verbose_name="items and materials handed over on"),
                ),
                (
                    "returned_on",
                    models.DateField(blank=True, null=True, verbose_name="back for administrative handling on"),
                ),
                ("return_note", models.TextField(blank=True, verbose_name="note on the return")),
                (
                    "state",
                    django_fsm.FSMField(
                        choices=[
                            ("reported", "Reported, awaiting approval"),
                            ("not-approved", "Transfer not approved"),
                            ("approved", "Approved, to be sent"),
                            ("sent", "Sent to the police"),
                            ("received", "Received by the police"),
                            ("opened", "Criminal case opened"),
                            ("refused", "No criminal case opened"),
                            ("reconsidering", "Reconsideration asked for"),
                            ("upheld", "Refusal upheld"),
                            ("supervision", "Under the procuratorate's supervision"),
                            ("passed-on", "Passed on to another body"),
                            ("returned", "Returned for administrative handling"),
                        ],
                        default="reported",
                        max_length=50,
                        protected=True,
                        verbose_name="state",
                    ),
                ),
                ("synthetic", models.BooleanField(default=False, verbose_name="synthetic demo record")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="transfers",
                        to="protection.case",
                        verbose_name="case",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "police",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="transfers_received",
                        to="core.unit",
                        verbose_name="police unit",
                    ),
                ),
                (
                    "procuratorate",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="transfers_supervised",
                        to="core.unit",
                        verbose_name="procuratorate",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        help_text="The case's enforcing unit.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="transfers_reported",
                        to="core.unit",
                        verbose_name="reporting unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "transfer to criminal justice",
                "verbose_name_plural": "transfers to criminal justice",
                "ordering": ["-reported_on", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("state__in", ["not-approved", "passed-on", "returned"]), _negated=True),
                        fields=("case",),
                        name="transfer_one_open_per_case",
                    )
                ],
            },
            bases=(django_fsm.ConcurrentTransitionMixin, models.Model),
        ),
    ]
