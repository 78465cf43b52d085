"""Reading a deadline: for any record and any day, when it is due, how many days are left, its state, and why.

How a period is counted (the rules of procedure the statutory limits follow):
- the day of the start event does not count unless the rule says it does: 90 days from 2024-03-01 end on
  2024-05-30;
- months run to the same day of the month `length` months later; when that month is shorter, to its last day
  (2024-01-31 + 1 month = 2024-02-29). A start day that counts ends the period the day before;
- extensions lengthen the period in the rule's unit, counted from the start like the period itself;
- the days of an excluded period (suspension, hearing, notice, appraisal) do not count: working days of it for a
  rule in working days, every day of it otherwise; one still open counts as ending on the day read;
- with `roll_to_workday`, a period ending on a rest day ends on the next working day; a period in working days
  always ends on one.
Only what was known on the day read counts: extensions approved and periods begun on or before it.
"""

import datetime
from calendar import monthrange
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from .models import Clock, DeadlineRule, PeriodUnit
from .services.calendar import WorkCalendar, add_workdays, fallback_warning, workdays_between

ONE_DAY = datetime.timedelta(days=1)


class State(models.TextChoices):
    ON_TIME = "on-time", gettext_lazy("On time")
    AT_RISK = "at-risk", gettext_lazy("At risk")
    OVERDUE = "overdue", gettext_lazy("Overdue")
    MET = "met", gettext_lazy("Met")
    MISSED = "missed", gettext_lazy("Met late")


@dataclass(frozen=True)
class Reading:
    """A clock as read on `day`. `days_left` is in working days for a rule in working days, in days otherwise;
    after the due date it is negative; once stopped it is the margin left on the day it stopped."""

    rule: DeadlineRule
    start: datetime.date | None  # None: read from a kept due date (`reading_of_due`)
    day: datetime.date
    due: datetime.date
    days_left: int
    state: State
    notes: tuple[tuple, ...] = ()  # what `lines` says, kept as facts and worded when read
    stopped: datetime.date | None = None
    threshold: int | None = None  # the warning threshold reached, the nearest one
    suspended: bool = False  # an excluded period runs on the day read
    unknown_years: tuple[int, ...] = field(default=())

    @property
    def lines(self) -> list[str]:
        """Why it is due then, in the active language: the rule, each extension, each period not counted, a move
        to the next working day, the stop."""
        return [_line(self.rule, self.start, *note) for note in self.notes]

    @property
    def exact(self) -> bool:
        return not self.unknown_years

    @property
    def warning(self) -> str:
        """The calendar's word when a year it crossed is not known in full; empty otherwise."""
        return fallback_warning(self.unknown_years)

    @property
    def summary(self) -> str:
        """One line, e.g. "Due 2024-04-10, 3 working days left"."""
        left, due = abs(self.days_left), f"{self.due:%Y-%m-%d}"
        if self.state == State.MET:
            return _("Due %(date)s, met on %(stopped)s") % {"date": due, "stopped": f"{self.stopped:%Y-%m-%d}"}
        if self.state == State.MISSED:
            return _("Due %(date)s, met late on %(stopped)s") % {"date": due, "stopped": f"{self.stopped:%Y-%m-%d}"}
        if self.days_left == 0:
            return _("Due today, %(date)s") % {"date": due}
        if self.days_left < 0:
            late = _days(self.rule, left)
            return _("Due %(date)s, overdue by %(days)s") % {"date": due, "days": late}
        return _("Due %(date)s, %(days)s left") % {"date": due, "days": _days(self.rule, left)}

    @property
    def explanation(self) -> str:
        return "；".join(self.lines) if _chinese() else "; ".join(self.lines)


def _chinese() -> bool:
    return (get_language() or "").startswith("zh")


def _days(rule, n: int) -> str:
    if rule.in_working_days:
        return ngettext("%(n)d working day", "%(n)d working days", n) % {"n": n}
    return ngettext("%(n)d day", "%(n)d days", n) % {"n": n}


