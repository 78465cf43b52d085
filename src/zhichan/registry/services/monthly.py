"""Validity at every month end of a range, for many records at once (what indicator series read).

The same rules as `status_on` and `valid_on` (services/patents.py, services/trademarks.py), computed once per
range instead of once per month end. Records whose validity follows from their own dates (no terminating,
restoring or renewing event) are counted in the database, grouped by the months that matter. Those with such
events are then read with their events (one join) and counted by their intervals of validity under the same rule,
cut in one pass. Patents are many: every one is counted by its own dates first (leaving the event-dependent ones
out would cost the database more), and the event-dependent ones' own-date count is taken back. Trademarks are
fewer: the event-dependent ones are left out of the grouped count. tests/registry/test_monthly.py checks the
intervals against `status_on` day by day, and the monthly counts against `valid_on` at every month end.
"""

from collections import defaultdict, namedtuple
from datetime import date, timedelta
from functools import partial

from django.db.models import Case, Count, DateField, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.db.models.expressions import ExpressionWrapper
from django.db.models.functions import ExtractMonth, ExtractYear

from zhichan.core import runs
from zhichan.core.monthly import MonthlyCounts, intervals, month_end, month_number, month_start

from .. import terms
from ..models import EnterpriseDesignation, PatentEventKind, TrademarkEvent, TrademarkEventKind
from ..models.patents import TERMINATING as TERMINATING_PATENT
from ..models.trademarks import TERMINATING as TERMINATING_TRADEMARK
from . import patents as patent_rules

EARLY, LATE = -1, 1 << 30  # month numbers before and after any range


def month_number_of(field: str):
    """The month number (zhichan.core.monthly) of a date field, in the database."""
    return ExtractYear(field) * 12 + ExtractMonth(field) - 1


def month_of(field: str, earliest: date, latest: date):
    """The month number of a date field; EARLY before `earliest`, LATE after `latest` (fewer groups)."""
    return Case(
        When(**{f"{field}__lt": earliest}, then=Value(EARLY)),
        When(**{f"{field}__gt": latest}, then=Value(LATE)),
        default=month_number_of(field),
        output_field=IntegerField(),
    )


def leap_day(field: str):
    return Case(When(**{f"{field}__month": 2, f"{field}__day": 29}, then=Value(1)), default=Value(0))


def day_of(month: int, leap: int) -> date:
    """A day of a month standing for all its days where only 29 February differs (anniversaries)."""
    start = month_start(month)
    return start.replace(day=29) if leap else start


Event = namedtuple("Event", "date kind")  # what the validity rules read of an event


def eventful(queryset, fields, *kinds: Q) -> list:
    """(record, its events) for the records of `queryset` having events that one of `kinds` selects (conditions
    on the record, through its `events`), read as plain tuples: building model instances would cost more than
    the rules themselves. Each condition is one join (a plain one can be read from an index; OR-ed together
    they could not). The records need only the fields the rules read. Within a run (core.runs), the same read is
    done once however many figures ask for it."""
    reads = [
        queryset.filter(condition).order_by().values_list("pk", *fields, "events__date", "events__kind")
        for condition in kinds
    ]
    key = tuple((sql, tuple(params)) for sql, params in (read.query.sql_with_params() for read in reads))
    return runs.once(("eventful", key), partial(_by_record, reads, fields))


def _by_record(reads, fields) -> list:
    record, width = namedtuple("Record", ("pk", *fields)), len(fields)
    found = {}
    for rows in reads:
        for row in rows:
            item = found.get(row[0])
            if item is None:
                item = found[row[0]] = (record(*row[: width + 1]), [])
            item[1].append(Event(*row[width + 1 :]))
    return list(found.values())


def correct(counts: MonthlyCounts, items, intervals_of, cut=None, counted=True, keep=None):
    """Count the records by their events. When they were `counted` by their own dates alone
    (`intervals_of(record, [])`), that count is taken back. `cut(record, intervals)` narrows both (the
    high-value count's tenth anniversary); `keep(record)` chooses the items to count."""
    add = counts.add_months
    for (record, _events), (spans, own) in zip(items, _spans(items, intervals_of, counted), strict=True):
        if keep and not keep(record):
            continue
        if cut:
            spans, own = cut(record, spans), cut(record, own)
        if spans == own:
            continue
        for sign, days in ((-1, own), (1, spans)):
            for since, until in days:
                add(record.region, month_number(since), None if until is None else month_number(until), sign)


def _spans(items, intervals_of, counted) -> list:
    """Each item's intervals by its events and by its own dates, worked out once per run for the same items
    (the two invention figures correct the same patents). The run keeps `items` with the result, so no other
    list can take its id while the run lasts."""

    def work_out():
        return items, [(intervals_of(r, events), intervals_of(r, []) if counted else []) for r, events in items]

    return runs.once(("spans", id(items), intervals_of, counted), work_out)[1]


