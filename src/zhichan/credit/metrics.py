"""Figures of the credit module, for the indicators (definitions in words: docs/credit.md):

- `credit_records_found` (flow): dishonesty records found in the period, by their finding date; a revoked record
  is not counted. Option `kind`: one kind's key.
- `credit_records_in_force` (stock): records still published at the period's end (found by then, the period not
  over, not repaired or revoked by then). Option `kind`.
- `credit_serious_listed` (stock): parties on the serious-dishonesty list at the period's end (listed by then, not
  removed or revoked by then, the term not over).

A record or listing counts in its enterprise's region (its township) when the subject is a registry enterprise,
else in its finding unit's region."""

from collections import Counter

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from zhichan.core.metrics import Metric
from zhichan.core.models import Region

from .columns import LISTING_COLUMNS, RECORD_COLUMNS
from .models import DishonestyKind, DishonestyRecord, RecordState, SeriousListEntry
from .services.records import published_on
from .services.serious import on_list


def _kind_keys():
    return tuple(DishonestyKind.objects.values_list("key", flat=True))


def _placed(found):
    return found.annotate(place=Coalesce(F("enterprise__region__path"), F("unit__region__path")))


class PlacedCount(Metric):
    unit = "件"
    option_values = {"kind": _kind_keys}

    def counted(self, start, end, options=None):
        raise NotImplementedError

    def _placed(self, start, end, options=None):
        found = self.counted(start, end, options)
        if options and options.get("kind") and found.model is DishonestyRecord:
            found = found.filter(kind__key=options["kind"])
        return _placed(found)

    def values(self, start, end, options=None) -> dict[int, int]:
        by_path = dict(Region.objects.values_list("path", "pk"))
        counts = Counter(self._placed(start, end, options).values_list("place", flat=True))
        return {by_path[path]: count for path, count in counts.items() if path in by_path}

    def records(self, start, end, region_ids, options=None):
        within = Q(pk__in=[])
        for path in Region.objects.filter(pk__in=list(region_ids)).values_list("path", flat=True):
            within |= Q(place__startswith=path)
        return self._placed(start, end, options).filter(within).select_related("unit").order_by("pk")


class RecordsFound(PlacedCount):
    code = "credit_records_found"
    label = _("dishonesty records found")
    kind = "flow"
    detail_url = "credit-record-detail"
    watches = (DishonestyRecord,)
    columns = RECORD_COLUMNS

    def counted(self, start, end, options=None):
        found = DishonestyRecord.objects.exclude(state=RecordState.REVOKED).filter(found_on__lte=end)
        return found.filter(found_on__gte=start) if start else found


class RecordsInForce(PlacedCount):
    code = "credit_records_in_force"
    label = _("dishonesty records in force")
    kind = "stock"
    detail_url = "credit-record-detail"
    watches = (DishonestyRecord,)
    columns = RECORD_COLUMNS

    def counted(self, start, end, options=None):
        return DishonestyRecord.objects.filter(published_on(end))


class SeriousListed(PlacedCount):
    code = "credit_serious_listed"
    label = _("parties on the serious-dishonesty list")
    kind = "stock"
    unit = "户"
    detail_url = "credit-serious-detail"
    watches = (SeriousListEntry,)
    columns = LISTING_COLUMNS
    option_values = {}

    def counted(self, start, end, options=None):
        candidates = SeriousListEntry.objects.filter(listed_on__lte=end).exclude(state="revoked")
        listed = [entry.pk for entry in candidates if on_list(entry, end)]
        return SeriousListEntry.objects.filter(pk__in=listed)


METRICS = [RecordsFound(), RecordsInForce(), SeriousListed()]
