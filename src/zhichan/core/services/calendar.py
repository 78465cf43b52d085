"""Working days on the official calendar: statutory holidays and make-up working days (调休).

The calendar table holds only the days that differ from the plain week; a year the office has not marked
complete is counted Monday to Friday apart from the days entered so far, and every result says so (`exact`,
`warning`) instead of failing. Each computation reads a year's days once (one query per year touched); a caller
computing many deadlines passes one `WorkCalendar` to share the reads.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from importlib.metadata import PackageNotFoundError, version

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ..actions import action, office_or_system
from ..events import DAY_REMOVED, DAY_SAVED, YEAR_SET
from ..models import CalendarDay, CalendarYear
from ..models.calendar import LIBRARY_SOURCE_PREFIX

# Set by the office's forms for days it enters by hand; kept as data, like every other source.
OFFICE_SOURCE = "办公室录入"

# The package's English holiday names, as the State Council's notices name them.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def fallback_warning(years) -> str:
    """The message for results that counted some year Monday to Friday; empty when none did."""
    if not years:
        return ""
    return _(
        "The official calendar for %(years)s is not complete yet; days not entered there were counted Monday to Friday."
    ) % {"years": ", ".join(str(year) for year in sorted(years))}


@dataclass(frozen=True)
class Deadline:
    """A date computed in working days; `exact` is False when a year it crossed is not known in full."""

    date: date
    exact: bool
    unknown_years: tuple[int, ...] = ()

    @property
    def warning(self) -> str:
        return fallback_warning(self.unknown_years)


@dataclass(frozen=True)
class Count:
    """A number of working days, with the same `exact` and `warning` as a Deadline."""

    value: int
    exact: bool
    unknown_years: tuple[int, ...] = ()

    @property
    def warning(self) -> str:
        return fallback_warning(self.unknown_years)

    def __int__(self):
        return self.value


class WorkCalendar:
    """The calendar as read for one computation: each year's days loaded once, on first use."""

    def __init__(self):
        self._days: dict[int, dict[date, bool]] = {}
        self._complete: set[int] | None = None
        self.touched: set[int] = set()

    def days(self, year: int) -> dict[date, bool]:
        """{date: is a working day} for the stored days of a year."""
        self.touched.add(year)
        if year not in self._days:
            rows = CalendarDay.objects.filter(date__year=year).values_list("date", "kind")
            self._days[year] = {day: kind == CalendarDay.Kind.WORKDAY for day, kind in rows}
        return self._days[year]

    def complete(self, year: int) -> bool:
        if self._complete is None:
            self._complete = set(CalendarYear.objects.filter(complete=True).values_list("year", flat=True))
        return year in self._complete

    def unknown_years(self) -> tuple[int, ...]:
        """The years touched so far that the calendar does not know in full."""
        return tuple(sorted(year for year in self.touched if not self.complete(year)))

    def is_workday(self, day: date) -> bool:
        return self.days(day.year).get(day, day.weekday() < 5)


def is_workday(day: date, calendar: WorkCalendar | None = None) -> bool:
    """Is the day a working day? For a year not known in full: Monday to Friday, unless entered otherwise."""
    return (calendar or WorkCalendar()).is_workday(day)


def add_workdays(start: date, n: int, calendar: WorkCalendar | None = None) -> Deadline:
    """The n-th working day after `start` (before it when n < 0); `start` itself is not counted.

    n = 0 gives `start` unchanged.
    """
    calendar = calendar or WorkCalendar()
    step = timedelta(days=1 if n >= 0 else -1)
    day, remaining = start, abs(n)
    years = set()
    while remaining:
        day += step
        years.add(day.year)
        if calendar.is_workday(day):
            remaining -= 1
    unknown = tuple(year for year in sorted(years) if not calendar.complete(year))
    return Deadline(day, not unknown, unknown)


def _weekdays(first: date, last: date) -> int:
    """Monday-to-Friday days from first to last, both included (first <= last)."""
    weeks, rest = divmod((last - first).days + 1, 7)
    return weeks * 5 + sum(1 for i in range(rest) if (first.weekday() + i) % 7 < 5)


def workdays_between(start: date, end: date, calendar: WorkCalendar | None = None) -> Count:
    """Working days after `start` up to and including `end`; when `end` comes first, minus the working days
    from `end` up to the day before `start`.

    So `workdays_between(d, add_workdays(d, n).date).value == n` for any n.
    """
    calendar = calendar or WorkCalendar()
    if end < start:
        count = _count(calendar, end, start - timedelta(days=1))
        return Count(-count.value, count.exact, count.unknown_years)
    return _count(calendar, start + timedelta(days=1), end)