def _length(rule, n: int) -> str:
    if rule.unit == PeriodUnit.MONTHS:
        return ngettext("%(n)d month", "%(n)d months", n) % {"n": n}
    return _days(rule, n)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when that month is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return datetime.date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def clock(
    subject,
    day: datetime.date | None = None,
    *,
    rule: str | None = None,
    start: datetime.date | None = None,
    stopped: datetime.date | None = None,
    extensions=(),
    excluded=(),
    calendar: WorkCalendar | None = None,
) -> Reading:
    """Read a clock on `day` (default today); `readings` reads many.

    `subject` is a `Clock` (its rule, start, stop, extensions and excluded periods), a record of any app with
    `rule=` naming the rule key of its clock, or a `DeadlineRule` (or its key) with `start=` and optionally
    `stopped=`, `extensions=` and `excluded=` (objects with the fields of `Extension` and `ExcludedPeriod`).
    Pass one `WorkCalendar` as `calendar=` when reading many clocks."""
    day = day or timezone.localdate()
    if isinstance(subject, str):
        subject = DeadlineRule.objects.get(key=subject)
    if not isinstance(subject, (Clock, DeadlineRule)):
        subject = clock_of(subject, rule)
    if isinstance(subject, Clock):
        return read(
            subject.rule,
            subject.started_on,
            day,
            stopped=subject.stopped_on,
            extensions=list(subject.extensions.all()),
            excluded=list(subject.excluded.all()),
            calendar=calendar,
        )
    if start is None:
        raise TypeError("a rule needs start=")
    return read(subject, start, day, stopped=stopped, extensions=extensions, excluded=excluded, calendar=calendar)


def clock_of(record, rule: str | None) -> Clock:
    """The record's clock under the rule with that key."""
    if not rule:
        raise TypeError("a record needs rule= (the rule's key)")
    return Clock.objects.select_related("rule").get(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk, rule__key=rule
    )


def readings(model, rule: str, day: datetime.date | None = None, object_ids=None) -> dict[int, Reading]:
    """{record id: reading} of every clock under the rule for records of the model (or those ids), in three
    queries and one calendar: for a list page or an on-time rate."""
    found = Clock.objects.filter(content_type=ContentType.objects.get_for_model(model), rule__key=rule)
    if object_ids is not None:
        found = found.filter(object_id__in=list(object_ids))
    calendar = WorkCalendar()
    day = day or timezone.localdate()
    return {
        row.object_id: clock(row, day, calendar=calendar)
        for row in found.select_related("rule").prefetch_related("extensions", "excluded")
    }


def read(rule, start, day, *, stopped=None, extensions=(), excluded=(), calendar=None) -> Reading:
    """The reading itself, from plain values."""
    calendar = calendar or WorkCalendar()
    unknown: set[int] = set()
    granted = [e for e in extensions if e.approved_on <= day]
    length = rule.length + sum(e.length for e in granted)
    due = _due(rule, start, length, calendar, unknown)
    notes = [("rule",)] + [("extension", e) for e in sorted(granted, key=lambda e: e.approved_on)]
    first_counted = start if rule.start_day_counts else start + ONE_DAY
    known = sorted((p for p in excluded if p.start <= day), key=lambda p: p.start)
    suspended = False
    for period in known:
        running = period.end is None or period.end > day
        suspended = suspended or running
        end = day if running else period.end
        notes.append(("excluded", period, end, running))
    for low, high in _merged(known, first_counted, day):
        if low > due:
            break
        if rule.in_working_days:
            skipped = workdays_between(low - ONE_DAY, high, calendar)
            unknown.update(skipped.unknown_years)
            moved = add_workdays(due, skipped.value, calendar)
            unknown.update(moved.unknown_years)
            due = moved.date
        else:
            due += datetime.timedelta(days=(high - low).days + 1)
    if rule.roll_to_workday and not rule.in_working_days:
        rolled = due
        while not calendar.is_workday(rolled):
            unknown.add(rolled.year)
            rolled += ONE_DAY
        unknown.add(rolled.year)
        if rolled != due:
            notes.append(("rolled", due))
        due = rolled
    if stopped and stopped > day:
        stopped = None  # not yet stopped on the day read
    days_left, state, threshold = standing(rule, due, day, stopped=stopped, calendar=calendar, unknown=unknown)
    if stopped:
        notes.append(("stopped", stopped))
    unknown = {year for year in unknown if not calendar.complete(year)}
    return Reading(
        rule=rule,
        start=start,
        day=day,
        due=due,
        days_left=days_left,
        state=state,
        notes=tuple(notes),
        stopped=stopped,
        threshold=threshold,
        suspended=suspended and not stopped,
        unknown_years=tuple(sorted(unknown)),
    )