# --- patents -------------------------------------------------------------------------------------------

_PATENT_CHANGES = [*TERMINATING_PATENT, PatentEventKind.RESTORATION]


# What the validity rule reads, and the high-value rule's facts: both figures share one read.
PATENT_FIELDS = (
    "region",
    "patent_type",
    "filing_date",
    "grant_date",
    "strategic_emerging",
    "foreign_family",
    "high_pledge_financing",
    "award",
)


def eventful_patents(queryset) -> list:
    """(patent, its events) for the patents of `queryset` whose validity depends on events: those with an event
    that ends or restores them, and those whose grant is known only from an event."""
    changing = Q(events__kind__in=_PATENT_CHANGES)
    granted_by_event = Q(events__kind=PatentEventKind.GRANT, grant_date__isnull=True)
    return eventful(queryset, PATENT_FIELDS, changing, granted_by_event)


def _restoration_last(event):
    # On one day a restoration comes after a termination, as in status_on.
    return (event.date, event.kind == PatentEventKind.RESTORATION)


def patent_intervals(patent, events) -> list:
    """The intervals of days on which a patent is valid: from its grant to its expiry, less the spans from a
    terminating event to the restoration that undoes it (status_on's rule, in one pass over the events)."""
    events = list(events)
    granted = patent_rules.grant_date_of(patent, events)
    if granted is None:
        return []
    expires = patent_rules.expiry_date(patent)
    spans, off = [], None
    for event in sorted(events, key=_restoration_last):
        if event.kind in TERMINATING_PATENT and off is None:
            off = event.date
        elif event.kind == PatentEventKind.RESTORATION and off is not None:
            spans.append((off, event.date))
            off = None
    if off is not None:
        spans.append((off, None))
    result, since = [], granted
    for off_from, off_until in spans:
        result.append((since, min(off_from, expires)))
        if off_until is None:
            since = None
            break
        since = max(since, off_until)
    if since is not None:
        result.append((since, expires))
    return [(start, stop) for start, stop in result if start < stop]


def valid_patents_by_month(queryset, first: int, last: int) -> MonthlyCounts:
    """The patents of `queryset` (with a region) valid at the end of each month first … last, per region."""
    counts = MonthlyCounts(first, last)
    queryset = queryset.filter(region__isnull=False).order_by()
    count_by_own_dates(counts, queryset)
    correct(counts, eventful_patents(queryset), patent_intervals)
    return counts


def count_by_own_dates(counts: MonthlyCounts, queryset):
    """Count the granted patents of `queryset` from their grant to their expiry, whatever their events say."""
    start, end = month_start(counts.first), month_end(counts.last)
    # Filed this long before the range, every term has ended before it; this long after, none ends within it.
    longest, shortest = max(terms.PATENT_TERM_YEARS.values()), terms.DESIGN_TERM_YEARS_BEFORE
    filed_early, filed_late = date(start.year - longest - 1, 1, 1), date(end.year - shortest + 1, 1, 1)
    plain = (
        queryset.filter(grant_date__isnull=False, grant_date__lte=end, filing_date__gte=filed_early)
        .annotate(
            granted=month_of("grant_date", start, end),
            filed=month_of("filing_date", filed_early, filed_late),
            leap=leap_day("filing_date"),
        )
        .values_list("region", "patent_type", "granted", "filed", "leap")
        .annotate(n=Count("pk"))
    )
    for region, patent_type, granted, filed, leap, n in plain:
        stop = None
        if filed != LATE:
            filing = day_of(filed, leap)
            years = terms.patent_term_years(patent_type, filing)
            stop = month_number(terms.anniversary(filing, years))
        counts.add_months(region, granted, stop, n)


# --- trademarks ----------------------------------------------------------------------------------------

_TRADEMARK_CHANGES = [*TERMINATING_TRADEMARK, TrademarkEventKind.RENEWAL]


def trademark_intervals(trademark, events) -> list:
    """The intervals of days on which a trademark is valid (status_on's rule, in one pass over the events).

    Between its k-th renewal and the next, a mark is valid up to the end of its (k+1)-th term, or up to the
    recorded end of the exclusive right when that is later; a terminating event ends it for good.
    """
    registered = trademark.registration_date
    if registered is None:
        return []
    events = list(events)
    renewed = sorted(max(e.date, registered) for e in events if e.kind == TrademarkEventKind.RENEWAL)
    ended = min((e.date for e in events if e.kind in TERMINATING_TRADEMARK), default=None)
    recorded_end = trademark.expiry_date
    starts = [registered, *renewed]
    result, term_start = [], registered
    for k, since in enumerate(starts):
        term_start = terms.anniversary(term_start, terms.TRADEMARK_TERM_YEARS)  # start of term k + 2
        last_day = term_start - timedelta(days=1)
        if recorded_end and recorded_end > last_day:
            last_day = recorded_end
        until = last_day + timedelta(days=1)
        if k + 1 < len(starts):
            until = min(until, starts[k + 1])
        if ended is not None:
            until = min(until, ended)
        if since < until:
            result.append((since, until))
    return result


