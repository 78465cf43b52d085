"""IP special funds (知识产权专项资金, 五(二)): subsidy schemes as data, enterprises' applications with their claims,
the review (township → office → finance bureau), the public notice (公示) with its objections, the payment, and
the awards made before the platform (imported), which the double-subsidy guard reads as well.

Amounts are in 万元, as the programme's figures are."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from .pledges import AMOUNT, Loan


def _chinese() -> bool:
    return (get_language() or "zh").startswith("zh")


class Purpose(models.TextChoices):
    """What the work plan directs the special funds to (五(二))."""

    INVENTION = "invention", _("invention and creation")
    USE = "use", _("use and transfer")
    FINANCE = "finance", _("finance")
    ENFORCEMENT = "enforcement", _("enforcement and rights protection")
    PLATFORM = "platform", _("platform building")


class Basis(models.TextChoices):
    """What one claim is and how its eligibility is checked against the register (services/eligibility.py)."""

    INVENTION_GRANTED = "invention-granted", _("an invention patent granted")
    PCT_FILED = "pct-filed", _("a PCT international application filed")
    MADRID_REGISTERED = "madrid-registered", _("a trademark registered abroad through Madrid")
    PLEDGE_INTEREST = "pledge-interest", _("interest paid on an IP pledge loan")
    PROJECT = "project", _("a project approved by a document")


class SubsidyScheme(models.Model):
    """One year's call of a subsidy scheme: its items, the window the rights must fall in, its budget by purpose,
    and the unit that reviews last and pays (the finance bureau). Loaded from a data file (docs/data-formats.md)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    organisation = models.ForeignKey("core.Region", models.PROTECT, related_name="+", verbose_name=_("organisation"))
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    document = models.CharField(_("document"), max_length=300, blank=True, help_text=_("The measures it follows."))
    year = models.PositiveSmallIntegerField(_("year"))
    opens_on = models.DateField(_("applications from"))
    closes_on = models.DateField(_("applications until"))
    window_from = models.DateField(_("rights granted or filed from"))
    window_to = models.DateField(_("rights granted or filed until"))
    payer = models.ForeignKey(
        "core.Unit", models.PROTECT, related_name="+", verbose_name=_("reviewing and paying unit")
    )
    published = models.BooleanField(_("published"), default=True, help_text=_("A published call is read by everyone."))
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    source = models.CharField(_("file"), max_length=200, blank=True)
    history = HistoricalRecords()

    # A published call is read by everyone (enterprises apply to it); only the office writes.
    scope = Scope(shared=True, organisation="organisation", public=("published", (True,)))
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("subsidy scheme")
        verbose_name_plural = _("subsidy schemes")
        ordering = ["-year", "key"]

    def __str__(self):
        return f"{self.label}（{self.year}）" if _chinese() else f"{self.label} ({self.year})"

    def get_absolute_url(self):
        return reverse("finance-scheme-detail", args=[self.pk])

    @property
    def label(self) -> str:
        """Its name in the reader's language (the Chinese one when it has no other)."""
        return self.name if _chinese() else (self.name_en or self.name)

    def open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class SubsidyItem(models.Model):
    """An item of a scheme: what is claimed (`basis`), the amount per claim or the percentage of the interest
    paid, the cap of one claim and of one applicant in the scheme's year."""

    scheme = models.ForeignKey(SubsidyScheme, models.CASCADE, related_name="items", verbose_name=_("scheme"))
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    basis = models.CharField(_("what is claimed"), max_length=30, choices=Basis.choices)
    amount = models.DecimalField(_("amount per claim (10,000 yuan)"), null=True, blank=True, **AMOUNT)
    percent = models.DecimalField(
        _("share of the interest paid (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    cap = models.DecimalField(_("cap per claim (10,000 yuan)"), null=True, blank=True, **AMOUNT)
    cap_per_applicant = models.DecimalField(
        _("cap per applicant in the year (10,000 yuan)"), null=True, blank=True, **AMOUNT
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    scope = Scope(shared=True, organisation="scheme__organisation", public=("scheme__published", (True,)))
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("subsidy item")
        verbose_name_plural = _("subsidy items")
        ordering = ["scheme", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["scheme", "key"], name="subsidy_item_once")]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.name if _chinese() else (self.name_en or self.name)


class SchemeBudget(models.Model):
    scheme = models.ForeignKey(SubsidyScheme, models.CASCADE, related_name="budgets", verbose_name=_("scheme"))
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    amount = models.DecimalField(_("budget (10,000 yuan)"), **AMOUNT)

    scope = Scope(shared=True, organisation="scheme__organisation", public=("scheme__published", (True,)))
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("scheme budget")
        verbose_name_plural = _("scheme budgets")
        constraints = [models.UniqueConstraint(fields=["scheme", "purpose"], name="scheme_budget_once")]

    def __str__(self):
        return f"{self.scheme} {self.get_purpose_display()}"


class Stage(models.TextChoices):
    DRAFT = "draft", _("Draft")
    TOWNSHIP = "township", _("Township review")
    OFFICE = "office", _("Office review")
    FINANCE = "finance", _("Finance bureau review")
    RETURNED = "returned", _("Returned for correction")
    NOTICE = "notice", _("In public notice")
    PAID = "paid", _("Paid")
    REFUSED = "refused", _("Not granted")


REVIEW_STAGES = (Stage.TOWNSHIP, Stage.OFFICE, Stage.FINANCE)
# Approved by every review: what the budget counts as approved and the double-subsidy guard as awarded.
AWARDED = (Stage.NOTICE, Stage.PAID)


def _application_scope(path: str = "", *, drafts: bool = True) -> Scope:
    """The applicant enterprise reads and corrects its own; the township unit reviewing it and the paying unit
    read it (once submitted: a draft names no township yet); no other unit does. `drafts`: the rows exist while
    the application is a draft (its claims; not its reviews or objections, which come after)."""
    prefix = f"{path}__" if path else ""
    return Scope(
        unit=f"{prefix}township",
        with_units=(f"{prefix}scheme__payer",),
        enterprise=f"{prefix}applicant",
        owners_write=True,
        organisation=f"{prefix}scheme__organisation",
        unfinished=(f"{prefix}stage", (Stage.DRAFT,)) if drafts else None,
    )


class ApplicationQuerySet(ScopedQuerySet):
    """The public notice's two sides, as every list, to-do and check reads them."""

    def in_notice(self, day):
        """In their public notice on the day."""
        return self.filter(stage=Stage.NOTICE, notice_to__gte=day)

    def notice_over(self, day):
        """Through their public notice by the day, not paid yet: to pay."""
        return self.filter(stage=Stage.NOTICE, notice_to__lt=day)


class SubsidyApplication(Plausible):
    number = models.CharField(_("application number"), max_length=30, unique=True)
    scheme = models.ForeignKey(SubsidyScheme, models.PROTECT, related_name="applications", verbose_name=_("scheme"))
    applicant = models.ForeignKey(
        "registry.Enterprise", models.PROTECT, related_name="subsidy_applications", verbose_name=_("applicant")
    )
    township = models.ForeignKey(
        "core.Unit", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("township reviewing")
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.DRAFT)
    returned_from = models.CharField(_("returned from"), max_length=20, choices=Stage.choices, blank=True)
    contact = models.CharField(_("contact person"), max_length=100)
    phone = models.CharField(_("phone"), max_length=40)
    account_name = models.CharField(_("account name"), max_length=200, blank=True)
    account_bank = models.CharField(_("bank of the account"), max_length=200)
    account_number = models.CharField(_("account number"), max_length=40)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    notice_from = models.DateField(_("public notice from"), null=True, blank=True)
    notice_to = models.DateField(_("public notice until"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_amount = models.DecimalField(_("amount paid (10,000 yuan)"), null=True, blank=True, **AMOUNT)
    voucher = models.CharField(_("payment voucher number"), max_length=60, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    synthetic = models.BooleanField(_("synthetic demo record"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    scope = _application_scope()
    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("subsidy application")
        verbose_name_plural = _("subsidy applications")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["stage"])]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("finance-application-detail", args=[self.pk])

    @property
    def state(self) -> str:
        """The stage, under the name the steps' table reads (core/steps.py)."""
        return self.stage

    @property
    def editable(self) -> bool:
        """The applicant adds and removes claims and files while it is a draft or returned."""
        return self.stage in (Stage.DRAFT, Stage.RETURNED)

    @property
    def approved_total(self):
        return sum((line.approved for line in self.claims.all() if line.approved is not None), start=0)

    @property
    def eligible_total(self):
        return sum((line.eligible for line in self.claims.all()), start=0)


class Claim(models.Model):
    """One claim of an application under one item: a right (by number, linked to the register when it holds
    it), a loan, or a project document; the amount the rules give (`eligible`, with `reasons` line by line) and
    the amount approved."""

    application = models.ForeignKey(
        SubsidyApplication, models.CASCADE, related_name="claims", verbose_name=_("application")
    )
    item = models.ForeignKey(SubsidyItem, models.PROTECT, related_name="claims", verbose_name=_("item"))
    subject = models.CharField(
        _("number claimed"), max_length=100, help_text=_("Patent or trademark number, loan contract, document number.")
    )
    patent = models.ForeignKey(
        "registry.Patent", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("patent")
    )
    trademark = models.ForeignKey(
        "registry.Trademark", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("trademark")
    )
    loan = models.ForeignKey(Loan, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("loan"))
    declared = models.DecimalField(
        _("interest paid (10,000 yuan)"), null=True, blank=True, help_text=_("For an interest subsidy."), **AMOUNT
    )
    eligible = models.DecimalField(_("eligible amount (10,000 yuan)"), default=0, **AMOUNT)
    reasons = models.JSONField(_("how the amount was found"), default=list)
    approved = models.DecimalField(_("approved amount (10,000 yuan)"), null=True, blank=True, **AMOUNT)
    approval_note = models.CharField(_("why the approved amount differs"), max_length=300, blank=True)
    history = HistoricalRecords()

    scope = _application_scope("application")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("subsidy claim")
        verbose_name_plural = _("subsidy claims")
        ordering = ["application", "item__order", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "item", "subject"], name="subsidy_claim_once")]
        indexes = [models.Index(fields=["subject"])]

    def __str__(self):
        return f"{self.item} {self.subject}"

    @property
    def record(self):
        return self.patent or self.trademark

    def record_url(self) -> str:
        if self.patent_id:
            return reverse("patent-detail", args=[self.patent_id])
        if self.trademark_id:
            return reverse("trademark-detail", args=[self.trademark_id])
        return ""


class Outcome(models.TextChoices):
    PASSED = "passed", _("passed")
    RETURNED = "returned", _("returned")
    REFUSED = "refused", _("refused")


class Review(models.Model):
    """One decision of one stage of the review, with its reasons and who took it."""

    application = models.ForeignKey(
        SubsidyApplication, models.CASCADE, related_name="reviews", verbose_name=_("application")
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    reasons = models.TextField(_("reasons"), blank=True)
    day = models.DateField(_("day"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    unit = models.ForeignKey("core.Unit", models.SET_NULL, null=True, blank=True, related_name="+")

    scope = _application_scope("application", drafts=False)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["application", "day", "pk"]

    def __str__(self):
        return f"{self.application} {self.get_stage_display()} {self.get_outcome_display()}"


class Objection(models.Model):
    """An objection raised during the public notice, as the office received it, and its decision: upheld sends
    the application back to the office's review; until it is decided, nothing is paid."""

    application = models.ForeignKey(
        SubsidyApplication, models.CASCADE, related_name="objections", verbose_name=_("application")
    )
    received_on = models.DateField(_("received on"))
    raised_by = models.CharField(_("raised by"), max_length=200, blank=True, help_text=_("May be left empty."))
    text = models.TextField(_("objection"))
    upheld = models.BooleanField(_("upheld"), null=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision = models.TextField(_("decision and reasons"), blank=True)

    scope = _application_scope("application", drafts=False)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["application", "received_on", "pk"]

    def __str__(self):
        return f"{self.application} {self.received_on:%Y-%m-%d}"


class PastAward(models.Model):
    """A subsidy awarded before the platform kept the applications (imported from the office's ledger): the
    double-subsidy guard reads it as it reads the awards made here."""

    applicant = models.ForeignKey(
        "registry.Enterprise", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("applicant")
    )
    applicant_name = models.CharField(_("applicant (as written)"), max_length=200)
    scheme_name = models.CharField(_("scheme"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    basis = models.CharField(_("what was claimed"), max_length=30, choices=Basis.choices)
    subject = models.CharField(_("number claimed"), max_length=100)
    amount = models.DecimalField(_("amount awarded (10,000 yuan)"), **AMOUNT)
    import_batch = models.ForeignKey(
        "core.ImportBatch", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("import batch")
    )
    organisation = models.ForeignKey("core.Region", models.PROTECT, null=True, blank=True, related_name="+")

    # The office and the leadership read them; the enterprise its own.
    scope = Scope(enterprise="applicant", organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("past subsidy award")
        verbose_name_plural = _("past subsidy awards")
        ordering = ["-year", "pk"]
        constraints = [models.UniqueConstraint(fields=["basis", "subject", "year"], name="past_award_once")]
        indexes = [models.Index(fields=["subject"])]

    def __str__(self):
        return f"{self.scheme_name}（{self.year}）{self.subject}"
