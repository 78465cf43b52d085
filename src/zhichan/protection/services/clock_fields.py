"""What a case keeps of its clocks, so that the case list sorts by time left and the on-time figures count
200,000 cases in a query: read by core/clocks.py, the one reading, and kept on the case whenever it may change.

- `clock_due`: the due date of the clock running now (the filing clock of a lead, the decision clock of a filed case
  under investigation or not) as read today. Empty when no clock runs, and while its due date moves on day by day
  (`clock_paused`: a period not counted still runs, or an entry is dated ahead): such a clock is read when shown.
- `decision_due` and `decision_on_time`: once the decision clock has stopped, its due date and whether it stopped
  on or before it, as the clock stood on the day it stopped (an extension approved after the decision extends
  nothing). Empty while it runs or before filing.

Who keeps them: every case action (services/cases.py, `refreshed`), in its own transaction; an edit of a clock, an
extension, a period not counted, a deadline rule, a kind of case or a calendar day made elsewhere (the admin, the
office's calendar) refreshes the cases it touches (protection/clock_signals.py), in the edit's transaction; the
first start refreshes the running clocks after the calendar is seeded. `refresh_many` reads any number of cases in
a few queries per thousand; the data migration that added the fields filled them with `computed`."""

import contextlib
import contextvars
import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.utils import timezone

from zhichan.core.clocks import read
from zhichan.core.models import Clock, DeadlineRule, ExcludedPeriod, Extension
from zhichan.core.services.calendar import WorkCalendar

from ..models import Case

FIELDS = ("clock_due", "clock_paused", "decision_due", "decision_on_time")
RUNNING = ("lead", "filed", "investigation")  # State.LEAD, FILED, INVESTIGATION: a clock runs
LATER = datetime.timedelta(days=31)
CHUNK = 2000


@dataclass(frozen=True)
class Entry:
    """An extension (length, approved_on) or a period not counted (start, end), as core/clocks.py reads them."""

    length: int = 0
    approved_on: datetime.date | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    approver: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Timer:
    """One clock of a case: its rule, start, stop, extensions and periods not counted."""

    rule: object
    started: datetime.date
    stopped: datetime.date | None
    extensions: tuple = ()
    excluded: tuple = ()


def running_key(state: str, filing_rule: str, decision_rule: str) -> str:
    """The rule key of the clock running in that state (Case.running_rule)."""
    if state == "lead":
        return filing_rule
    return decision_rule if state in RUNNING else ""


def _dated_ahead(timer: Timer, day) -> bool:
    return any(entry.approved_on > day for entry in timer.extensions) or any(
        entry.start > day or (entry.end is not None and entry.end > day) for entry in timer.excluded
    )


class Reader:
    """Reads the due dates of clocks for the stored fields, sharing one calendar and the due dates of clocks without
    entries, which depend only on their rule and start (whatever the day read, and however they stopped)."""

    def __init__(self, day: datetime.date, calendar=None):
        self.day = day
        self.calendar = calendar or WorkCalendar()
        self._plain = {}

    def due(self, timer: Timer, day: datetime.date) -> datetime.date:
        """The clock's due date as read on the day (core.clocks.read; a stop does not move it)."""
        if timer.extensions or timer.excluded:
            return read(
                timer.rule,
                timer.started,
                day,
                extensions=timer.extensions,
                excluded=timer.excluded,
                calendar=self.calendar,
            ).due
        key = (id(timer.rule), timer.started)
        if key not in self._plain:
            self._plain[key] = read(timer.rule, timer.started, timer.started, calendar=self.calendar).due
        return self._plain[key]

    def values(self, state: str, filing_rule: str, decision_rule: str, timers: dict) -> dict:
        """The stored fields of a case in `state` whose kind names those rules, from its clocks {rule key: Timer}."""
        found = {"clock_due": None, "clock_paused": False, "decision_due": None, "decision_on_time": None}
        running = timers.get(running_key(state, filing_rule, decision_rule))
        if running is not None:
            due = self.due(running, self.day)
            # A period not counted that runs on moves the due date a day a day (a month on, at least 31 days later,
            # whatever rest days it was rolled over); one that began after the due date moves nothing.
            moves = (running.extensions or running.excluded) and (
                self.due(running, self.day + LATER) != due or _dated_ahead(running, self.day)
            )
            found["clock_paused" if moves else "clock_due"] = True if moves else due
        decision = timers.get(decision_rule)
        if decision is not None and decision.stopped is not None:
            due = self.due(decision, decision.stopped)
            # As core.clocks reads a stopped clock: met when it stopped on or before its due date.
            found["decision_due"], found["decision_on_time"] = due, decision.stopped <= due
        return found


def computed(cases, clocks, extensions, excluded, rules, day, calendar=None) -> dict[int, dict]:
    """{case id: stored fields} from plain rows: cases (id, state, filing rule key, decision rule key), clocks (clock
    id, case id, rule id, started, stopped), extensions (clock id, length, approved on), periods not counted (clock
    id, start, end), rules {rule id: rule} (a DeadlineRule or an object with its fields and `in_working_days`)."""
    granted, paused = defaultdict(list), defaultdict(list)
    for clock, length, approved_on in extensions:
        granted[clock].append(Entry(length=length, approved_on=approved_on))
    for clock, start, end in excluded:
        paused[clock].append(Entry(start=start, end=end))
    timers = defaultdict(dict)
    for clock, case, rule, started, stopped in clocks:
        timers[case][rules[rule].key] = Timer(
            rules[rule], started, stopped, tuple(granted.get(clock, ())), tuple(paused.get(clock, ()))
        )
    reader = Reader(day, calendar)
    return {
        pk: reader.values(state, filing or "", decision or "", timers.get(pk, {}))
        for pk, state, filing, decision in cases
    }


