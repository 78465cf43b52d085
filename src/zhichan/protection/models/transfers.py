import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from zhichan.core.models import Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .cases import Case

# A transfer goes out no later than 24 hours after its approval (行政执法机关移送涉嫌犯罪案件的规定 art. 5).
HOURS_TO_SEND = 24


class TransferState(models.TextChoices):
    REPORTED = "reported", _("Reported, awaiting approval")
    NOT_APPROVED = "not-approved", _("Transfer not approved")
    APPROVED = "approved", _("Approved, to be sent")
    SENT = "sent", _("Sent to the police")
    RECEIVED = "received", _("Received by the police")
    OPENED = "opened", _("Criminal case opened")
    REFUSED = "refused", _("No criminal case opened")
    RECONSIDERING = "reconsidering", _("Reconsideration asked for")
    UPHELD = "upheld", _("Refusal upheld")
    SUPERVISION = "supervision", _("Under the procuratorate's supervision")
    PASSED_ON = "passed-on", _("Passed on to another body")
    RETURNED = "returned", _("Returned for administrative handling")


# A transfer that has ended: a case has one transfer at a time that has not.
ENDED = [TransferState.NOT_APPROVED, TransferState.PASSED_ON, TransferState.RETURNED]
# The police have it and owe a step: its receipt, its filing decision, its answer to a reconsideration.
WITH_POLICE = [TransferState.SENT, TransferState.RECEIVED, TransferState.RECONSIDERING]
# The refusal stands for now: the unit may contest it or accept it.
REFUSAL = [TransferState.REFUSED, TransferState.UPHELD]
OPENED_OR_UPHELD = (TransferState.OPENED, TransferState.UPHELD)


class PoliceDecision(models.TextChoices):
    OPENED = "opened", _("Criminal case opened (立案)")
    REFUSED = "refused", _("No criminal case opened (不予立案)")
    PASSED_ON = "passed-on", _("Passed on to another body")


class Outcome(models.TextChoices):
    """What came of a reconsideration or of the procuratorate's supervision."""

    OPENED = "opened", _("The police opened a criminal case")
    UPHELD = "upheld", _("The refusal stands")


