"""Figures for T7, rights-assistance and mediation (arbitration) cases (知识产权维权援助和调解（仲裁）案件),
counted from the records of this module as the reported data elements define them (data/indicators/nanan-2022.yaml):

- `protection_assistance_requests`: rights-assistance requests taken in (受理) in the period, by their request
  date; consultations (咨询) and requests declined are not counted ("咨询不计");
- `protection_mediations_concluded`: mediations and arbitration referrals concluded (办结) in the period, by their
  end date: an agreement, a failure, a referral to arbitration; a withdrawn dispute is not counted.

A record counts in its township, or in its unit's region when it has none. T7 is their sum, which a programme's
formula writes `protection_assistance_requests + protection_mediations_concluded` (docs/protection.md)."""

from collections import Counter

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric
from zhichan.core.models import Region

from .models import CONCLUDED, AssistanceKind, AssistanceOutcome, AssistanceRequest, Mediation


def _placed(found, township="township"):
    return found.annotate(place=Coalesce(F(f"{township}__path"), F("unit__region__path")))


class PlacedCount(Metric):
    """A count of records placed in a township (or their unit's region) and dated within the period."""

    kind = "flow"
    unit = "件"
    date_field = ""
    township = "township"  # the path to the record's township

    def counted(self):
        raise NotImplementedError

    def _within(self, start, end, options=None):
        found = self.counted().filter(**{f"{self.date_field}__lte": end})
        if start:
            found = found.filter(**{f"{self.date_field}__gte": start})
        return _placed(found, self.township)

    def values(self, start, end, options=None) -> dict[int, int]:
        by_path = dict(Region.objects.values_list("path", "pk"))
        counts = Counter(self._within(start, end, options).values_list("place", flat=True))
        return {by_path[path]: count for path, count in counts.items() if path in by_path}

    def records(self, start, end, region_ids, options=None):
        within = Q(pk__in=[])
        for path in Region.objects.filter(pk__in=list(region_ids)).values_list("path", flat=True):
            within |= Q(place__startswith=path)
        found = self._within(start, end, options).filter(within).select_related("unit", self.township)
        return found.order_by(self.date_field, "pk")


class AssistanceRequests(PlacedCount):
    code = "protection_assistance_requests"
    label = _("rights-assistance requests taken in")
    date_field = "requested_on"
    detail_url = "assistance-detail"
    watches = (AssistanceRequest,)
    columns = (
        Column("requester", _("requester"), width=30),
        Column("kind", _("kind of assistance"), "get_kind_display"),
        Column("unit", _("handling unit")),
        Column("township", _("township")),
        Column("requested_on", _("requested on")),
        Column("outcome", _("outcome"), "get_outcome_display"),
        Column("closed_on", _("closed on")),
    )

    def counted(self):
        return AssistanceRequest.objects.exclude(kind=AssistanceKind.CONSULTATION).exclude(
            outcome=AssistanceOutcome.DECLINED
        )


class MediationsConcluded(PlacedCount):
    code = "protection_mediations_concluded"
    label = _("mediation and arbitration cases concluded")
    date_field = "ended_on"
    detail_url = "mediation-detail"
    watches = (Mediation,)
    columns = (
        Column("number", _("mediation number"), width=22),
        Column("title", _("dispute"), width=30),
        Column("kind", _("kind of mediation"), "get_kind_display"),
        Column("unit", _("mediating unit")),
        Column("township", _("township")),
        Column("received_on", _("received on")),
        Column("ended_on", _("ended on")),
        Column("state", _("outcome"), "get_state_display"),
    )

    def counted(self):
        return Mediation.objects.filter(state__in=CONCLUDED)


METRICS = [AssistanceRequests(), MediationsConcluded()]
