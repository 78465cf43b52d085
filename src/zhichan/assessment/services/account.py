"""The programme's yearly account (年度工作总结) and its acceptance package (验收材料), built only from the platform's
records: each target against its value (as the programme overview reads it), the task ledger, the evidence
attached to progress reports and assessment items, the indicators' yearly figures for the programme's region and
each place below it, and the results of the assessment rounds. What the platform cannot write (typical cases,
problems and next steps, the self-evaluation) is left to the office, and an evaluation index's indicator is filled
only where its `computed_from` names a figure the platform holds."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.models import Attachment, Region
from zhichan.core.numbers import format_figure
from zhichan.indicators.models import IndicatorValue
from zhichan.indicators.services.board_rows import MONTH_KEY
from zhichan.indicators.services.places import COUNTIES, level_of, places
from zhichan.indicators.services.readings import current, readings_of
from zhichan.indicators.services.status import meets
from zhichan.indicators.services.targets import programme_targets
from zhichan.indicators.services.wording import formula_of, labels
from zhichan.programme.models import ProgressReport
from zhichan.programme.services.ledger import ledger
from zhichan.programme.services.status import SEVERITY, Status
from zhichan.programme.services.tree import target_tree

from ..models import ItemScore, Round, RoundState
from .evaluation import INDICATOR_CODE, TARGET
from .reading import groups

# A year's round, then its halves, on every database (PostgreSQL puts an empty half last, SQLite first).
WHOLE_YEAR_FIRST = F("half").asc(nulls_first=True)

SETTLED = (RoundState.APPROVED, RoundState.PUBLISHED, RoundState.CLOSED)
EVIDENCED = (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED)
AT_LEAST = ("gte", "gt")


@dataclass
class TargetLine:
    """A target as it stood on a day: baseline, value, target, share reached and where the value comes from."""

    target: object
    depth: int
    row: object | None  # indicators.services.board_rows.Row, None while the indicator is not loaded
    baseline: Decimal | None = None
    value: Decimal | None = None
    shown: str = "—"  # the value as read: a figure with its unit, a rank, or the named regions met
    period: str = ""
    value_pk: int | None = None  # the indicator value behind it (its page explains it record by record)
    percent: Decimal | None = None  # value ÷ target, for a target to reach or exceed
    met: bool | None = None
    source: str = ""

    @property
    def decimals(self) -> int:
        return self.row.indicator.decimals if self.row else 2

    @property
    def target_shown(self) -> str:
        target = self.target
        if target.kind == "rank":
            return _("rank %(rank)s or better") % {"rank": target.display_value}
        return f"{target.symbol} {target.display_value} {target.unit}".strip()

    @property
    def baseline_shown(self) -> str:
        return format_figure(self.baseline, self.decimals) if self.baseline is not None else "—"

    @property
    def percent_shown(self) -> str:
        return f"{self.percent:.1f}%" if self.percent is not None else "—"

    @property
    def met_shown(self) -> str:
        return "" if self.met is None else (_("met") if self.met else _("not met"))

    @property
    def light(self) -> str:
        return self.row.status.light if self.row and self.row.status else ""


@dataclass
class TaskPart:
    lines: list  # programme.services.ledger.LedgerLine, in plan order
    counts: list  # (status, label, count) over the tasks assigned to units, in the overview's order

    @property
    def assigned(self) -> int:
        return sum(count for _status, _label, count in self.counts)


@dataclass
class EvidenceLine:
    attachment: object
    record: object  # the progress report or assessment item the file is attached to
    kind: str  # "report" or "item"
    what: str  # the record in words
    unit: object
    period: str


@dataclass
class FigureTable:
    indicator: object
    years: list[int]
    rows: list  # (region, [IndicatorValue or None, one per year])


@dataclass
class RoundResult:
    round: object
    groups: list  # {"name": group name, "rows": [Participant]}


@dataclass
class Account:
    programme: object
    year: int
    day: datetime.date
    targets: list[TargetLine]
    tasks: TaskPart
    evidence: list[EvidenceLine]
    figures: list[FigureTable]
    results: list[RoundResult]
    township_level: bool = True  # False: a city's programme compares its counties

    @property
    def year_to_date(self) -> bool:
        """The year (or the programme's last part of it) is still running: its figures are those to date."""
        return self.day < min(datetime.date(self.year, 12, 31), self.programme.end)


@dataclass
class IndexLine:
    """An indicator of the evaluation index with what the platform fills in for it, or nothing (the office
    enters it)."""

    indicator: dict
    shown: str = ""
    period: str = ""
    source: str = ""
    value_pk: int | None = None
    value: object = None  # the figure as a number (a spreadsheet's cell), `shown` as people read it

    @property
    def filled(self) -> bool:
        return bool(self.shown)


@dataclass
class Acceptance:
    programme: object
    day: datetime.date
    years: list[int]
    accounts: list[Account]  # one per programme year, each as of its year's end
    tasks: TaskPart  # the work plan as it stood on `day`
    targets: list[TargetLine]  # as of `day`
    index: object | None
    index_lines: list[IndexLine]
    rounds: list  # every round of the programme's years the reader may see
    figures: list[FigureTable]
    evidence: list[EvidenceLine] = field(default_factory=list)
    township_level: bool = True

    def by_year(self) -> list[tuple[TargetLine, list[TargetLine]]]:
        """Each target as of `day`, with its line at the end of each programme year."""
        found = {a.year: {line.target.pk: line for line in a.targets} for a in self.accounts}
        return [(line, [found[year].get(line.target.pk) for year in self.years]) for line in self.targets]


def programme_years(programme, today: datetime.date | None = None) -> list[int]:
    """The programme's years that have begun (its first at least)."""
    today = today or timezone.localdate()
    last = max(min(programme.end.year, today.year), programme.start.year)
    return list(range(programme.start.year, last + 1))


def year_end(programme, year: int, today: datetime.date | None = None) -> datetime.date:
    """The day a year is read as of: its last day, or today while it runs, never after the programme's end."""
    today = today or timezone.localdate()
    return min(datetime.date(year, 12, 31), today, programme.end)


def account(programme, year: int, user, today: datetime.date | None = None) -> Account:
    day = year_end(programme, year, today)
    settled = _rounds(programme, user, [year]).filter(state__in=SETTLED)
    return Account(
        programme=programme,
        year=year,
        day=day,
        targets=targets(programme, day),
        tasks=tasks(programme, day),
        evidence=evidence(programme, user, [year], settled),
        figures=figures(programme, user, list(range(programme.start.year, year + 1))),
        results=results(settled, user),
        township_level=level_of(programme) != COUNTIES,
    )


def acceptance(programme, user, index=None, today: datetime.date | None = None) -> Acceptance:
    today = today or timezone.localdate()
    day = min(today, programme.end)
    years = programme_years(programme, today)
    accounts = [account(programme, year, user, today) for year in years]
    final = targets(programme, day)
    return Acceptance(
        programme=programme,
        day=day,
        years=years,
        accounts=accounts,
        tasks=tasks(programme, day),
        targets=final,
        index=index,
        index_lines=index_lines(index, programme, day, final) if index is not None else [],
        rounds=list(_rounds(programme, user, years).order_by("year", WHOLE_YEAR_FIRST, "pk")),
        figures=accounts[-1].figures,
        evidence=[line for one in accounts for line in one.evidence],
        township_level=level_of(programme) != COUNTIES,
    )


def targets(programme, day: datetime.date) -> list[TargetLine]:
    """Every target in the plan's order (a part under its whole), read as the programme overview reads it."""
    rows = programme_targets(programme, day)
    names = labels()
    return [
        _target_line(target, depth, rows.get(target.pk), names, programme.start)
        for target, depth in target_tree(programme.targets.select_related("parent"))
    ]


def _target_line(target, depth: int, row, names: dict, start: datetime.date) -> TargetLine:
    line = TargetLine(target, depth, row, baseline=_baseline(target, row, start))
    if row is None:
        line.source = _("the indicator %(code)s is not loaded") % {"code": target.indicator}
        return line
    indicator = row.indicator
    line.source = _("%(indicator)s: %(formula)s") % {
        "indicator": indicator.name,
        "formula": formula_of(indicator, names),
    }
    if row.value is not None:
        line.period, line.value_pk = row.value.period, row.value.pk
    if row.parts:
        met = row.parts_met
        line.shown = _("%(met)d of %(total)d named regions meet it") % {"met": met, "total": len(row.parts)}
        valued = any(part.value is not None and part.value.value is not None for part in row.parts)
        line.met = met == len(row.parts) if valued else None
        return line
    value = row.value.value if row.value is not None else None
    if row.rank is not None and row.rank.value is not None:
        value = row.rank.value
        line.shown = _("rank %(rank)s among %(group)s") % {"rank": format_figure(value), "group": row.rank.peer_group}
        if row.rank.source:
            line.source += "；" + _("reported source: %(source)s") % {"source": row.rank.source}
    elif value is not None:
        line.shown = f"{format_figure(value, indicator.decimals)} {indicator.unit_of_measure}".strip()
    if value is None:
        return line
    line.value = value
    line.met = meets(value, target.value, target.comparator)
    if target.comparator in AT_LEAST and target.kind != "rank" and target.value:
        line.percent = (value / target.value * 100).quantize(Decimal("0.1"))
    return line


def _baseline(target, row, start: datetime.date) -> Decimal | None:
    """The plan's baseline; for a stock without one, its last value before the programme began (as the target's
    status reads it)."""
    if target.baseline is not None or target.kind != "stock" or row is None:
        return target.baseline
    before = [r for r in row.series if r.period_end < start and r.value is not None]
    return before[-1].value if before else None


def tasks(programme, day: datetime.date) -> TaskPart:
    """The ledger as it stood on `day`, and how many of the tasks assigned to units stand in each status."""
    lines = ledger(programme, day)
    counted = Counter(line.state.status for line in lines if line.leads or line.co_operating)
    return TaskPart(lines, [(status, Status(status).label, counted.get(status, 0)) for status in SEVERITY])


def evidence(programme, user, years: list[int], settled_rounds) -> list[EvidenceLine]:
    """The files attached to the years' submitted and accepted progress reports and to the items of the settled
    assessment rounds, as the user may read them."""
    found = []
    reports = (
        ProgressReport.objects.visible_to(user)
        .filter(task__programme=programme, period_start__year__in=years, state__in=EVIDENCED)
        .filter(pk__in=_with_files(ProgressReport))
        .select_related("task__parent", "unit")
        .prefetch_related("evidence")
        .order_by("period_start", "task__order", "unit__order")
    )
    for report in reports:
        what = _("progress report: %(task)s") % {"task": report.task.full_title}
        found += [
            EvidenceLine(a, report, "report", what, report.unit, report.period_shown) for a in report.evidence.all()
        ]
    items = (
        ItemScore.objects.visible_to(user)
        .filter(participant__round__in=settled_rounds, pk__in=_with_files(ItemScore))
        .select_related("participant__unit", "participant__round")
        .prefetch_related("evidence")
        .order_by("participant__round__year", "participant__round_id", "participant__unit__order", "order")
    )
    for item in items:
        what = _("assessment item: %(item)s") % {"item": item.name}
        unit, period = item.participant.unit, item.participant.round.title
        found += [EvidenceLine(a, item, "item", what, unit, period) for a in item.evidence.all()]
    return found


def _with_files(model):
    """The ids of the model's records that have a file (a subquery: no DISTINCT over the joined attachments)."""
    return Attachment.objects.filter(record_type=ContentType.objects.get_for_model(model)).values("record_id")


def figures(programme, user, years: list[int]) -> list[FigureTable]:
    """Each indicator the programme reads, with its yearly value for the programme's region and each place below
    it (townships, or a city's counties), one column a year; an indicator without any value is left out."""
    readings = readings_of(programme.key)
    region = programme.region
    below = Region.objects.visible_to(user).filter(path__startswith=region.path)
    regions = [region] + [r for r in places(region, list(below), programme) if r.pk != region.pk]
    values = (
        current(IndicatorValue.objects.filter(reading__in=readings, region__in=regions))
        .filter(period__in=[str(year) for year in years])
        .defer("inputs")
    )
    by = {(v.indicator_id, v.region_id, v.period): v for v in values}
    tables = []
    for reading in readings:
        indicator = reading.indicator
        rows = [(r, [by.get((indicator.pk, r.pk, str(year))) for year in years]) for r in regions]
        if any(cell is not None for _region, cells in rows for cell in cells):
            tables.append(FigureTable(indicator, years, rows))
    return tables


def _rounds(programme, user, years: list[int]):
    return Round.objects.visible_to(user).filter(organisation=programme.region, year__in=years)


def results(settled_rounds, user) -> list[RoundResult]:
    """Each settled round's ranking by group: unit, total, grade, rank."""
    found = []
    for held in settled_rounds.order_by(WHOLE_YEAR_FIRST, "pk"):
        parts = [{"name": g["group"]["name"], "rows": g["rows"]} for g in groups(held, user) if g["rows"]]
        found.append(RoundResult(held, parts))
    return found


def index_lines(index, programme, day: datetime.date, final: list[TargetLine]) -> list[IndexLine]:
    """Each indicator of the index with the value the platform fills in from its `computed_from` (a target of the
    programme, or an indicator the programme reads, for the programme's region on `day`); nothing otherwise."""
    by_code = {line.target.code: line for line in final}
    readings = {reading.indicator.code: reading for reading in readings_of(programme.key)}
    names = labels()
    lines = []
    for item in index.indicators:
        line = IndexLine(item)
        source = item.get("computed_from") or {}
        if source.get("kind") == TARGET and source["code"] in by_code:
            target = by_code[source["code"]]
            if target.shown != "—":
                line.shown, line.period, line.value_pk = target.shown, target.period, target.value_pk
                line.value = target.value
                line.source = _("target %(code)s (%(source)s)") % {"code": target.target.code, "source": target.source}
        elif source.get("kind") == INDICATOR_CODE and source["code"] in readings:
            _indicator_value(line, readings[source["code"]], programme.region, day, names)
        lines.append(line)
    return lines


def _indicator_value(line: IndexLine, reading, region, day: datetime.date, names: dict):
    value = (
        current(IndicatorValue.objects.filter(reading=reading, region=region, period_end__lte=day))
        .filter(period__regex=MONTH_KEY, value__isnull=False)
        .order_by("-period_end")
        .first()
    )
    if value is None:
        return
    indicator = reading.indicator
    line.shown = f"{format_figure(value.value, indicator.decimals)} {indicator.unit_of_measure}".strip()
    line.period, line.value_pk, line.value = value.period, value.pk, value.value
    line.source = _("%(indicator)s: %(formula)s") % {
        "indicator": indicator.name,
        "formula": formula_of(indicator, names),
    }
