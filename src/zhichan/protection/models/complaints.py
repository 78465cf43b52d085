from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from zhichan.core.models import Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .cases import Case
from .kinds import IPType


class ComplaintKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    TIP = "tip", _("Tip")


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    LETTER = "letter", _("Letter")
    VISIT = "visit", _("Visit in person")
    ONLINE = "online", _("Online")
    HOTLINE_12315 = "12315", _("Transferred from 12315")
    HOTLINE_12345 = "12345", _("Transferred from 12345")
    OTHER = "other", _("Other")


class ComplaintState(models.TextChoices):
    RECEIVED = "received", _("Received")
    ROUTED = "routed", _("Routed")
    RETURNED = "returned", _("Handed back")
    ACCEPTED = "accepted", pgettext_lazy("complaint", "Accepted")
    NOT_ACCEPTED = "not-accepted", _("Not accepted")
    HANDLED = "handled", _("Replied")
    CLOSED = "closed", pgettext_lazy("complaint", "Closed")


AWAITING_ACCEPTANCE = [ComplaintState.RECEIVED, ComplaintState.ROUTED, ComplaintState.RETURNED]

# The deadline rules (data/clocks/deadline-rules.yaml) of each kind: (acceptance clock, reply clock).
RULES = {
    ComplaintKind.COMPLAINT: ("complaint-acceptance", "complaint-reply"),
    ComplaintKind.TIP: ("tip-acceptance", "tip-reply"),
}


class Complaint(ConcurrentTransitionMixin, Plausible):
    """A complaint or tip (投诉举报) about an IP infringement, held by the unit handling it: received, routed to the
    competent unit, accepted or not, replied to and closed, with its acceptance and reply clocks. The complainant's
    identity is read only by the handling unit and the office (services/complaints.py masks it for others)."""

    kind = models.CharField(_("complaint or tip"), max_length=20, choices=ComplaintKind.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    received_on = models.DateField(_("received on"))
    received_by = models.ForeignKey(
        Unit, models.PROTECT, related_name="+", verbose_name=_("received by"), help_text=_("The unit that took it in.")
    )
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="complaints", verbose_name=_("handling unit"))
    anonymous = models.BooleanField(_("anonymous"), default=False)
    complainant_name = models.CharField(_("complainant"), max_length=100, blank=True)
    complainant_contact = models.CharField(_("complainant's contact"), max_length=100, blank=True)
    complainant_id_number = models.CharField(_("complainant's ID number"), max_length=18, blank=True)
    matter = models.TextField(_("the matter"))
    respondent_name = models.CharField(_("party complained about"), max_length=200, blank=True)
    respondent_credit_code = models.CharField(_("its unified social credit code"), max_length=18, blank=True)
    ip_type = models.CharField(_("IP type"), max_length=20, choices=IPType.choices)
    routed_on = models.DateField(_("routed on"), null=True, blank=True)
    handed_back_note = models.TextField(_("why it was handed back"), blank=True)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    not_accepted_on = models.DateField(_("not accepted on"), null=True, blank=True)
    not_accepted_reason = models.TextField(_("why it was not accepted"), blank=True)
    reply = models.TextField(_("reply"), blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    closed_on = models.DateField(pgettext_lazy("complaint", "closed on"), null=True, blank=True)
    case = models.ForeignKey(
        Case, models.SET_NULL, null=True, blank=True, related_name="complaints", verbose_name=_("case opened")
    )
    state = FSMField(_("state"), default=ComplaintState.RECEIVED, choices=ComplaintState.choices, protected=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    # Like cases: the handling unit reads and writes its own; the office and the leadership read all of their
    # organisation (the leadership without the complainant's identity), and the office writes them.
    scope = Scope(unit="unit", owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("complaint or tip")
        verbose_name_plural = _("complaints and tips")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["state", "received_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} {self.respondent_name}".strip()

    def get_absolute_url(self):
        return reverse("complaint-detail", args=[self.pk])

    @property
    def acceptance_rule(self) -> str:
        return RULES[self.kind][0]

    @property
    def reply_rule(self) -> str:
        return RULES[self.kind][1]

    @property
    def running_rule(self) -> str:
        if self.state in AWAITING_ACCEPTANCE:
            return self.acceptance_rule
        if self.state == ComplaintState.ACCEPTED:
            return self.reply_rule
        return ""

    # The transitions; services/complaints.py guards, times and records them.
    @transition(field=state, source=AWAITING_ACCEPTANCE, target=ComplaintState.ROUTED)
    def route(self, unit, day):
        self.unit, self.routed_on, self.handed_back_note = unit, day, ""

    @transition(field=state, source=ComplaintState.ROUTED, target=ComplaintState.RETURNED)
    def hand_back(self, note):
        self.unit, self.handed_back_note = self.received_by, note

    @transition(field=state, source=AWAITING_ACCEPTANCE, target=ComplaintState.ACCEPTED)
    def accept(self, day):
        self.accepted_on = day

    @transition(field=state, source=AWAITING_ACCEPTANCE, target=ComplaintState.NOT_ACCEPTED)
    def decline(self, day, reason):
        self.not_accepted_on, self.not_accepted_reason = day, reason

    @transition(field=state, source=ComplaintState.ACCEPTED, target=ComplaintState.HANDLED)
    def answer(self, day, text):
        self.replied_on, self.reply = day, text

    @transition(field=state, source=[ComplaintState.HANDLED, ComplaintState.NOT_ACCEPTED], target=ComplaintState.CLOSED)
    def close(self, day):
        self.closed_on = day