def _rows(case_ids):
    """The plain rows `computed` reads for the cases (four queries)."""
    content_type = ContentType.objects.get_for_model(Case)
    cases = Case.objects.filter(pk__in=case_ids).values_list("pk", "state", "kind__filing_rule", "kind__decision_rule")
    clocks = list(
        Clock.objects.filter(content_type=content_type, object_id__in=case_ids).values_list(
            "pk", "object_id", "rule_id", "started_on", "stopped_on"
        )
    )
    ids = [row[0] for row in clocks]
    extensions = Extension.objects.filter(clock_id__in=ids).order_by("approved_on", "pk")
    excluded = ExcludedPeriod.objects.filter(clock_id__in=ids).order_by("start", "pk")
    return (
        list(cases.order_by()),
        clocks,
        list(extensions.values_list("clock_id", "length", "approved_on")),
        list(excluded.values_list("clock_id", "start", "end")),
    )


def _rules() -> dict:
    return {rule.pk: rule for rule in DeadlineRule.objects.all()}


def write(values: dict[int, dict], connection=None) -> None:
    """Store the fields {case id: fields} (no history row: the clocks' own history is the audit): on PostgreSQL one
    UPDATE … FROM VALUES per thousand cases, elsewhere one prepared UPDATE run for every case."""
    connection = connection or connections[Case.objects.db]
    if not values:
        return
    table, quote = connection.ops.quote_name(Case._meta.db_table), connection.ops.quote_name
    rows = [(pk, *(fields[name] for name in FIELDS)) for pk, fields in values.items()]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            columns = ", ".join(f"{quote(name)} = %s" for name in FIELDS)
            cursor.executemany(
                f"UPDATE {table} SET {columns} WHERE {quote('id')} = %s", [(*row[1:], row[0]) for row in rows]
            )
            return
        one = "(%s::bigint, %s::date, %s::boolean, %s::date, %s::boolean)"
        columns = ", ".join(f"{quote(name)} = v.{quote(name)}" for name in FIELDS)
        names = ", ".join(quote(name) for name in ("id", *FIELDS))
        for first in range(0, len(rows), 1000):
            part = rows[first : first + 1000]
            cursor.execute(
                f"UPDATE {table} AS c SET {columns} FROM (VALUES {', '.join([one] * len(part))}) AS v({names}) "
                f"WHERE c.{quote('id')} = v.{quote('id')}",
                [value for row in part for value in row],
            )


def refresh_many(cases, day: datetime.date | None = None) -> int:
    """Bring the stored fields of the cases (a queryset or ids) in line with their clocks; returns how many changed."""
    day = day or timezone.localdate()
    ids = list(cases.values_list("pk", flat=True)) if hasattr(cases, "values_list") else list(cases)
    rules, calendar, changed = _rules(), WorkCalendar(), 0
    for first in range(0, len(ids), CHUNK):
        chunk = ids[first : first + CHUNK]
        wanted = computed(*_rows(chunk), rules, day, calendar)
        stored = Case.objects.filter(pk__in=chunk).values_list("pk", *FIELDS)
        different = {
            pk: wanted[pk] for pk, *values in stored if tuple(values) != tuple(wanted[pk][name] for name in FIELDS)
        }
        write(different)
        changed += len(different)
    return changed


def refresh(case, day: datetime.date | None = None) -> Case:
    """Bring the case's stored fields in line with its clocks, on the record in hand too."""
    refresh_many([case.pk], day)
    values = Case.objects.filter(pk=case.pk).values(*FIELDS).first() or {}
    for name, value in values.items():
        setattr(case, name, value)
    return case


_deferred = contextvars.ContextVar("case_clock_fields_deferred", default=False)


@contextlib.contextmanager
def deferred():
    """Inside a case action: edits of its clocks do not refresh the case one by one (the action refreshes it once,
    at its end)."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def is_deferred() -> bool:
    return _deferred.get()


_batch = contextvars.ContextVar("case_clock_fields_batch", default=None)


@contextlib.contextmanager
def batched():
    """Many case actions in a row (the demo data): each case is refreshed once, all together at the end, in bulk,
    rather than at the end of every action."""
    cases: set[int] = set()
    token = _batch.set(cases)
    try:
        yield
    finally:
        _batch.reset(token)
    refresh_many(sorted(cases))


def put_off(case) -> bool:
    """Inside `batched()`: the case is noted for the refresh at its end (True); otherwise False."""
    cases = _batch.get()
    if cases is None:
        return False
    cases.add(case.pk)
    return True


def first_start(stdout, demo: bool):
    """Every start, after the calendar is seeded and the rules loaded (which leave no trace a signal sees): the
    running clocks' kept due dates, which a newly known year of holidays may move."""
    running = Case.objects.filter(state__in=RUNNING).filter(clock_due__isnull=False)
    changed = refresh_many(running)
    if changed:
        stdout.write(f"Enforcement cases: {changed} kept due dates brought in line with the calendar")
