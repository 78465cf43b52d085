"""Validity at every month end of a range, for many records at once (what indicator series read).

The same rules as `status_on` and `valid_on` (services/patents.py, services/trademarks.py), computed once per
range instead of once per month end. Records whose validity follows from their own dates (no terminating,
restoring or renewing event) are counted in the database, grouped by the months that matter; the few with such
events are read with their events and cut into intervals of validity by `status_on` itself, so the two can never
disagree (tests/registry/test_monthly.py compares both with `valid_on` at every month end).
"""

from collections import defaultdict, namedtuple
from datetime import date, timedelta
from functools import partial

from django.db.models import Case, Count, DateField, Exists, F, IntegerField, OuterRef, Value, When
from django.db.models.expressions import ExpressionWrapper
from django.db.models.functions import ExtractMonth, ExtractYear

from zhichan.core.monthly import MonthlyCounts, intervals, month_end, month_number, month_start

from ..models import EnterpriseDesignation, PatentEvent, PatentEventKind, TrademarkEvent, TrademarkEventKind
from . import patents as patent_rules
from . import trademarks as trademark_rules

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


Event = namedtuple("Event", "date kind text")


def with_events(queryset, fields, event_model, link: str, kinds) -> list:
    """(record, its events of these kinds) for every record of `queryset`, read as plain tuples: building model
    instances would cost more than the rules themselves. The records need only the fields the rules read."""
    record = namedtuple("Record", fields)
    records = {row[0]: record(*row) for row in queryset.values_list(*fields)}
    events = defaultdict(list)
    # EXISTS, not IN (subquery): PostgreSQL plans it as a semi-join; an IN whose hash would outgrow work_mem is
    # rescanned for every row.
    owned = Exists(queryset.filter(pk=OuterRef(link)))
    rows = event_model.objects.filter(owned, kind__in=kinds).order_by()
    for owner, *event in rows.values_list(link, "date", "kind", "text"):
        events[owner].append(Event(*event))
    return [(item, events[pk]) for pk, item in records.items()]


# --- patents -------------------------------------------------------------------------------------------

_PATENT_CHANGES = [*patent_rules.TERMINATING, PatentEventKind.RESTORATION]


def patent_changed():
    """A patent has an event that ends or restores it (its validity does not follow from its dates alone)."""
    return Exists(PatentEvent.objects.filter(patent=OuterRef("pk"), kind__in=_PATENT_CHANGES))


def eventful_patents(queryset) -> list:
    """(patent, its events) for the patents of `queryset` whose validity depends on events: those with an event
    that ends or restores them, and those whose grant is known only from an event. Two semi-joins: one OR of
    the two conditions would be planned as a subquery run for every patent."""
    changed = patent_changed()
    granted_by_event = Exists(PatentEvent.objects.filter(patent=OuterRef("pk"), kind=PatentEventKind.GRANT))
    fields = ("pk", "region", "patent_type", "filing_date", "grant_date")
    kinds = [*_PATENT_CHANGES, PatentEventKind.GRANT]
    granted_only_by_event = queryset.filter(granted_by_event, grant_date__isnull=True).exclude(changed)
    return [
        *with_events(queryset.filter(changed), fields, PatentEvent, "patent", kinds),
        *with_events(granted_only_by_event, fields, PatentEvent, "patent", kinds),
    ]


def patent_intervals(patent, events) -> list:
    """The intervals of days on which a patent is valid, by `status_on` at every day its state may change."""
    events = list(events)
    points = [event.date for event in events] + [patent_rules.expiry_date(patent)]
    granted = patent_rules.grant_date_of(patent, events)
    if granted is None:
        return []
    return intervals([*points, granted], lambda day: patent_rules.status_on(patent, day, events).valid)


