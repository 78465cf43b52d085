"""Trademarks and their events. Validity: services/trademarks.py; terms: terms.py; Nice classes: nice.py."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from zhichan.core.models import Region
from zhichan.core.plausible import Plausible
from zhichan.core.scoping import Scope, ScopedQuerySet

from ..identifiers import IdentifierError, parse_trademark_registration, trademark_kind
from ..nice import parse_nice_classes
from ..terms import EARLIEST_REGISTRATION_YEAR, TRADEMARK_TERM_YEARS, earliest_registration
from .enterprises import Enterprise
from .records import RegisterRecord


class TrademarkKind(models.TextChoices):
    ORDINARY = "ordinary", _("ordinary trademark")
    COLLECTIVE = "collective", _("collective mark")
    CERTIFICATION = "certification", _("certification mark")


class TrademarkEventKind(models.TextChoices):
    RENEWAL = "renewal", _("renewal")
    TRANSFER = "transfer", _("transfer")
    CANCELLATION = "cancellation", _("cancellation")
    REVOCATION = "revocation", _("revocation")
    INVALIDATION = "invalidation", _("declared invalid")
    LICENCE = "licence", _("licence")
    PLEDGE = "pledge", _("pledge")
    OTHER = "other", _("other")


# Events that end a trademark, and the state they leave.
TERMINATING = {
    TrademarkEventKind.CANCELLATION: "cancelled",
    TrademarkEventKind.REVOCATION: "revoked",
    TrademarkEventKind.INVALIDATION: "invalidated",
}


class TrademarkQuerySet(ScopedQuerySet):
    def valid_on(self, day: date):
        """The trademarks valid on `day`, as one SQL query: the same rule as services/trademarks.py `status_on`.

        A registration needs as many renewals as the terms it takes to reach `day`, less one; that number follows
        from its registration date alone (each possible number of terms is a date bound computed here, so no date
        arithmetic runs in the database). The renewals up to `day` are counted once per row, in a subquery.
        """
        renewals = (
            TrademarkEvent.objects.filter(trademark=OuterRef("pk"), kind=TrademarkEventKind.RENEWAL, date__lte=day)
            .order_by()
            .values("trademark")
            .annotate(count=Count("pk"))
            .values("count")
        )
        # Registrations start in 1950 (Trademark.clean), so this many terms reach back far enough.
        most_terms = max((day.year - EARLIEST_REGISTRATION_YEAR) // TRADEMARK_TERM_YEARS + 2, 1)
        # The bounds fall as the terms grow: the first bound a registration date reaches gives the fewest terms.
        needed = Case(
            *(
                When(registration_date__gte=earliest_registration(day, terms), then=Value(terms - 1))
                for terms in range(1, most_terms + 1)
            ),
            default=Value(NEVER),
            output_field=IntegerField(),
        )
        terminated = TrademarkEvent.objects.filter(trademark=OuterRef("pk"), kind__in=list(TERMINATING), date__lte=day)
        return (
            self.alias(_renewals=Coalesce(Subquery(renewals, output_field=IntegerField()), Value(0)), _needed=needed)
            .filter(Q(expiry_date__gte=day) | Q(_renewals__gte=F("_needed")), registration_date__lte=day)
            .exclude(Exists(terminated))
        )


NEVER = 1_000_000  # renewals no registration has: one too old for any number of terms


def _registration_number(text) -> str:
    try:
        return parse_trademark_registration(text)
    except IdentifierError as error:
        raise ValidationError({"registration_number": error.reason}) from None


class Trademark(RegisterRecord):
    """A registered trademark (or an application) as the register, a ledger or an import gives it."""

    registration_number = models.CharField(_("registration number"), max_length=20, unique=True)
    mark = models.CharField(_("mark"), max_length=300, help_text=_("The text of the mark, or a description."))
    nice_classes = models.CharField(
        _("Nice classes"), max_length=200, blank=True, help_text=_("Class numbers separated by ';'.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=TrademarkKind.choices, default=TrademarkKind.ORDINARY)
    gi_mark = models.BooleanField(_("geographical indication mark"), default=False)
    madrid = models.BooleanField(_("international registration (Madrid)"), default=False)
    international_registration_date = models.DateField(_("international registration date"), null=True, blank=True)
    holders = models.ManyToManyField(
        Enterprise, blank=True, related_name="trademarks", verbose_name=_("holders in the register")
    )
    applicant_name = models.CharField(_("applicant (as written)"), max_length=500, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="trademarks", verbose_name=_("region")
    )
    application_date = models.DateField(_("application date"), null=True, blank=True)
    preliminary_publication_date = models.DateField(_("preliminary publication date"), null=True, blank=True)
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    expiry_date = models.DateField(
        _("end of the exclusive right"),
        null=True,
        blank=True,
        help_text=_("The last day of the term as the register writes it (专用权期限)."),
    )
    dates_ahead = ("expiry_date",)  # the term runs ahead; the other dates are past (core/plausible.py)
    agency = models.CharField(_("trademark agency"), max_length=200, blank=True)
    history_unindexed = ("registration_number", "region", "import_batch")

    scope = Scope(region="region", enterprise="holders", many=True)
    objects = TrademarkQuerySet.as_manager()

    class Meta:
        verbose_name = _("trademark")
        verbose_name_plural = _("trademarks")
        ordering = ["registration_number"]

    def __str__(self):
        return f"{self.registration_number} {self.mark}"

    @property
    def nice_class_list(self) -> list[int]:
        return parse_nice_classes(self.nice_classes)

    def clean(self):
        super().clean()
        self.registration_number = _registration_number(self.registration_number)
        # An international registration number (G…) is a Madrid registration, whatever the source says.
        if trademark_kind(self.registration_number) in ("international", "subsequent-designation"):
            self.madrid = True
        try:
            self.nice_classes = ";".join(str(number) for number in parse_nice_classes(self.nice_classes))
        except ValueError as error:
            raise ValidationError({"nice_classes": getattr(error, "reason", str(error))}) from None
        if self.gi_mark and self.kind == TrademarkKind.ORDINARY:
            raise ValidationError(
                {"gi_mark": _("A geographical indication is registered as a collective or certification mark.")}
            )
        if self.registration_date and self.registration_date.year < EARLIEST_REGISTRATION_YEAR:
            raise ValidationError({"registration_date": _("The registration date is before 1950.")})
        if self.registration_date and self.application_date and self.registration_date < self.application_date:
            raise ValidationError({"registration_date": _("The registration date is before the application date.")})
        if self.expiry_date and self.registration_date and self.expiry_date <= self.registration_date:
            raise ValidationError({"expiry_date": _("The term ends before it starts.")})


class TrademarkEvent(Plausible):
    """One event in a trademark's life (renewal, transfer, cancellation …), with the phrase as written."""

    trademark = models.ForeignKey(Trademark, models.CASCADE, related_name="events", verbose_name=_("trademark"))
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=30, choices=TrademarkEventKind.choices)
    text = models.CharField(_("text as written"), max_length=500, blank=True)
    history = HistoricalRecords()

    scope = Scope(region="trademark__region", enterprise="trademark__holders", many=True)
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("trademark event")
        verbose_name_plural = _("trademark events")
        ordering = ["trademark", "date", "pk"]
        indexes = [models.Index(fields=["trademark", "kind", "date"])]

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}"