class Transfer(ConcurrentTransitionMixin, Plausible):
    """A case transferred to the police as a suspected crime (行刑衔接), from the transfer report to its end, under
    行政执法机关移送涉嫌犯罪案件的规定 (arts. 5–12): the chief's approval, the transfer within 24 hours, the police's
    receipt and filing decision, a reconsideration, the procuratorate's supervision, the hand-over of the items, and
    the return of the case for administrative handling. Each side enters its own steps (services/transfers.py):
    the reporting unit, the police unit it went to, the procuratorate. Its time limits are core clocks on it."""

    case = models.ForeignKey(Case, models.PROTECT, related_name="transfers", verbose_name=_("case"))
    unit = models.ForeignKey(
        Unit,
        models.PROTECT,
        related_name="transfers_reported",
        verbose_name=_("reporting unit"),
        help_text=_("The case's enforcing unit."),
    )
    reported_on = models.DateField(_("reported on"))
    officers = models.JSONField(_("officers"), default=list, help_text=_("At least two, who checked the facts."))
    report_note = models.TextField(_("summary of the report"), blank=True)
    approver = models.CharField(_("approver"), max_length=100, blank=True)
    approval_at = models.DateTimeField(_("approved or not approved at"), null=True, blank=True)
    not_approved_reasons = models.TextField(_("why it was not approved"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    police = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="transfers_received", verbose_name=_("police unit")
    )
    police_received_on = models.DateField(_("received by the police on"), null=True, blank=True)
    police_decision = models.CharField(_("police decision"), max_length=20, choices=PoliceDecision.choices, blank=True)
    police_decided_on = models.DateField(_("police decision on"), null=True, blank=True)
    police_reasons = models.TextField(_("the police's reasons"), blank=True)
    passed_to = models.CharField(_("passed on to"), max_length=200, blank=True)
    reconsideration_asked_on = models.DateField(_("reconsideration asked for on"), null=True, blank=True)
    reconsideration_answered_on = models.DateField(_("reconsideration answered on"), null=True, blank=True)
    reconsideration_outcome = models.CharField(
        _("outcome of the reconsideration"), max_length=20, choices=Outcome.choices, blank=True
    )
    reconsideration_note = models.TextField(_("the police's answer"), blank=True)
    procuratorate = models.ForeignKey(
        Unit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_supervised",
        verbose_name=_("procuratorate"),
    )
    copied_on = models.DateField(_("copy sent to the procuratorate on"), null=True, blank=True)
    supervision_asked_on = models.DateField(_("supervision asked for on"), null=True, blank=True)
    supervision_outcome = models.CharField(
        _("outcome of the supervision"), max_length=20, choices=Outcome.choices, blank=True
    )
    supervision_outcome_on = models.DateField(_("supervision outcome on"), null=True, blank=True)
    supervision_note = models.TextField(_("the procuratorate's note"), blank=True)
    handed_over_on = models.DateField(_("items and materials handed over on"), null=True, blank=True)
    returned_on = models.DateField(_("back for administrative handling on"), null=True, blank=True)
    return_note = models.TextField(_("note on the return"), blank=True)
    state = FSMField(_("state"), default=TransferState.REPORTED, choices=TransferState.choices, protected=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # Read by the reporting unit, by the police unit it was sent to and by the procuratorate it was copied or put
    # to, and by the office and the leadership; each of those units writes only its own side's steps (the actions
    # say which), the office any.
    scope = Scope(
        unit="unit",
        with_units=("police", "procuratorate"),
        owners_write=True,
        organisation="unit__organisation",
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("transfer to criminal justice")
        verbose_name_plural = _("transfers to criminal justice")
        ordering = ["-reported_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=~Q(state__in=ENDED), name="transfer_one_open_per_case")
        ]

    def __str__(self):
        return f"{self.case.number} {self.case.title}"

    def get_absolute_url(self):
        return reverse("transfer-detail", args=[self.pk])

    @property
    def opened_on(self):
        """The day the police opened a criminal case: on the transfer, on reconsideration, or after supervision."""
        if self.supervision_outcome == Outcome.OPENED:
            return self.supervision_outcome_on
        if self.reconsideration_outcome == Outcome.OPENED:
            return self.reconsideration_answered_on
        return self.police_decided_on if self.police_decision == PoliceDecision.OPENED else None

    @property
    def refused_on(self):
        """The day of the latest word that the refusal stands (the decision, the answer or the supervision)."""
        if self.state not in REFUSAL:
            return None
        return self.supervision_outcome_on or self.reconsideration_answered_on or self.police_decided_on

    def _since_approval(self) -> datetime.timedelta | None:
        if self.approval_at is None or self.state in (TransferState.REPORTED, TransferState.NOT_APPROVED):
            return None
        return (self.sent_at or timezone.now()) - self.approval_at

    @property
    def hours_to_send(self) -> float | None:
        """Hours from the approval to the transfer (to one decimal); while an approved transfer has not gone out,
        the hours so far."""
        elapsed = self._since_approval()
        return None if elapsed is None else round(elapsed.total_seconds() / 3600, 1)

    @property
    def over_24_hours(self) -> bool:
        """Sent more than 24 hours after the approval, or not sent yet when 24 hours have passed."""
        elapsed = self._since_approval()
        return elapsed is not None and elapsed > datetime.timedelta(hours=HOURS_TO_SEND)

    # The transitions; services/transfers.py guards, times and records them.
    @transition(field=state, source=TransferState.REPORTED, target=TransferState.APPROVED)
    def approve(self, approver, at):
        self.approver, self.approval_at = approver, at

    @transition(field=state, source=TransferState.REPORTED, target=TransferState.NOT_APPROVED)
    def not_approve(self, approver, at, reasons):
        self.approver, self.approval_at, self.not_approved_reasons = approver, at, reasons

    @transition(field=state, source=TransferState.APPROVED, target=TransferState.SENT)
    def send(self, at, police):
        self.sent_at, self.police = at, police

    @transition(field=state, source=TransferState.SENT, target=TransferState.RECEIVED)
    def receive(self, day):
        self.police_received_on = day

    @transition(field=state, source=TransferState.RECEIVED, target=TransferState.OPENED)
    def open(self, day, reasons):
        self.police_decision, self.police_decided_on, self.police_reasons = PoliceDecision.OPENED, day, reasons

    @transition(field=state, source=TransferState.RECEIVED, target=TransferState.REFUSED)
    def refuse(self, day, reasons):
        self.police_decision, self.police_decided_on, self.police_reasons = PoliceDecision.REFUSED, day, reasons

    @transition(field=state, source=TransferState.RECEIVED, target=TransferState.PASSED_ON)
    def pass_on(self, day, reasons, body):
        self.police_decision, self.police_decided_on, self.police_reasons = PoliceDecision.PASSED_ON, day, reasons
        self.passed_to = body

    @transition(field=state, source=TransferState.REFUSED, target=TransferState.RECONSIDERING)
    def ask_reconsideration(self, day):
        self.reconsideration_asked_on = day

    @transition(field=state, source=TransferState.RECONSIDERING, target=RETURN_VALUE(*OPENED_OR_UPHELD))
    def answer(self, day, outcome, note):
        self.reconsideration_answered_on, self.reconsideration_outcome, self.reconsideration_note = day, outcome, note
        return TransferState.OPENED if outcome == Outcome.OPENED else TransferState.UPHELD

    @transition(field=state, source=REFUSAL, target=TransferState.SUPERVISION)
    def ask_supervision(self, day, procuratorate):
        self.supervision_asked_on, self.procuratorate = day, procuratorate

    @transition(field=state, source=TransferState.SUPERVISION, target=RETURN_VALUE(*OPENED_OR_UPHELD))
    def supervise(self, day, outcome, note):
        self.supervision_outcome_on, self.supervision_outcome, self.supervision_note = day, outcome, note
        return TransferState.OPENED if outcome == Outcome.OPENED else TransferState.UPHELD

    @transition(field=state, source=[*REFUSAL, TransferState.OPENED], target=TransferState.RETURNED)
    def come_back(self, day, note):
        self.returned_on, self.return_note = day, note
