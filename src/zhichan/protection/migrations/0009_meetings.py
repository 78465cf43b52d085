import django.core.validators
import django.db.models.deletion
import django_fsm
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0016_organisation_keys'),
        ('protection', '0008_case_clock_fields'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalJointMeeting',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='meeting')),
                ('kind', models.CharField(choices=[('plenary', 'Plenary meeting'), ('special', 'Special meeting')], max_length=20, verbose_name='kind of meeting')),
                ('held_on', models.DateField(verbose_name='held on')),
                ('agenda', models.TextField(blank=True, verbose_name='agenda')),
                ('synthetic', models.BooleanField(default=False, verbose_name='synthetic demo record')),
                ('updated', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('convener', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.unit', verbose_name='convening unit')),
                ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='entered by')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.region', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'historical joint meeting',
                'verbose_name_plural': 'historical joint meetings',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMeetingFrequency',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('months', models.PositiveSmallIntegerField(default=6, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(36)], verbose_name='a plenary meeting every (months)')),
                ('notice_days', models.PositiveSmallIntegerField(default=30, validators=[django.core.validators.MaxValueValidator(366)], verbose_name='remind the office (days before it is due)')),
                ('basis', models.TextField(blank=True, help_text="The document that sets the interval, e.g. the joint meeting's rules.", verbose_name='basis')),
                ('updated', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.region', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'historical joint meeting frequency',
                'verbose_name_plural': 'historical joint meeting frequencies',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='JointMeeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='meeting')),
                ('kind', models.CharField(choices=[('plenary', 'Plenary meeting'), ('special', 'Special meeting')], max_length=20, verbose_name='kind of meeting')),
                ('held_on', models.DateField(verbose_name='held on')),
                ('agenda', models.TextField(blank=True, verbose_name='agenda')),
                ('synthetic', models.BooleanField(default=False, verbose_name='synthetic demo record')),
                ('updated', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('convener', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='convened_meetings', to='core.unit', verbose_name='convening unit')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='entered by')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='joint_meetings', to='core.region', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'joint meeting',
                'verbose_name_plural': 'joint meetings',
                'ordering': ['-held_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalMeetingDecision',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField(verbose_name='item number')),
                ('text', models.TextField(verbose_name='decision')),
                ('deadline', models.DateField(verbose_name='deadline')),
                ('state', django_fsm.FSMField(choices=[('open', 'Open'), ('done', 'Done'), ('cancelled', 'Cancelled')], default='open', max_length=50, protected=True, verbose_name='state')),
                ('progress', models.TextField(blank=True, verbose_name='latest progress')),
                ('progress_on', models.DateField(blank=True, null=True, verbose_name='progress reported on')),
                ('done_on', models.DateField(blank=True, null=True, verbose_name='done on')),
                ('done_note', models.TextField(blank=True, verbose_name='note on what was done')),
                ('cancelled_on', models.DateField(blank=True, null=True, verbose_name='cancelled on')),
                ('cancel_reason', models.TextField(blank=True, verbose_name='reason for cancelling')),
                ('synthetic', models.BooleanField(default=False, verbose_name='synthetic demo record')),
                ('updated', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('unit', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.unit', verbose_name='assigned unit')),
                ('meeting', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='protection.jointmeeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'historical decision of a joint meeting',
                'verbose_name_plural': 'historical decisions of joint meetings',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMeetingAttendance',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('unit', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.unit', verbose_name='unit')),
                ('meeting', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='protection.jointmeeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'historical unit present',
                'verbose_name_plural': 'historical units present',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='MeetingAttendance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendance', to='protection.jointmeeting', verbose_name='meeting')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'unit present',
                'verbose_name_plural': 'units present',
                'ordering': ['meeting', 'unit__order', 'unit__pk'],
            },
        ),
        migrations.AddField(
            model_name='jointmeeting',
            name='units_present',
            field=models.ManyToManyField(related_name='joint_meetings', through='protection.MeetingAttendance', to='core.unit', verbose_name='units present'),
        ),
        migrations.CreateModel(
            name='MeetingDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveSmallIntegerField(verbose_name='item number')),
                ('text', models.TextField(verbose_name='decision')),
                ('deadline', models.DateField(verbose_name='deadline')),
                ('state', django_fsm.FSMField(choices=[('open', 'Open'), ('done', 'Done'), ('cancelled', 'Cancelled')], default='open', max_length=50, protected=True, verbose_name='state')),
                ('progress', models.TextField(blank=True, verbose_name='latest progress')),
                ('progress_on', models.DateField(blank=True, null=True, verbose_name='progress reported on')),
                ('done_on', models.DateField(blank=True, null=True, verbose_name='done on')),
                ('done_note', models.TextField(blank=True, verbose_name='note on what was done')),
                ('cancelled_on', models.DateField(blank=True, null=True, verbose_name='cancelled on')),
                ('cancel_reason', models.TextField(blank=True, verbose_name='reason for cancelling')),
                ('synthetic', models.BooleanField(default=False, verbose_name='synthetic demo record')),
                ('updated', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='protection.jointmeeting', verbose_name='meeting')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meeting_decisions', to='core.unit', verbose_name='assigned unit')),
            ],
            options={
                'verbose_name': 'decision of a joint meeting',
                'verbose_name_plural': 'decisions of joint meetings',
                'ordering': ['meeting', 'number'],
            },
            bases=(django_fsm.ConcurrentTransitionMixin, models.Model),
        ),
        migrations.CreateModel(
            name='MeetingFrequency',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('months', models.PositiveSmallIntegerField(default=6, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(36)], verbose_name='a plenary meeting every (months)')),
                ('notice_days', models.PositiveSmallIntegerField(default=30, validators=[django.core.validators.MaxValueValidator(366)], verbose_name='remind the office (days before it is due)')),
                ('basis', models.TextField(blank=True, help_text="The document that sets the interval, e.g. the joint meeting's rules.", verbose_name='basis')),
                ('updated', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('organisation', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='meeting_frequency', to='core.region', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'joint meeting frequency',
                'verbose_name_plural': 'joint meeting frequencies',
            },
        ),
        migrations.AddConstraint(
            model_name='meetingattendance',
            constraint=models.UniqueConstraint(fields=('meeting', 'unit'), name='meeting_unit_present_once'),
        ),
        migrations.AddIndex(
            model_name='jointmeeting',
            index=models.Index(fields=['organisation', 'kind', '-held_on'], name='meeting_latest_of_kind'),
        ),
        migrations.AddIndex(
            model_name='meetingdecision',
            index=models.Index(fields=['state', 'deadline'], name='decision_open_deadline'),
        ),
        migrations.AddConstraint(
            model_name='meetingdecision',
            constraint=models.UniqueConstraint(fields=('meeting', 'number'), name='decision_number_in_meeting'),
        ),
    ]