def valid_patents_by_month(queryset, first: int, last: int) -> MonthlyCounts:
    """The patents of `queryset` (with a region) valid at the end of each month first … last, per region."""
    counts = MonthlyCounts(first, last)
    queryset = queryset.filter(region__isnull=False).order_by()
    changed = patent_changed()
    start, end = month_start(first), month_end(last)
    # Filed this long before the range, every term has ended before it; this long after, none ends within it.
    longest, shortest = max(patent_rules.TERM_YEARS.values()), patent_rules.DESIGN_TERM_YEARS_BEFORE
    filed_early, filed_late = date(start.year - longest - 1, 1, 1), date(end.year - shortest + 1, 1, 1)
    plain = (
        queryset.filter(grant_date__isnull=False, grant_date__lte=end, filing_date__gte=filed_early)
        .exclude(changed)
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
            years = patent_rules.term_years(patent_type, filing)
            stop = month_number(patent_rules.anniversary(filing, years))
        counts.add_months(region, granted, stop, n)
    for patent, events in eventful_patents(queryset):
        for since, until in patent_intervals(patent, events):
            counts.add_days(patent.region, since, until)
    return counts


# --- trademarks ----------------------------------------------------------------------------------------

_TRADEMARK_CHANGES = [*trademark_rules.TERMINATING, TrademarkEventKind.RENEWAL]


def trademark_intervals(trademark, events) -> list:
    """The intervals of days on which a trademark is valid, by `status_on` at every day its state may change."""
    events = list(events)
    registered = trademark.registration_date
    if registered is None:
        return []
    renewals = sum(event.kind == TrademarkEventKind.RENEWAL for event in events)
    points = [registered, *(event.date for event in events)]
    points += [
        trademark_rules.last_day_of_term(registered, terms) + timedelta(days=1) for terms in range(1, renewals + 2)
    ]
    if trademark.expiry_date:
        points.append(trademark.expiry_date + timedelta(days=1))
    return intervals(points, lambda day: trademark_rules.status_on(trademark, day, events).valid)


def valid_trademarks_by_month(queryset, first: int, last: int) -> MonthlyCounts:
    """The trademarks of `queryset` (with a region) valid at the end of each month first … last, per region."""
    counts = MonthlyCounts(first, last)
    queryset = queryset.filter(region__isnull=False).order_by()
    changed = Exists(TrademarkEvent.objects.filter(trademark=OuterRef("pk"), kind__in=_TRADEMARK_CHANGES))
    start, end = month_start(first), month_end(last)
    # Registered this long before the range, the first term has ended before it.
    registered_early = date(start.year - trademark_rules.TERM_YEARS - 1, 1, 1)
    day_after_expiry = ExpressionWrapper(F("expiry_date") + timedelta(days=1), output_field=DateField())
    plain = (
        queryset.filter(registration_date__isnull=False, registration_date__lte=end)
        .exclude(changed)
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
            last_day = trademark_rules.last_day_of_term(day_of(registered, leap), 1)
            term_stop = month_number(last_day + timedelta(days=1))
        stop = max(term_stop, ends)
        counts.add_months(region, since, None if stop == LATE else stop, n)
    fields = ("pk", "region", "registration_date", "expiry_date", "application_date")
    eventful = queryset.filter(changed, registration_date__isnull=False)
    for trademark, events in with_events(eventful, fields, TrademarkEvent, "trademark", _TRADEMARK_CHANGES):
        for since, until in trademark_intervals(trademark, events):
            counts.add_days(trademark.region, since, until)
    return counts


# --- designations --------------------------------------------------------------------------------------


def _holds_any(spans, day) -> bool:
    return any(granted <= day and (expires is None or expires > day) for granted, expires in spans)


def designated_by_month(enterprises, kinds, first: int, last: int) -> MonthlyCounts:
    """The enterprises (with a region) holding any of these designations at each month end, per region."""
    counts = MonthlyCounts(first, last)
    held = (
        EnterpriseDesignation.objects.filter(
            enterprise__in=enterprises.filter(region__isnull=False),
            kind__in=list(kinds),
            granted_on__lte=month_end(last),
        )
        .order_by()
        .values_list("enterprise_id", "enterprise__region_id", "granted_on", "expires_on")
    )
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