def reading_of_due(rule, due: datetime.date, day: datetime.date, calendar: WorkCalendar | None = None) -> Reading:
    """A running clock read from a due date kept elsewhere (a list of many records keeps its records' due dates):
    its state, days left and summary as `read` gives them. It holds neither the start nor the reasons (`lines` is
    empty): the record's own page reads the clock itself."""
    calendar = calendar or WorkCalendar()
    unknown: set[int] = set()
    days_left, state, threshold = standing(rule, due, day, calendar=calendar, unknown=unknown)
    return Reading(
        rule=rule,
        start=None,
        day=day,
        due=due,
        days_left=days_left,
        state=state,
        threshold=threshold,
        unknown_years=tuple(sorted(year for year in unknown if not calendar.complete(year))),
    )


def standing(rule, due, day, *, stopped=None, calendar=None, unknown=None) -> tuple[int, State, int | None]:
    """(days left, state, warning threshold reached) of a clock under the rule due on `due`, read on `day`: what
    `read` says once it knows the due date, for a caller that has kept the due date (a list of many records).
    `stopped` is the day it stopped, if on or before `day`; the years the calendar does not know in full that
    the count crossed are added to `unknown` when given."""
    calendar = calendar or WorkCalendar()
    counted_from = stopped or day
    if rule.in_working_days:
        left = workdays_between(counted_from, due, calendar)
        if unknown is not None:
            unknown.update(left.unknown_years)
        days_left = left.value
    else:
        days_left = (due - counted_from).days
    if stopped:
        return days_left, State.MET if stopped <= due else State.MISSED, None
    if day > due:
        return days_left, State.OVERDUE, None
    reached = [n for n in rule.warn_days or () if days_left <= n]
    return days_left, State.AT_RISK if reached else State.ON_TIME, min(reached) if reached else None


def _due(rule, start, length, calendar, unknown) -> datetime.date:
    """The last day of a period of `length` units from `start`, before excluded periods and rolling."""
    if rule.unit == PeriodUnit.MONTHS:
        end = add_months(start, length)
        return end - ONE_DAY if rule.start_day_counts else end
    anchor = start - ONE_DAY if rule.start_day_counts else start
    if rule.in_working_days:
        deadline = add_workdays(anchor, length, calendar)
        unknown.update(deadline.unknown_years)
        return deadline.date
    return anchor + datetime.timedelta(days=length)


def _merged(periods, first_counted, day) -> list[tuple[datetime.date, datetime.date]]:
    """The excluded periods as (first, last) day pairs, cut to the days the clock counts, overlaps joined."""
    spans = []
    for period in periods:
        low = max(period.start, first_counted)
        high = day if period.end is None or period.end > day else period.end
        if low > high:
            continue
        if spans and low <= spans[-1][1] + ONE_DAY:
            spans[-1] = (spans[-1][0], max(spans[-1][1], high))
        else:
            spans.append((low, high))
    return spans


def _line(rule, start, kind, *facts) -> str:
    if kind == "rule":
        return _rule_line(rule, start)
    if kind == "extension":
        (extension,) = facts
        return _("extended by %(length)s on %(date)s, approved by %(approver)s: %(reason)s") % {
            "length": _length(rule, extension.length),
            "date": f"{extension.approved_on:%Y-%m-%d}",
            "approver": extension.approver,
            "reason": extension.reason,
        }
    if kind == "excluded":
        return _excluded_line(*facts)
    if kind == "rolled":
        return _("the last day, %(last)s, is a rest day: due on the next working day") % {
            "last": f"{facts[0]:%Y-%m-%d}"
        }
    return _("stopped on %(date)s") % {"date": f"{facts[0]:%Y-%m-%d}"}


def _rule_line(rule, start) -> str:
    event = rule.start_event_en if rule.start_event_en and not _chinese() else rule.start_event
    name = rule.name_en if rule.name_en and not _chinese() else rule.name
    text = _("%(rule)s: %(length)s from %(event)s on %(date)s") % {
        "rule": name,
        "length": _length(rule, rule.length),
        "event": event,
        "date": f"{start:%Y-%m-%d}",
    }
    if not rule.start_day_counts:
        text += _(", not counting that day")
    return text


def _excluded_line(period, end, running) -> str:
    values = {"start": f"{period.start:%Y-%m-%d}", "end": f"{end:%Y-%m-%d}", "reason": period.reason}
    if running:
        return _("not counted from %(start)s, still running (%(reason)s)") % values
    return _("not counted from %(start)s to %(end)s (%(reason)s)") % values