def valid_trademarks_by_month(queryset, first: int, last: int) -> MonthlyCounts:
    """The trademarks of `queryset` (with a region) valid at the end of each month first … last, per region."""
    counts = MonthlyCounts(first, last)
    queryset = queryset.filter(region__isnull=False).order_by()
    start, end = month_start(first), month_end(last)
    # Registered this long before the range, the first term has ended before it.
    registered_early = date(start.year - terms.TRADEMARK_TERM_YEARS - 1, 1, 1)
    day_after_expiry = ExpressionWrapper(F("expiry_date") + timedelta(days=1), output_field=DateField())
    # The marks with renewing or terminating events are left out here and counted by their events below: the
    # register is small enough that leaving them out costs the database less than taking them back costs Python.
    changing = TrademarkEvent.objects.filter(trademark=OuterRef("pk"), kind__in=_TRADEMARK_CHANGES)
    plain = (
        queryset.filter(registration_date__isnull=False, registration_date__lte=end)
        .filter(~Exists(changing))
        .annotate(
            registered=month_of("registration_date", registered_early, end),
            leap=leap_day("registration_date"),
            ends=Case(
                When(expiry_date__isnull=True, then=Value(EARLY)),
                When(expiry_date__lt=start, then=Value(EARLY)),
                When(expiry_date__gte=end, then=Value(LATE)),
                default=ExtractYear(day_after_expiry) * 12 + ExtractMonth(day_after_expiry) - 1,
                output_field=IntegerField(),
            ),
        )
        .values_list("region", "registered", "leap", "ends")
        .annotate(n=Count("pk"))
    )
    for region, registered, leap, ends, n in plain:
        if registered == EARLY:  # the first term ended before the range: only a later recorded end counts
            since, term_stop = first, EARLY
        else:
            since = registered
            last_day = terms.last_day_of_term(day_of(registered, leap), 1)
            term_stop = month_number(last_day + timedelta(days=1))
        stop = max(term_stop, ends)
        counts.add_months(region, since, None if stop == LATE else stop, n)
    fields = ("region", "registration_date", "expiry_date", "application_date")
    kinds = Q(events__kind__in=_TRADEMARK_CHANGES, registration_date__isnull=False)
    correct(counts, eventful(queryset, fields, kinds), trademark_intervals, counted=False)
    return counts


# --- designations --------------------------------------------------------------------------------------


def _holds_any(spans, day) -> bool:
    return any(granted <= day and (expires is None or expires > day) for granted, expires in spans)


def designated_by_month(enterprises, kinds, first: int, last: int, levels=None) -> MonthlyCounts:
    """The enterprises (with a region) holding any of these designations (of these levels, when given) at each
    month end, per region."""
    counts = MonthlyCounts(first, last)
    held = EnterpriseDesignation.objects.filter(
        enterprise__in=enterprises.filter(region__isnull=False),
        kind__in=list(kinds),
        granted_on__lte=month_end(last),
    )
    if levels is not None:
        held = held.filter(level__in=list(levels))
    held = held.order_by().values_list("enterprise_id", "enterprise__region_id", "granted_on", "expires_on")
    spans_of = defaultdict(list)
    for enterprise, region, granted, expires in held:
        spans_of[enterprise, region].append((granted, expires))
    for (_enterprise, region), spans in spans_of.items():
        points = [day for span in spans for day in span if day is not None]
        for since, until in intervals(points, partial(_holds_any, spans)):
            counts.add_days(region, since, until)
    return counts


def dated_by_month(queryset, field: str, first: int, last: int) -> MonthlyCounts:
    """The records of `queryset` (with a region) dated on or before each month end (a running count)."""
    counts = MonthlyCounts(first, last)
    rows = (
        queryset.filter(region__isnull=False, **{f"{field}__isnull": False, f"{field}__lte": month_end(last)})
        .order_by()
        .annotate(month=month_of(field, month_start(first), month_end(last)))
        .values_list("region", "month")
        .annotate(n=Count("pk"))
    )
    for region, month, n in rows:
        counts.add_months(region, month, None, n)
    return counts
