"""Patents and their legal-status events. Validity and annuities: services/patents.py; terms: terms.py."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..identifiers import IdentifierError, parse_patent_application
from ..terms import (
    DESIGN_TERM_CHANGE,
    DESIGN_TERM_YEARS_BEFORE,
    DESIGN_TERM_YEARS_FROM,
    PATENT_TERM_YEARS,
    years_cutoff,
)
from .enterprises import Enterprise
from .records import RegisterRecord


class PatentType(models.TextChoices):
    INVENTION = "invention", _("invention patent")
    UTILITY_MODEL = "utility_model", _("utility model")
    DESIGN = "design", _("design")


# The type digit of the application number; 8 and 9 are PCT applications entering the national phase.
TYPE_BY_CODE = {
    "1": PatentType.INVENTION,
    "8": PatentType.INVENTION,
    "2": PatentType.UTILITY_MODEL,
    "9": PatentType.UTILITY_MODEL,
    "3": PatentType.DESIGN,
}


class PatentEventKind(models.TextChoices):
    GRANT = "grant", _("grant")
    LAPSE = "lapse", _("lapse for non-payment of annuities")
    EXPIRY = "expiry", _("expiry of the term")
    INVALIDATION = "invalidation", _("invalidated in full")
    PARTIAL_INVALIDATION = "partial_invalidation", _("invalidated in part")
    RESTORATION = "restoration", _("restoration of rights")
    TRANSFER = "transfer", _("transfer")
    PLEDGE = "pledge", _("pledge")
    PLEDGE_RELEASE = "pledge_release", _("pledge released")
    LICENCE = "licence", _("licence")
    ABANDONMENT = "abandonment", _("abandonment")
    REJECTION = "rejection", _("rejection")
    WITHDRAWAL = "withdrawal", _("deemed withdrawn")
    # An export's simple status 失效 says the rights ended without saying why (lapse, invalidation, expiry …).
    TERMINATION = "termination", _("rights ended (cause not stated)")
    OTHER = "other", _("other")


# Events that end a patent (or an application) until a later restoration, and the state they leave.
TERMINATING = {
    PatentEventKind.LAPSE: "lapsed",
    PatentEventKind.INVALIDATION: "invalidated",
    PatentEventKind.ABANDONMENT: "abandoned",
    PatentEventKind.WITHDRAWAL: "abandoned",
    PatentEventKind.REJECTION: "rejected",
    PatentEventKind.TERMINATION: "ended",
}


def _not_expired(day: date) -> Q:
    """The patents whose term has not run out by `day`, as filing-date cutoffs per type (Patent Law art. 42)."""
    invention = Q(patent_type=PatentType.INVENTION, filing_date__gt=years_cutoff(day, PATENT_TERM_YEARS["invention"]))
    utility = Q(
        patent_type=PatentType.UTILITY_MODEL, filing_date__gt=years_cutoff(day, PATENT_TERM_YEARS["utility_model"])
    )
    old_design = Q(
        patent_type=PatentType.DESIGN,
        filing_date__lt=DESIGN_TERM_CHANGE,
        filing_date__gt=years_cutoff(day, DESIGN_TERM_YEARS_BEFORE),
    )
    new_design = Q(
        patent_type=PatentType.DESIGN,
        filing_date__gte=DESIGN_TERM_CHANGE,
        filing_date__gt=years_cutoff(day, DESIGN_TERM_YEARS_FROM),
    )
    return invention | utility | old_design | new_design


class PatentQuerySet(ScopedQuerySet):
    def valid_on(self, day: date):
        """The patents valid on `day`, as one SQL query: the same rule as services/patents.py `status_on`.

        Terms are compared as filing-date cutoffs computed here, so no date arithmetic runs in the database
        and the query is the same on SQLite and PostgreSQL.
        """
        granted_event = PatentEvent.objects.filter(patent=OuterRef("pk"), kind=PatentEventKind.GRANT, date__lte=day)
        restored_after = PatentEvent.objects.filter(
            patent=OuterRef("patent"), kind=PatentEventKind.RESTORATION, date__gte=OuterRef("date"), date__lte=day
        )
        unrestored_termination = PatentEvent.objects.filter(
            patent=OuterRef("pk"), kind__in=list(TERMINATING), date__lte=day
        ).exclude(Exists(restored_after))
        return (
            self.alias(_granted=Exists(granted_event))
            .filter(Q(grant_date__lte=day) | Q(grant_date__isnull=True, _granted=True), _not_expired(day))
            .exclude(Exists(unrestored_termination))
        )


PCT_NUMBER = r"^PCT/[A-Z]{2}[0-9]{4}/[0-9]{6}$"

# The yes/no facts behind CNIPA's high-value invention patents; the award is the fourth, as text.
HIGH_VALUE_FLAGS = ("strategic_emerging", "foreign_family", "high_pledge_financing")


def patent_type_of(number) -> str:
    return TYPE_BY_CODE[number.type_code]


class Patent(RegisterRecord):
    """A patent or patent application as the register (or an import) gives it."""

    application_number = models.CharField(_("application number"), max_length=20, unique=True)
    # Always derived from the number (clean() and save()), never typed.
    patent_type = models.CharField(
        _("patent type"), max_length=20, choices=PatentType.choices, blank=True, editable=False
    )
    title = models.CharField(_("title"), max_length=500)
    applicants = models.TextField(_("applicants (as written)"), blank=True)
    holders = models.ManyToManyField(
        Enterprise, blank=True, related_name="patents", verbose_name=_("holders in the register")
    )
    inventors = models.TextField(_("inventors"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="patents", verbose_name=_("region")
    )
    filing_date = models.DateField(_("filing date"))
    publication_number = models.CharField(_("publication number"), max_length=30, blank=True)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    grant_number = models.CharField(_("grant publication number"), max_length=30, blank=True)
    grant_date = models.DateField(_("grant date"), null=True, blank=True)
    ipc_codes = models.CharField(_("IPC codes"), max_length=1000, blank=True, help_text=_("Separated by ';'."))
    main_ipc = models.CharField(_("main IPC code"), max_length=50, blank=True)
    # Designs are classed by the Locarno classification, never by IPC: `14-02(10)` is class 14, subclass 02,
    # 10th edition (the edition kept when the source gives it).
    locarno_classes = models.CharField(
        _("Locarno classes"), max_length=300, blank=True, help_text=_("Designs only; separated by ';'.")
    )
    agency = models.CharField(_("patent agency"), max_length=200, blank=True)
    # The legal status as the source last stated it, word for word; its events (grant, termination …) are what
    # validity is computed from (PatentEvent).
    legal_status = models.CharField(_("legal status as stated by the source"), max_length=500, blank=True)
    legal_status_date = models.DateField(_("date of the stated legal status"), null=True, blank=True)
    # The four facts behind CNIPA's high-value invention patents that the register cannot derive, as the source
    # (an import or the office) states them (services/patents.py `is_high_value`, docs/registry.md).
    strategic_emerging = models.BooleanField(
        _("in a strategic emerging industry"),
        default=False,
        help_text=_(
            "As the source states it, by CNIPA's reference table of strategic emerging industries and IPC (2021)."
        ),
    )
    foreign_family = models.BooleanField(
        _("patent family member granted abroad"), default=False, help_text=_("As the source states it.")
    )
    high_pledge_financing = models.BooleanField(
        _("obtained high pledge financing"),
        default=False,
        help_text=_("As the finance office or the source states it; pledge amounts are not kept in the register."),
    )
    award = models.CharField(
        _("National Science and Technology Award or China Patent Award"),
        max_length=200,
        blank=True,
        help_text=_("The award as the source names it, e.g. 第二十三届中国专利银奖; blank: none."),
    )
    # The PCT international application this record belongs to (its priority application, or its entry into the
    # national phase), as the source states it: the register's own numbers do not say whether a local applicant
    # also filed abroad under the PCT (type digits 8 and 9 mark entries into China's national phase).
    pct_number = models.CharField(
        _("PCT international application number"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(PCT_NUMBER, _("Write a PCT application number as PCT/CN2023/123456."))],
    )
    pct_filing_date = models.DateField(_("PCT international filing date"), null=True, blank=True)
    # Holders' history is not kept yet: the audit page expects one history per registered model and the
    # m2m history of simple-history registers the through table as one more, without a `history` manager.
    history_unindexed = ("application_number", "region", "import_batch")

    scope = Scope(region="region", enterprise="holders", many=True)
    objects = PatentQuerySet.as_manager()

    class Meta:
        verbose_name = _("patent")
        verbose_name_plural = _("patents")
        ordering = ["application_number"]
        indexes = [
            # Validity counts by month read the patents of a type from this index alone (PostgreSQL: an
            # index-only scan) instead of scanning the whole register: services/monthly.py, high_value.py.
            models.Index(
                fields=["patent_type", "region", "grant_date", "filing_date"],
                include=["id", "strategic_emerging", "foreign_family", "high_pledge_financing", "award"],
                name="registry_patent_validity",
            )
        ]

    def __str__(self):
        return f"{self.application_number} {self.title}"

    def save(self, *args, **kwargs):
        if not self.patent_type:
            self.patent_type = patent_type_of(parse_patent_application(self.application_number))
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        try:
            number = parse_patent_application(self.application_number)
        except IdentifierError as error:
            raise ValidationError({"application_number": error.reason}) from None
        self.application_number = number.normalized
        self.patent_type = patent_type_of(number)
        if self.grant_date and self.filing_date and self.grant_date < self.filing_date:
            raise ValidationError({"grant_date": _("The grant date is before the filing date.")})
        if bool(self.pct_number) != bool(self.pct_filing_date):
            field = "pct_filing_date" if self.pct_number else "pct_number"
            raise ValidationError({field: _("A PCT application needs both its number and its filing date.")})

    def high_value_facts(self) -> str:
        """The facts the source states that make a valid invention patent high-value, as text ("" for none); the
        fifth kind, ten years from the filing date, depends on the day (services/patents.py `is_high_value`)."""
        facts = [
            str(field.verbose_name)
            for field in (self._meta.get_field(name) for name in HIGH_VALUE_FLAGS)
            if getattr(self, field.name)
        ]
        if self.award:
            facts.append(f"{gettext('award')}: {self.award}")
        return "; ".join(facts)


class PatentEvent(Plausible):
    """One legal-status event of a patent, with the phrase as the source wrote it."""

    patent = models.ForeignKey(Patent, models.CASCADE, related_name="events", verbose_name=_("patent"))
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=30, choices=PatentEventKind.choices)
    text = models.CharField(_("text as written"), max_length=500, blank=True)
    history = HistoricalRecords()

    scope = Scope(region="patent__region", enterprise="patent__holders", many=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("patent legal-status event")
        verbose_name_plural = _("patent legal-status events")
        ordering = ["patent", "date", "pk"]
        indexes = [
            models.Index(fields=["patent", "kind", "date"]),
            # The events of some kinds across the register (validity counts), read from this index alone.
            models.Index(fields=["kind", "patent", "date"], name="registry_patentevent_kind"),
        ]

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}"
