"""Reading the clocks of many cases at once, for the case list and the on-time rate, with the results of reading
each clock on its own (core/clocks.py, which services/clocks.py calls per clock).

Most clocks have no extension and no period not counted: their due date depends only on their rule and start, so
such clocks are read from plain rows and each (rule, start) is counted once per call; a clock with an extension
or a period not counted is read on its own. The case list sorts the running clocks by due date and reads the
other cases a page at a time from the database."""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, F, OuterRef, When

from zhichan.core.clocks import State as ClockState
from zhichan.core.clocks import read
from zhichan.core.models import Clock, DeadlineRule, ExcludedPeriod, Extension
from zhichan.core.services.calendar import WorkCalendar

from ..models import Case, State

RUNNING = [State.LEAD, State.FILED, State.INVESTIGATION]


def running_rules(cases) -> dict[int, str]:
    """{case id: key of the rule of its running clock} for a queryset of cases, in the queryset's order: the
    filing clock for a lead, the decision clock while filed or under investigation (Case.running_rule)."""
    key = models.Case(
        When(state=State.LEAD, then=F("kind__filing_rule")),
        default=F("kind__decision_rule"),
        output_field=models.CharField(),
    )
    running = cases.filter(state__in=RUNNING).annotate(running_key=key)
    return {pk: rule for pk, rule in running.values_list("pk", "running_key") if rule}


def on_time(reading) -> bool:
    return reading is not None and reading.state == ClockState.MET


def _rows(wanted: dict[int, str], rules: dict, among=None):
    """(clock, case id, rule id, started, stopped, has entries) of the cases' clocks under the wanted rules; `among`
    (a queryset of the cases' ids) spares sending their ids back to the database."""
    keys = {pk: rule.key for pk, rule in rules.items()}
    entries = Exists(Extension.objects.filter(clock=OuterRef("pk"))) | Exists(
        ExcludedPeriod.objects.filter(clock=OuterRef("pk"))
    )
    found = (
        Clock.objects.filter(
            content_type=ContentType.objects.get_for_model(Case),
            object_id__in=list(wanted) if among is None else among,
        )
        .annotate(entries=entries)
        .values_list("pk", "object_id", "rule_id", "started_on", "stopped_on", "entries")
    )
    return [row for row in found if row[1] in wanted and wanted[row[1]] == keys[row[2]]]


def _rules() -> dict[int, DeadlineRule]:
    return {rule.pk: rule for rule in DeadlineRule.objects.all()}


def _read_with_entries(rows, rules, day, calendar) -> dict:
    """{case id: reading} of the clocks with an extension or a period not counted, read as core.clocks.clock
    reads a clock (its entries in their own order)."""
    ids = [row[0] for row in rows if row[5]]
    if not ids:
        return {}
    extensions, excluded = defaultdict(list), defaultdict(list)
    for extension in Extension.objects.filter(clock_id__in=ids):
        extensions[extension.clock_id].append(extension)
    for period in ExcludedPeriod.objects.filter(clock_id__in=ids):
        excluded[period.clock_id].append(period)
    return {
        case: read(
            rules[rule],
            start,
            day,
            stopped=stopped,
            extensions=extensions[pk],
            excluded=excluded[pk],
            calendar=calendar,
        )
        for pk, case, rule, start, stopped, entries in rows
        if entries
    }


def read_many(wanted: dict[int, str], day: datetime.date, among=None) -> dict[int, object]:
    """{case id: reading on the day of its clock under the wanted rule key} from {case id: rule key}."""
    if not wanted:
        return {}  # nothing to read: the dashboard's alert asks on every view
    rules, calendar = _rules(), WorkCalendar()
    rows = _rows(wanted, rules, among)
    readings, plain = {}, {}
    for _clock, case, rule, start, stopped, entries in rows:
        if not entries:
            key = (rule, start, stopped)
            if key not in plain:
                plain[key] = read(rules[rule], start, day, stopped=stopped, calendar=calendar)
            readings[case] = plain[key]
    readings.update(_read_with_entries(rows, rules, day, calendar))
    return readings


def met_on_time(wanted: dict[int, str], day: datetime.date, among=None) -> set[int]:
    """The cases whose clock under the wanted rule key reads as met (stopped on or before its due date) on the day:
    on_time of each reading, without making the readings."""
    rules, calendar = _rules(), WorkCalendar()
    rows = _rows(wanted, rules, among)
    met, due = set(), {}
    for _clock, case, rule, start, stopped, entries in rows:
        if entries or not stopped or stopped > day:
            continue
        if (rule, start) not in due:
            # Without extensions and periods not counted the due date is the same whatever the day read.
            due[rule, start] = read(rules[rule], start, start, calendar=calendar).due
        if stopped <= due[rule, start]:
            met.add(case)
    met.update(case for case, reading in _read_with_entries(rows, rules, day, calendar).items() if on_time(reading))
    return met


class ByDaysLeft:
    """A queryset of cases in the case list's days-left order, for a Paginator: the cases with a running clock
    first, the soonest due first (the due date orders clocks in days and in working days alike), ties in the
    queryset's order; then the rest in the queryset's order (newest lead first). Only the running clocks are
    read; the rest are counted and sliced in the database."""

    def __init__(self, cases, day: datetime.date):
        wanted = running_rules(cases)
        self.readings = read_many(wanted, day, among=cases.filter(state__in=RUNNING).values("pk"))
        position = {pk: n for n, pk in enumerate(wanted)}
        self.running = sorted(self.readings, key=lambda pk: (self.readings[pk].due, position[pk]))
        self.cases = cases

    def count(self) -> int:
        return self.cases.count()  # the running ones are among them

    def __len__(self):
        return self.count()

    def __getitem__(self, part: slice) -> list:
        start, stop = part.start or 0, part.stop
        ids = self.running[start:stop]
        found = self.cases.in_bulk(ids) if ids else {}
        shown = [found[pk] for pk in ids]
        first, last = max(0, start - len(self.running)), stop - len(self.running)
        if last > 0:
            shown += list(self.cases.exclude(pk__in=self.running)[first:last])
        return shown
