"""Reading the clocks of many cases at once, for the case list, its order and the statuses of every running clock,
with the results of reading each clock on its own (core/clocks.py, which services/clocks.py calls per clock).

`read_many` reads clocks from their rows: most clocks have no extension and no period not counted, so their due
date depends only on their rule and start, and each (rule, start) is counted once per call; a clock with an
extension or a period not counted is read on its own. `statuses` and `ByDaysLeft` read the due date each case keeps
of its running clock (services/clock_fields.py): the order comes from an index, and only the paused clocks, whose
due date moves with the day, are read."""

import datetime
from bisect import bisect_left
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, F, OuterRef, When

from zhichan.core.clocks import State as ClockState
from zhichan.core.clocks import read, reading_of_due, standing
from zhichan.core.models import CalendarDay, CalendarYear, Clock, DeadlineRule, ExcludedPeriod, Extension
from zhichan.core.services.calendar import WorkCalendar
from zhichan.core.versions import audited, latest, remember

from ..models import Case, CaseKind, State

RUNNING = [State.LEAD, State.FILED, State.INVESTIGATION]


def running_rules(cases) -> dict[int, str]:
    """{case id: key of the rule of its running clock} for a queryset of cases, in the queryset's order: the
    filing clock for a lead, the decision clock while filed or under investigation (Case.running_rule)."""
    running = cases.filter(state__in=RUNNING).annotate(running_key=_running_key())
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


def _running_key():
    return models.Case(
        When(state=State.LEAD, then=F("kind__filing_rule")),
        default=F("kind__decision_rule"),
        output_field=models.CharField(),
    )


def statuses(cases, day: datetime.date) -> dict[int, ClockState]:
    """{case id: state of its running clock on the day} for a queryset of cases (those with one): the kept due dates
    grouped by rule and date, each counted once; the paused clocks read one by one."""
    rules, calendar = {rule.key: rule for rule in DeadlineRule.objects.all()}, WorkCalendar()
    kept = cases.filter(state__in=RUNNING, clock_due__isnull=False).annotate(running_key=_running_key())
    found, states = {}, {}
    for pk, key, due in kept.order_by().values_list("pk", "running_key", "clock_due"):
        if (key, due) not in states:
            states[key, due] = standing(rules[key], due, day, calendar=calendar)[1]
        found[pk] = states[key, due]
    paused = {case.pk: case.running_rule for case in cases.filter(clock_paused=True).select_related("kind").order_by()}
    found.update({pk: reading.state for pk, reading in read_many(paused, day).items()})
    return found


def list_readings(cases, day: datetime.date) -> dict:
    """{case id: reading of its running clock on the day} for the cases of a page: from the due date each keeps
    (no clock read), the few paused ones read."""
    rules, calendar = {rule.key: rule for rule in DeadlineRule.objects.all()}, WorkCalendar()
    found = {
        case.pk: reading_of_due(rules[case.running_rule], case.clock_due, day, calendar)
        for case in cases
        if case.clock_due and case.running_rule in rules
    }
    found.update(read_many({case.pk: case.running_rule for case in cases if case.clock_paused}, day))
    return found


def paused_dues(day: datetime.date) -> dict[int, datetime.date]:
    """{case id: due date on the day} of every paused running clock (a period not counted runs, so the due date
    moves with the day): read once a day and kept in the cache until a clock, an extension, a period not counted,
    a rule, a kind of case or a calendar day changes (core/versions.py)."""
    version = latest(*audited(Clock, Extension, ExcludedPeriod, DeadlineRule, CalendarDay, CalendarYear, CaseKind))

    def build():
        paused = Case.objects.filter(clock_paused=True).select_related("kind").order_by()
        return {pk: reading.due for pk, reading in read_many({c.pk: c.running_rule for c in paused}, day).items()}

    return remember("protection:paused-dues", [version, day.isoformat()], build)


class ByDaysLeft:
    """A queryset of cases in the case list's days-left order, for a Paginator: the cases with a running clock
    first, the soonest due first (the due date orders clocks in days and in working days alike), ties newest lead
    first; then the rest, newest lead first. The cases with a kept due date come off the index in that order, the
    paused ones (due dates moving with the day, read on `day`) are merged in, and the rest are counted and sliced
    in the database: a page reads about as many rows as it shows."""

    def __init__(self, cases, day: datetime.date):
        self.cases = cases.order_by("-lead_on", "-pk")
        self.timed = cases.filter(clock_due__isnull=False).order_by("clock_due", "-lead_on", "-pk")
        self.rest = cases.filter(clock_due__isnull=True, clock_paused=False).order_by("-lead_on", "-pk")
        due = paused_dues(day)  # every paused case's: those of this list are found by their ids
        paused = cases.filter(pk__in=list(due), clock_paused=True).order_by().values_list("pk", "lead_on")
        self.paused = sorted(
            ((due.get(pk, datetime.date.max), -lead_on.toordinal(), -pk), pk) for pk, lead_on in paused
        )
        self._timed_count = None

    def count(self) -> int:
        return self.cases.count()

    def __len__(self):
        return self.count()

    def _count_timed(self) -> int:
        if self._timed_count is None:
            self._timed_count = self.timed.count()
        return self._timed_count

    def __getitem__(self, part: slice) -> list:
        start, stop = part.start or 0, part.stop
        head = self._count_timed() + len(self.paused)
        shown = self._merged(start, min(stop, head)) if start < head else []
        if stop > head:
            shown += self._rest(max(0, start - head), stop - head)
        return shown

    def _merged(self, start: int, stop: int) -> list:
        """Positions start … stop - 1 of the timed cases (index order) and the paused ones merged by key."""
        skip = max(0, start - len(self.paused))  # that many timed cases come before `start` whatever the merge
        rows = list(self.timed[skip:stop])
        keys = [key for key, _pk in self.paused]
        # The paused ones before the first timed row read (none to skip when reading from the first).
        before = (bisect_left(keys, _key(rows[0].clock_due, rows[0])) if rows else len(keys)) if skip else 0
        position, timed, paused, picked = skip + before, 0, before, []
        while position < stop and (timed < len(rows) or paused < len(keys)):
            if timed == len(rows) or (paused < len(keys) and keys[paused] < _key(rows[timed].clock_due, rows[timed])):
                item, paused = (True, self.paused[paused][1]), paused + 1
            else:
                item, timed = (False, rows[timed]), timed + 1
            if position >= start:
                picked.append(item)
            position += 1
        found = self.cases.in_bulk([pk for is_paused, pk in picked if is_paused])
        return [found[value] if is_paused else value for is_paused, value in picked]

    def _rest(self, start: int, stop: int) -> list:
        return list(self.rest[start:stop])


def _key(due, case) -> tuple:
    """The list's order of cases with a running clock: due date, then the newest lead, then the newest entered."""
    return (due, -case.lead_on.toordinal(), -case.pk)
