"""What an enterprise reads on its own portal page: its IP (counts, and the first records of each register, linking
to the records it may read), its deadlines (annuities and trademark renewals due within the days chosen: the
registry's portfolio, the same rules the registry's reminders send by), its subsidy applications and the schemes
open to apply to (finance's own pages do the applying), and its requests made on the portal.

Everything is read through the reader's scope (`visible_to`), so an enterprise user reads only its own enterprises'
records whatever the page is asked for.

Which portal requests are the enterprise's: those its reader made signed in, and those another account of the same
enterprise made naming the enterprise's credit code. A request typed without an account is never listed by its
code alone: anyone can type a code."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zhichan.finance.models import SubsidyApplication, SubsidyScheme
from zhichan.registry.models import Certification, CertificationState
from zhichan.registry.services.portfolio import HORIZON_DAYS, portfolio

from ..models import PublicRequest
from . import catalogue

DAYS = (30, 90, 180, 365)  # the windows the page offers for deadlines; the portfolio reads a year ahead
DEFAULT_DAYS = 90
FIRST = 10  # records of each register listed on the page; the rest on the register's own list


def days_from(value) -> int:
    """The window asked for (`?days=`), one of DAYS; anything else is the default."""
    try:
        days = int(value)
    except (TypeError, ValueError):
        return DEFAULT_DAYS
    return days if days in DAYS else DEFAULT_DAYS


@dataclass
class Register:
    key: str
    label: str
    total: int
    valid: int | None  # valid today (None: the register has no validity)
    rows: list  # [(record, state or None)]
    more_url: str  # the register's own list, filtered to the enterprise


@dataclass
class Overview:
    enterprise: object
    day: date
    days: int
    registers: list = field(default_factory=list)  # [Register]
    annuities: list = field(default_factory=list)  # [(due, patent)]
    renewals: list = field(default_factory=list)  # [(term end, grace end, trademark, state)]
    applications: list = field(default_factory=list)  # [SubsidyApplication]
    open_schemes: list = field(default_factory=list)  # [SubsidyScheme]
    requests: list = field(default_factory=list)  # [(PublicRequest, state label)]

    @property
    def horizon(self) -> date:
        return self.day + timedelta(days=self.days)


def _certificate_state(state: str) -> dict:
    """A certificate's state as the page shows a record's: its label, colour and whether it holds."""
    valid = state in (CertificationState.VALID, CertificationState.EXPIRING)
    colour = {CertificationState.VALID: "success", CertificationState.EXPIRING: "warning"}.get(state, "secondary")
    return {"valid": valid, "state": state, "label": CertificationState(state).label, "colour": colour}


def requests_of(enterprise, user):
    """The enterprise's portal requests the reader follows (module docstring), newest first."""
    own = Q(user=user)
    colleagues = Q(user__in=enterprise.members.exclude(pk=user.pk), credit_code=enterprise.uscc or "-")
    return PublicRequest.objects.filter(own | colleagues).select_related("service", "unit")


def overview(enterprise, user, day: date, days: int = DEFAULT_DAYS) -> Overview:
    from django.urls import reverse

    days = min(days, HORIZON_DAYS)
    found = portfolio(enterprise, user, day)
    result = Overview(enterprise, day, days)
    horizon = result.horizon
    result.annuities = [(due, patent) for due, patent in found.annuities if due <= horizon]
    result.renewals = [row for row in found.renewals if row[0] <= horizon]

    certificates = [
        (certificate, _certificate_state(certificate.state_on(day)))
        for certificate in Certification.objects.visible_to(user).filter(enterprise=enterprise).order_by("-issued_on")
    ]
    pk = enterprise.pk
    result.registers = [
        Register(
            "patents",
            _("Patents"),
            len(found.patents),
            sum(1 for _patent, state in found.patents if state["valid"]),
            found.patents[:FIRST],
            f"{reverse('patent-list')}?holder={pk}",
        ),
        Register(
            "trademarks",
            _("Trademarks"),
            len(found.trademarks),
            sum(1 for _mark, state in found.trademarks if state["valid"]),
            found.trademarks[:FIRST],
            f"{reverse('trademark-list')}?holder={pk}",
        ),
        Register(
            "copyrights",
            _("Copyright registrations"),
            len(found.copyrights),
            None,
            [(row, None) for row in found.copyrights[:FIRST]],
            f"{reverse('copyright-list')}?owner={pk}",
        ),
        Register(
            "certificates",
            _("GB/T 29490 certificates"),
            len(certificates),
            sum(1 for _certificate, state in certificates if state["valid"]),
            certificates[:FIRST],
            reverse("enterprise-detail", args=[pk]),
        ),
    ]

    result.applications = list(
        SubsidyApplication.objects.visible_to(user).filter(applicant=enterprise).select_related("scheme")
    )
    result.open_schemes = list(
        SubsidyScheme.objects.visible_to(user).filter(opens_on__lte=day, closes_on__gte=day).order_by("closes_on")
    )
    labels = catalogue.state_labels()
    result.requests = [(request, request.state_label(labels)) for request in requests_of(enterprise, user)[:50]]
    return result
