"""What a special action has done, as its page, its API and its Excel export show it: inspections, goods seized,
the cases linked to it by kind, IP type and state, and their amounts — in all, per unit and per township.

Every figure counts the records the reader may read (`visible_to`): the office and the leadership all of them, a
unit's liaison its own unit's. A record counts in its township, or in its unit's region when it names none. The
query count does not grow with the number of records: each table is one grouped query."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhichan.core import columns
from zhichan.core.columns import Column
from zhichan.core.models import Region, Unit
from zhichan.core.roles import SEE_ALL, role_of
from zhichan.documents import xlsx

from ..models import Case, CaseKind, Inspection, IPType, State

AMOUNTS = ("illegal_turnover", "fine", "confiscation")


@dataclass
class Figures:
    """One line of the summary: all records, a unit's or a township's."""

    label: str
    inspections: int = 0
    seized: int = 0
    cases: int = 0
    illegal_turnover: Decimal = Decimal(0)
    fine: Decimal = Decimal(0)
    confiscation: Decimal = Decimal(0)

    def add_inspections(self, row):
        self.inspections += row["n"]
        self.seized += row["seized"] or 0

    def add_cases(self, row):
        self.cases += row["n"]
        for name in AMOUNTS:
            setattr(self, name, getattr(self, name) + (row[name] or Decimal(0)))


@dataclass
class Summary:
    total: Figures
    units: list[Figures]
    townships: list[Figures]
    by_kind: list[tuple[str, int]]
    by_ip_type: list[tuple[str, int]]
    by_state: list[tuple[str, int]]
    complete: bool  # the reader reads every record of the action
    seized_goods: list[tuple[str, int]] = field(default_factory=list)


def linked_cases(special_action, user):
    return Case.objects.visible_to(user).filter(action=special_action)


def inspections_of(special_action, user):
    return Inspection.objects.visible_to(user).filter(action=special_action)


def _grouped_inspections(rows, *keys):
    return rows.order_by().values(*keys).annotate(n=Count("pk"), seized=Sum("seized_quantity"))


def _grouped_cases(rows, *keys):
    return rows.order_by().values(*keys).annotate(n=Count("pk"), **{name: Sum(name) for name in AMOUNTS})


def summarise(special_action, user) -> Summary:
    inspections = inspections_of(special_action, user)
    cases = linked_cases(special_action, user)
    complete = role_of(user) in SEE_ALL
    total = Figures(gettext("In all"))
    total.add_inspections(inspections.aggregate(n=Count("pk"), seized=Sum("seized_quantity")))
    total.add_cases(cases.aggregate(n=Count("pk"), **{name: Sum(name) for name in AMOUNTS}))

    # Per unit: every participating unit for a reader who reads everything; else the units whose records it reads.
    participants = list(special_action.units.order_by("order", "pk"))
    by_unit = {unit.pk: Figures(unit.short_name or unit.name) for unit in participants} if complete else {}

    unit_rows = list(_grouped_inspections(inspections, "unit")), list(_grouped_cases(cases, "unit"))
    missing = {row["unit"] for rows in unit_rows for row in rows} - set(by_unit)
    for unit in Unit.objects.filter(pk__in=missing):
        by_unit[unit.pk] = Figures(unit.short_name or unit.name)
    for row in unit_rows[0]:
        by_unit[row["unit"]].add_inspections(row)
    for row in unit_rows[1]:
        by_unit[row["unit"]].add_cases(row)
    order = {unit.pk: index for index, unit in enumerate(participants)}
    units = [by_unit[pk] for pk in sorted(by_unit, key=lambda pk: (order.get(pk, len(order)), pk))]

    # Per township: a record without one counts in its unit's region.
    by_region: dict[int, Figures] = {}
    for row in _grouped_inspections(inspections, "township", "unit__region"):
        by_region.setdefault(row["township"] or row["unit__region"], Figures("")).add_inspections(row)
    for row in _grouped_cases(cases, "township", "unit__region"):
        by_region.setdefault(row["township"] or row["unit__region"], Figures("")).add_cases(row)
    regions = Region.objects.filter(pk__in=by_region).order_by("path")
    townships = []
    for region in regions:
        line = by_region[region.pk]
        line.label = region.name
        townships.append(line)

    kinds = {kind.pk: str(kind) for kind in CaseKind.objects.all()}
    ip_labels, state_labels = dict(IPType.choices), dict(State.choices)
    by_kind = [(kinds[row["kind"]], row["n"]) for row in cases.order_by().values("kind").annotate(n=Count("pk"))]
    by_ip_type = [
        (str(ip_labels.get(row["ip_type"], row["ip_type"])), row["n"])
        for row in cases.order_by().values("ip_type").annotate(n=Count("pk"))
    ]
    by_state = [
        (str(state_labels.get(row["state"], row["state"])), row["n"])
        for row in cases.order_by().values("state").annotate(n=Count("pk"))
    ]
    seized_goods = [
        (row["seized_goods"], row["seized"] or 0)
        for row in inspections.exclude(seized_goods="")
        .order_by()
        .values("seized_goods")
        .annotate(seized=Sum("seized_quantity"))
        .order_by("-seized", "seized_goods")
    ]
    return Summary(
        total=total,
        units=units,
        townships=townships,
        by_kind=sorted(by_kind, key=lambda pair: (-pair[1], pair[0])),
        by_ip_type=_in_order(by_ip_type, [str(label) for label in ip_labels.values()]),
        by_state=_in_order(by_state, [str(label) for label in state_labels.values()]),
        complete=complete,
        seized_goods=seized_goods,
    )


def _in_order(pairs, labels):
    position = {label: index for index, label in enumerate(labels)}
    return sorted(pairs, key=lambda pair: position.get(pair[0], len(position)))


# The columns of the linked cases and of the inspections, declared once for the page and the export.
def _synthetic(record) -> str:
    return gettext("synthetic demo record") if record.synthetic else ""


CASE_COLUMNS = (
    Column("number", _("case number"), width=24),
    Column("title", _("case name"), width=30),
    Column("unit", _("enforcing unit"), lambda case: case.unit.short_name or case.unit.name),
    Column("kind", _("case kind")),
    Column("ip_type", _("IP type"), "get_ip_type_display"),
    Column("state", _("state"), "get_state_display"),
    Column("township", _("township")),
    Column("lead_on", _("lead received on")),
    Column("decided_on", _("decided on")),
    Column("illegal_turnover", _("illegal turnover")),
    Column("fine", _("fine")),
    Column("confiscation", _("confiscated illegal gains")),
    Column("synthetic", _("demo data"), _synthetic),
)

INSPECTION_COLUMNS = (
    Column("day", _("inspected on")),
    Column("unit", _("inspecting unit"), lambda row: row.unit.short_name or row.unit.name),
    Column("township", _("township")),
    Column("subject", _("place or party inspected"), width=30),
    Column("credit_code", _("unified social credit code"), width=20),
    Column("findings", _("findings"), width=40),
    Column("seized_goods", _("goods seized")),
    Column("seized_quantity", _("goods seized (pieces)")),
    Column("case", _("case opened"), lambda row: row.case.number if row.case_id else ""),
    Column("synthetic", _("demo data"), _synthetic),
)

FIGURE_HEADERS = (
    _("inspections"),
    _("goods seized (pieces)"),
    _("cases"),
    _("illegal turnover"),
    _("fine"),
    _("confiscated illegal gains"),
)


def _figures(line: Figures) -> list:
    return [line.label, line.inspections, line.seized, line.cases, line.illegal_turnover, line.fine, line.confiscation]


def workbook(special_action, user) -> xlsx.Workbook:
    """The action's summary and its records as an Excel workbook: an overview, per unit, per township, cases by
    kind, IP type and state, then the linked cases and the inspections themselves."""
    summary = summarise(special_action, user)
    made = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    note = gettext("%(name)s · made %(time)s") % {"name": special_action.name, "time": made}
    if not summary.complete:
        note += " · " + gettext("Counts only the records you may read.")
    total = summary.total
    overview = [
        [gettext("name of the action"), special_action.name],
        [gettext("period of the action"), f"{special_action.start:%Y-%m-%d} — {special_action.end:%Y-%m-%d}"],
        [gettext("IP types"), "、".join(special_action.ip_type_labels())],
        [gettext("lead unit"), str(special_action.lead_unit)],
        [gettext("participating units"), "、".join(str(unit) for unit in special_action.units.order_by("order"))],
        [
            gettext("townships covered"),
            "、".join(area.name for area in special_action.areas.order_by("path")) or gettext("the whole region"),
        ],
        [gettext("targets of the action"), special_action.targets],
        [gettext("planned inspections"), special_action.planned_inspections],
        [gettext("inspections"), total.inspections],
        [gettext("planned cases"), special_action.planned_cases],
        [gettext("cases"), total.cases],
        [gettext("illegal turnover"), total.illegal_turnover],
        [gettext("fine"), total.fine],
        [gettext("confiscated illegal gains"), total.confiscation],
        [gettext("goods seized (pieces)"), total.seized],
    ]
    figure_headers = [str(header) for header in FIGURE_HEADERS]
    kinds = (
        [[gettext("case kind"), label, n] for label, n in summary.by_kind]
        + [[gettext("IP type"), label, n] for label, n in summary.by_ip_type]
        + [[gettext("state"), label, n] for label, n in summary.by_state]
    )
    cases = linked_cases(special_action, user).select_related("unit", "kind", "township").order_by("lead_on", "pk")
    inspections = inspections_of(special_action, user).select_related("unit", "township", "case").order_by("day", "pk")
    sheets = [
        xlsx.Sheet(gettext("Overview"), [gettext("item"), gettext("value")], overview, note),
        xlsx.Sheet(
            gettext("By unit"),
            [gettext("unit"), *figure_headers],
            [*(_figures(line) for line in summary.units), _figures(total)],
            note,
        ),
        xlsx.Sheet(
            gettext("By township"),
            [gettext("township"), *figure_headers],
            [*(_figures(line) for line in summary.townships), _figures(total)],
            note,
        ),
        xlsx.Sheet(gettext("Cases by kind"), [gettext("by"), gettext("value"), gettext("cases")], kinds, note),
        columns.sheet(gettext("Cases"), CASE_COLUMNS, cases, note),
        columns.sheet(gettext("Inspections"), INSPECTION_COLUMNS, inspections, note),
    ]
    rows = len(overview) + len(summary.units) + len(summary.townships) + len(kinds) + 2
    rows += total.cases + total.inspections
    filename = f"{special_action.name}-{gettext('Summary')}-{timezone.localdate():%Y%m%d}.xlsx"
    return xlsx.Workbook(filename, sheets, rows=rows)
