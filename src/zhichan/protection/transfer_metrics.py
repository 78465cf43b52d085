"""Figures of the transfers to criminal justice (行刑衔接), for the indicators (found through metrics.py's `METRICS`):

- `protection_transfers_sent`: cases sent to the police as suspected crimes in the period, by the day they were
  sent (移送); a transfer reported but not approved, or not sent yet, is not counted; one sent and later returned
  for administrative handling is.
- `protection_transfers_opened`: transfers on which a criminal case was opened (公安机关立案) in the period, by the
  day it was opened: the police's decision, or the answer to a reconsideration, or the outcome of the
  procuratorate's supervision, whichever opened it.

A transfer counts in its case's township, or in its reporting unit's region when the case has none. Both may be
read for one reporting unit (option `unit`: its key), as the cases' figures may."""

from django.db.models import Case, F, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column

from .assistance_metrics import PlacedCount
from .figures import of_unit, unit_keys
from .models import Outcome, PoliceDecision, Transfer


def _sent_on(transfer):
    return timezone.localdate(transfer.sent_at) if transfer.sent_at else None


COLUMNS = (
    Column("case", _("case"), "case__number", width=22),
    Column("title", _("case name"), "case__title", width=30),
    Column("unit", _("reporting unit")),
    Column("township", _("township"), "case__township"),
    Column("reported_on", _("reported on")),
    Column("sent_on", _("sent on"), _sent_on),
    Column("police", _("police unit")),
    Column("state", _("state"), "get_state_display"),
    Column("opened_on", _("criminal case opened on")),
)


class TransferCount(PlacedCount):
    detail_url = "transfer-detail"
    watches = (Transfer,)
    township = "case__township"
    option_values = {"unit": unit_keys}
    columns = COLUMNS

    def _within(self, start, end, options=None):
        return of_unit(super()._within(start, end), options)

    def records(self, start, end, region_ids, options=None):
        return super().records(start, end, region_ids, options).select_related("case", "police")


class TransfersSent(TransferCount):
    code = "protection_transfers_sent"
    label = _("cases transferred to criminal justice")
    date_field = "sent_day"

    def counted(self):
        return Transfer.objects.filter(sent_at__isnull=False).annotate(sent_day=TruncDate("sent_at"))


class TransfersOpened(TransferCount):
    code = "protection_transfers_opened"
    label = _("transferred cases on which a criminal case was opened")
    date_field = "opened_day"

    def counted(self):
        # As Transfer.opened_on reads it: the supervision's outcome, else the reconsideration's, else the decision.
        opened_day = Case(
            When(supervision_outcome=Outcome.OPENED, then=F("supervision_outcome_on")),
            When(reconsideration_outcome=Outcome.OPENED, then=F("reconsideration_answered_on")),
            When(police_decision=PoliceDecision.OPENED, then=F("police_decided_on")),
        )
        return Transfer.objects.annotate(opened_day=opened_day).filter(opened_day__isnull=False)


METRICS = [TransfersSent(), TransfersOpened()]
