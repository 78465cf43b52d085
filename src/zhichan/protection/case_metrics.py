"""Figures of the enforcement cases beside T8, for the indicators (found through metrics.py's `METRICS`):

- `protection_cases_filed`: cases filed (立案) in the period, by their filing date, whatever became of them since
  (a lead not filed, or transferred or withdrawn before filing, is not a case filed). Read per region it is the
  count by township: a case counts in its township, or in its unit's region when it has none.
- `protection_cases_filed_<IP type>`: the same, of one IP type (`patent`, `trademark`, `copyright`, `gi`,
  `plant_variety`, `other`; the type of the case's kind).
- `protection_fines`: the fines (罚款, yuan) of the cases decided in the period, by their decision date.
- `protection_punitive_damages`: the punitive damages (惩罚性赔偿, yuan) of the cases decided in the period;
  `protection_punitive_damages_cases`: how many of them have any.

Each is additive, counted in one grouped query, and may be read for one enforcing unit (option `unit`: its key),
as T8 may; the records behind a figure are exactly the cases counted or summed. Transfers to criminal justice
(行刑衔接) are counted by the part of the module that keeps them as records of their own."""

from collections import defaultdict

from django.db.models import Count, Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from zhichan.core.columns import Column
from zhichan.core.metrics import Metric

from .figures import of_unit, placed, regions_of, unit_keys, within
from .models import Case, IPType

FILED_COLUMNS = (
    Column("number", _("case number"), width=22),
    Column("title", _("case name"), width=30),
    Column("unit", _("enforcing unit")),
    Column("kind", _("case kind")),
    Column("ip_type", _("IP type"), "get_ip_type_display"),
    Column("township", _("township")),
    Column("filed_on", _("filed on")),
    Column("state", _("state"), "get_state_display"),
)


def _decided_columns(field: str, label) -> tuple:
    return (
        Column("number", _("case number"), width=22),
        Column("title", _("case name"), width=30),
        Column("unit", _("enforcing unit")),
        Column("kind", _("case kind")),
        Column("township", _("township")),
        Column("decided_on", _("decided on")),
        Column("decision_number", _("decision document number"), width=22),
        Column(field, label),
    )


class CaseFigure(Metric):
    """Cases dated within the window by `date_field` (counted, or their `amount` summed), placed in their township
    or their unit's region."""

    kind = "flow"
    detail_url = "case-detail"
    watches = (Case,)
    option_values = {"unit": unit_keys}
    date_field = "filed_on"
    amount = ""  # a field summed; empty: the cases are counted

    def counted(self):
        return Case.objects.filter(**{f"{self.date_field}__isnull": False})

    def _dated(self, start, end, options):
        found = of_unit(self.counted(), options).filter(**{f"{self.date_field}__lte": end})
        return found.filter(**{f"{self.date_field}__gte": start}) if start else found

    def values(self, start, end, options=None) -> dict:
        figure = Sum(self.amount) if self.amount else Count("pk")
        rows = self._dated(start, end, options).order_by().values_list("township_id", "unit_id").annotate(n=figure)
        totals = defaultdict(int)
        for region, value in regions_of(rows):
            totals[region] += value
        return dict(totals)

    def records(self, start, end, region_ids, options=None):
        found = within(placed(self._dated(start, end, options)), region_ids)
        return found.select_related("unit", "kind", "township").order_by(self.date_field, "pk")


class CasesFiled(CaseFigure):
    code = "protection_cases_filed"
    label = _("administrative enforcement cases filed")
    unit = "件"
    columns = FILED_COLUMNS


class CasesFiledOfType(CasesFiled):
    """The cases filed of one IP type."""

    def __init__(self, ip_type: IPType):
        self.ip_type = ip_type
        self.code = f"protection_cases_filed_{ip_type.value.replace('-', '_')}"
        self.label = format_lazy(_("administrative enforcement cases filed: {ip_type}"), ip_type=ip_type.label)

    def counted(self):
        return super().counted().filter(ip_type=self.ip_type)


class Fines(CaseFigure):
    code = "protection_fines"
    label = _("fines imposed in administrative enforcement cases")
    unit = "元"
    date_field = "decided_on"
    amount = "fine"
    columns = _decided_columns("fine", _("fine (yuan)"))

    def counted(self):
        return super().counted().filter(**{f"{self.amount}__gt": 0})


class PunitiveDamages(Fines):
    code = "protection_punitive_damages"
    label = _("punitive damages in administrative enforcement cases")
    amount = "punitive_damages"
    columns = _decided_columns("punitive_damages", _("punitive damages (yuan)"))


class PunitiveDamagesCases(PunitiveDamages):
    code = "protection_punitive_damages_cases"
    label = _("administrative enforcement cases with punitive damages")
    unit = "件"
    amount = ""

    def counted(self):
        return Case.objects.filter(decided_on__isnull=False, punitive_damages__gt=0)


METRICS = [
    CasesFiled(),
    *(CasesFiledOfType(ip_type) for ip_type in IPType),
    Fines(),
    PunitiveDamages(),
    PunitiveDamagesCases(),
]
