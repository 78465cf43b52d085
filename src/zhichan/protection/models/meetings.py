"""Joint meetings (联席会议) of the member units on IP protection — market supervision, police, courts, customs and
the others (work plan 三(二)2, 四(四)3) — their decisions as action items for the units, and how often the
organisation means to hold a plenary meeting."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from zhichan.core.models import Attachment, Region, Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

# The work plan asks only for meetings "held regularly" (定期召开联席会议, 四(四)3): the interval is each
# organisation's setting, and these defaults are unconfirmed.
DEFAULT_MONTHS = 6
DEFAULT_NOTICE_DAYS = 30


class MeetingKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary meeting")
    SPECIAL = "special", _("Special meeting")


class JointMeeting(Plausible):
    """A joint meeting held: its date, convening unit, the units present, the agenda and (as attachments of kind
    `minutes`) its minutes. It belongs to its organisation: every staff user of the organisation reads it, the
    office writes it."""

    organisation = models.ForeignKey(
        Region, models.PROTECT, related_name="joint_meetings", verbose_name=_("organisation")
    )
    title = models.CharField(_("meeting"), max_length=200)
    kind = models.CharField(_("kind of meeting"), max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField(pgettext_lazy("joint meeting", "held on"))
    convener = models.ForeignKey(
        Unit, models.PROTECT, related_name="convened_meetings", verbose_name=_("convening unit")
    )
    units_present = models.ManyToManyField(
        Unit, through="MeetingAttendance", related_name="joint_meetings", verbose_name=_("units present")
    )
    agenda = models.TextField(_("agenda"), blank=True)
    # The minutes and any other file on the meeting (core attachments), for reading many meetings' at once.
    files = GenericRelation(Attachment, content_type_field="record_type", object_id_field="record_id")
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("joint meeting")
        verbose_name_plural = _("joint meetings")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "kind", "-held_on"], name="meeting_latest_of_kind")]

    def __str__(self):
        return f"{self.held_on} {self.title}"

    def get_absolute_url(self):
        return reverse("meeting-detail", args=[self.pk])


class MeetingAttendance(models.Model):
    """A unit present at a joint meeting."""

    meeting = models.ForeignKey(JointMeeting, models.CASCADE, related_name="attendance", verbose_name=_("meeting"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="+", verbose_name=_("unit"))
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="meeting__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit present")
        verbose_name_plural = _("units present")
        ordering = ["meeting", "unit__order", "unit__pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "unit"], name="meeting_unit_present_once")]

    def __str__(self):
        return f"{self.meeting} · {self.unit}"


class DecisionState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingDecision(ConcurrentTransitionMixin, Plausible):
    """A decision of a joint meeting (会议议定事项) as an action item: what is to be done, by which unit and by when.
    The assigned unit's liaison reports progress and marks it done; the office may reassign or cancel it. Every
    staff user of the organisation reads it."""

    meeting = models.ForeignKey(JointMeeting, models.PROTECT, related_name="decisions", verbose_name=_("meeting"))
    number = models.PositiveSmallIntegerField(_("item number"))
    text = models.TextField(pgettext_lazy("joint meeting", "decision"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="meeting_decisions", verbose_name=_("assigned unit"))
    deadline = models.DateField(_("deadline"))
    state = FSMField(_("state"), default=DecisionState.OPEN, choices=DecisionState.choices, protected=True)
    progress = models.TextField(_("latest progress"), blank=True)
    progress_on = models.DateField(_("progress reported on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_note = models.TextField(_("note on what was done"), blank=True)
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # Read by every staff user of the organisation; written by the assigned unit's liaison and the office. Which of
    # them may take which step is the actions' rule (services/meetings.py).
    scope = Scope(unit="unit", shared=True, owners_write=True, organisation="meeting__organisation")
    objects = ScopedQuerySet.as_manager()
    dates_ahead = ("deadline",)

    class Meta:
        verbose_name = _("decision of a joint meeting")
        verbose_name_plural = _("decisions of joint meetings")
        ordering = ["meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="decision_number_in_meeting")]
        indexes = [models.Index(fields=["state", "deadline"], name="decision_open_deadline")]

    def __str__(self):
        return f"{self.meeting.title} ({self.number}) {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("decision-detail", args=[self.pk])

    def overdue_on(self, day) -> bool:
        return self.state == DecisionState.OPEN and self.deadline < day

    # The steps; services/meetings.py guards, dates and records them.
    @transition(field=state, source=DecisionState.OPEN, target=DecisionState.DONE)
    def finish(self, day, note):
        self.done_on, self.done_note = day, note

    @transition(field=state, source=DecisionState.OPEN, target=DecisionState.CANCELLED)
    def cancel(self, day, reason):
        self.cancelled_on, self.cancel_reason = day, reason


class MeetingFrequency(Plausible):
    """How often an organisation means to hold a plenary joint meeting, and how early the office is reminded. The
    work plan says only "regularly" (定期): the office sets it; an organisation without a row uses the defaults."""

    organisation = models.OneToOneField(
        Region, models.PROTECT, related_name="meeting_frequency", verbose_name=_("organisation")
    )
    months = models.PositiveSmallIntegerField(
        _("a plenary meeting every (months)"),
        default=DEFAULT_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
    )
    notice_days = models.PositiveSmallIntegerField(
        _("remind the office (days before it is due)"),
        default=DEFAULT_NOTICE_DAYS,
        validators=[MaxValueValidator(366)],
    )
    basis = models.TextField(
        _("basis"), blank=True, help_text=_("The document that sets the interval, e.g. the joint meeting's rules.")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    scope = Scope(shared=True, organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("joint meeting frequency")
        verbose_name_plural = _("joint meeting frequencies")

    def __str__(self):
        return f"{self.organisation} · {self.months}"