def _count(calendar: WorkCalendar, first: date, last: date) -> Count:
    """Working days from first to last, both included."""
    value, years = 0, []
    for year in range(first.year, last.year + 1) if first <= last else ():
        low, high = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
        value += _weekdays(low, high)
        # Stored days only correct the plain week where they differ from it.
        for day, working in calendar.days(year).items():
            if low <= day <= high and working != (day.weekday() < 5):
                value += 1 if working else -1
        years.append(year)
    unknown = tuple(year for year in years if not calendar.complete(year))
    return Count(value, not unknown, unknown)


# --- seeding from the chinese-calendar package --------------------------------------------------------------


def library_source() -> str:
    try:
        return f"{LIBRARY_SOURCE_PREFIX} {version('chinesecalendar')}"
    except PackageNotFoundError:
        return LIBRARY_SOURCE_PREFIX


def library_years() -> range:
    """The years the installed chinese-calendar knows in full."""
    import chinese_calendar

    return range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)


def library_days(years) -> dict[date, tuple[str, str]]:
    """{date: (kind, name)} for every named day of those years in chinese-calendar."""
    import chinese_calendar

    years = set(years)
    days = {}
    for table, kind in [
        (chinese_calendar.holidays, CalendarDay.Kind.HOLIDAY),
        (chinese_calendar.workdays, CalendarDay.Kind.WORKDAY),
    ]:
        for day, name in table.items():
            if day.year in years:
                days[day] = (kind, HOLIDAY_NAMES.get(name, name))
    return days


@transaction.atomic
def seed_calendar(years=None) -> dict:
    """Bring the seeded days of the given years (default: all the package knows) in line with chinese-calendar.

    Idempotent: unchanged days are not touched, so history stays clean. A day whose source is not the package
    (entered or corrected by the office) is never overwritten or deleted. A year is marked complete when it is
    first seeded; a year the office already has a row for keeps the office's word. Years the package does not
    know are returned in `unknown`, not raised.
    """
    known = library_years()
    wanted_years = sorted(set(known if years is None else years))
    unknown = [year for year in wanted_years if year not in known]
    seeded_years = [year for year in wanted_years if year in known]
    result = {"years": seeded_years, "unknown": unknown, "created": 0, "updated": 0, "deleted": 0, "kept": 0}
    if not seeded_years:
        return result
    source = library_source()
    wanted = library_days(seeded_years)
    existing = {
        row.date: row
        for row in CalendarDay.objects.filter(
            date__gte=date(seeded_years[0], 1, 1), date__lte=date(seeded_years[-1], 12, 31)
        )
        if row.date.year in seeded_years
    }
    create, update = [], []
    for day, (kind, name) in sorted(wanted.items()):
        row = existing.get(day)
        if row is None:
            create.append(CalendarDay(date=day, kind=kind, name=name, source=source))
        elif not row.from_library:
            result["kept"] += 1
        elif (row.kind, row.name) != (kind, name):
            row.kind, row.name, row.source = kind, name, source
            update.append(row)
    gone = [row for day, row in existing.items() if day not in wanted and row.from_library]
    if create:
        bulk_create_with_history(create, CalendarDay)
    if update:
        bulk_update_with_history(update, CalendarDay, ["kind", "name", "source"])
    for row in gone:  # a correction in a newer package; rare, and each delete goes to history
        row.delete()
    result.update(created=len(create), updated=len(update), deleted=len(gone))
    have = set(CalendarYear.objects.filter(year__in=seeded_years).values_list("year", flat=True))
    new_years = [CalendarYear(year=year, complete=True, source=source) for year in seeded_years if year not in have]
    if new_years:
        bulk_create_with_history(new_years, CalendarYear)
    return result


# --- the office's edits ----------------------------------------------------------------------------------------


@action(DAY_SAVED, data=lambda arguments, day: {"kind": day.kind, "name": day.name}, allow=office_or_system)
def save_day(user, day: CalendarDay) -> CalendarDay:
    """Save a day the office entered or corrected; its source then no longer names the package, so seeding
    leaves it as the office wrote it."""
    if not day.source.strip() or day.from_library:
        day.source = OFFICE_SOURCE
    day.save()
    return day


@action(
    DAY_REMOVED,
    on="day",
    data=lambda arguments, result: {"kind": arguments["day"].kind, "name": arguments["day"].name},
    allow=office_or_system,
)
def remove_day(user, day: CalendarDay) -> None:
    """The event is recorded on the day as it was (its label keeps the date and name)."""
    pk = day.pk
    day.delete()
    day.pk = pk


@action(YEAR_SET, data=lambda arguments, row: {"complete": row.complete, "source": row.source}, allow=office_or_system)
def set_year(user, year: int, complete: bool, source: str = "") -> CalendarYear:
    """Record whether the calendar knows the year in full (and from which notice)."""
    row, _created = CalendarYear.objects.get_or_create(year=year, defaults={"complete": complete, "source": source})
    if (row.complete, row.source) != (complete, source):
        row.complete, row.source = complete, source
        row.save()
    return row
