from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region, Unit
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .kinds import CaseKind, IPType


class Source(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint or tip")
    INSPECTION = "inspection", _("Inspection")
    REFERRAL = "referral", _("Referral")
    SPECIAL_ACTION = "special-action", _("Special enforcement action")
    TRANSFER_IN = "transfer-in", _("Transferred in")
    E_COMMERCE = "e-commerce", _("E-commerce monitoring")
    EXHIBITION = "exhibition", _("Exhibition")


class State(models.TextChoices):
    LEAD = "lead", _("Lead")
    FILED = "filed", _("Filed")
    NOT_FILED = "not-filed", _("Not filed")
    INVESTIGATION = "investigation", _("Under investigation")
    DECIDED = "decided", _("Decided")
    ENFORCEMENT = "enforcement", _("Under enforcement")
    CLOSED = "closed", _("Closed")
    TRANSFERRED = "transferred", _("Transferred to the police")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_BEFORE_DECISION = [State.FILED, State.INVESTIGATION]
ENDED = [State.NOT_FILED, State.CLOSED, State.TRANSFERRED, State.WITHDRAWN]

AMOUNT = {"max_digits": 14, "decimal_places": 2, "default": 0}


class Case(ConcurrentTransitionMixin, Plausible):
    """An administrative enforcement case (行政执法案件) of one enforcing unit, from the lead to its closing.

    Its time limits are core clocks on the case (the filing clock from the lead, the decision clock from filing),
    under the rules its kind names; the state moves only by the actions in services/cases.py."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="enforcement_cases", verbose_name=_("enforcing unit"))
    number = models.CharField(_("case number"), max_length=60)
    title = models.CharField(_("case name"), max_length=200)
    kind = models.ForeignKey(CaseKind, models.PROTECT, related_name="cases", verbose_name=_("case kind"))
    ip_type = models.CharField(_("IP type"), max_length=20, choices=IPType.choices)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    township = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("township")
    )
    goods = models.CharField(_("goods involved"), max_length=300, blank=True)
    illegal_turnover = models.DecimalField(_("illegal turnover"), **AMOUNT)
    fine = models.DecimalField(_("fine"), **AMOUNT)
    confiscation = models.DecimalField(_("confiscated illegal gains"), **AMOUNT)
    compensation = models.DecimalField(_("compensation"), **AMOUNT)
    punitive_damages = models.DecimalField(_("punitive damages"), **AMOUNT)
    decision_number = models.CharField(_("decision document number"), max_length=100, blank=True)
    lead_on = models.DateField(_("lead received on"))
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    ended_on = models.DateField(
        _("ended on"), null=True, blank=True, help_text=_("Closed, not filed, transferred or withdrawn on.")
    )
    outcome_note = models.TextField(_("note on the outcome"), blank=True)
    state = FSMField(_("state"), default=State.LEAD, choices=State.choices, protected=True)
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    action = models.ForeignKey(
        "SpecialAction",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("special enforcement action"),
        help_text=_("The special action the case came from or belongs to."),
    )
    # The import of a case ledger (案件台账) that entered it, if one did (services/ledger_import.py).
    import_batch = models.ForeignKey(
        "core.ImportBatch", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("import batch")
    )
    # The clocks as read when an action last changed them (services/clock_fields.py keeps them, in the action's
    # transaction), so that the case list sorts by time left and the on-time figures count many cases in one query;
    # core/clocks.py stays the reading, and the clocks' own history the audit.
    clock_due = models.DateField(
        _("running time limit due on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Empty when no clock runs, or while its due date moves day by day (a period not counted runs)."),
    )
    clock_paused = models.BooleanField(
        _("running time limit paused"),
        default=False,
        editable=False,
        help_text=_("A period not counted runs, so the due date moves on with every day and is read when shown."),
    )
    decision_due = models.DateField(
        _("decision due on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The decision clock's due date as it stood on the day the clock stopped."),
    )
    decision_on_time = models.BooleanField(
        _("decided on time"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Whether the decision clock stopped on or before its due date; empty until it stops."),
    )
    history = HistoricalRecords(excluded_fields=["clock_due", "clock_paused", "decision_due", "decision_on_time"])

    # Each enforcing unit reads and writes its own cases only; the office and the leadership read them all. (The
    # shared view other member units will read, without personal data, is a page of its own, not this scope.)
    scope = Scope(unit="unit", owners_write=True, organisation="unit__organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("enforcement case")
        verbose_name_plural = _("enforcement cases")
        ordering = ["-lead_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["unit", "number"], name="case_number_unique_in_unit")]
        indexes = [
            models.Index(fields=["state", "ended_on"]),
            # The list's order: a page of the cases without a running clock is read off it, not sorted for.
            models.Index(fields=["-lead_on", "-id"], name="case_newest_lead"),
            # The list by time left: the cases whose running clock has a due date kept, soonest first.
            models.Index(
                fields=["clock_due", "-lead_on", "-id"],
                name="case_clock_due",
                condition=models.Q(clock_due__isnull=False),
            ),
            # The few paused clocks, read when the list is shown; the list of one IP type, newest first.
            models.Index(fields=["clock_paused"], name="case_clock_paused", condition=models.Q(clock_paused=True)),
            models.Index(fields=["ip_type", "-lead_on", "-id"], name="case_ip_type_newest"),
            # T8 by month and region: the closings read from the index alone.
            models.Index(fields=["state", "ended_on", "township", "unit", "decision_on_time"], name="case_closings"),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("case-detail", args=[self.pk])

    @property
    def running_rule(self) -> str:
        """The key of the clock running now: the filing clock for a lead, the decision clock until the decision."""
        if self.state == State.LEAD:
            return self.kind.filing_rule
        if self.state in OPEN_BEFORE_DECISION:
            return self.kind.decision_rule
        return ""

    # The transitions; services/cases.py guards, times and records them.
    @transition(field=state, source=State.LEAD, target=State.FILED)
    def file(self, day):
        self.filed_on = day

    @transition(field=state, source=State.LEAD, target=State.NOT_FILED)
    def decline(self, day, note):
        self.ended_on, self.outcome_note = day, note

    @transition(field=state, source=State.FILED, target=State.INVESTIGATION)
    def investigate(self):
        pass

    @transition(field=state, source=OPEN_BEFORE_DECISION, target=State.DECIDED)
    def decide(self, day, number):
        self.decided_on, self.decision_number = day, number

    @transition(field=state, source=State.DECIDED, target=State.ENFORCEMENT)
    def enforce(self):
        pass

    @transition(field=state, source=[State.DECIDED, State.ENFORCEMENT], target=State.CLOSED)
    def close(self, day, note):
        self.ended_on, self.outcome_note = day, note

    @transition(field=state, source=[State.LEAD, *OPEN_BEFORE_DECISION], target=State.TRANSFERRED)
    def transfer(self, day, note):
        self.ended_on, self.outcome_note = day, note

    @transition(field=state, source=[State.LEAD, *OPEN_BEFORE_DECISION], target=State.WITHDRAWN)
    def withdraw(self, day, note):
        self.ended_on, self.outcome_note = day, note

    @transition(field=state, source=State.TRANSFERRED, target=RETURN_VALUE(State.LEAD, State.INVESTIGATION))
    def take_back(self):
        """Back from the police for administrative handling: under investigation again, or a lead again if it was
        transferred before filing."""
        self.ended_on, self.outcome_note = None, ""
        return State.INVESTIGATION if self.filed_on else State.LEAD
