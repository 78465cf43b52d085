"""Trademark validity, terms, Nice classes and event phrases.

The rules and their legal sources are in docs/registry.md. `status_on` answers for one trademark and
`valid_on` for a queryset in one SQL statement; the two must always agree (tests/registry/test_trademarks.py).
"""

import re
import unicodedata
from datetime import date, timedelta

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_noop

from zhichan.core.messages import Message

from ..identifiers import IdentifierError
from ..models import TrademarkEvent, TrademarkEventKind
from ..models.trademarks import EARLIEST_REGISTRATION_YEAR
from .patents import Validity, anniversary

# Trademark Law art. 39: 10 years from the registration; art. 40: each renewal adds 10 years counted from
# the day after the previous term ends; renewal may be filed in the 12 months before the end or within a
# 6-month grace period after it.
TERM_YEARS = 10
GRACE_MONTHS = 6

TERMINATING = {
    TrademarkEventKind.CANCELLATION: "cancelled",
    TrademarkEventKind.REVOCATION: "revoked",
    TrademarkEventKind.INVALIDATION: "invalidated",
}
STATES = ("pending", "valid", "grace", "expired", "cancelled", "revoked", "invalidated")


def last_day_of_term(registration_date: date, terms: int) -> date:
    """The last day of the `terms`-th ten-year term (1 = the first, unrenewed term).

    Each renewed term starts the day after the previous one ends, so a mark registered on 29 February
    runs to 28 February and every renewed term then starts on 1 March.
    """
    start = registration_date
    for _term in range(terms):
        start = anniversary(start, TERM_YEARS)
    return start - timedelta(days=1)


def grace_end(last_day: date) -> date:
    """The last day of the 6-month grace period after a term ending on `last_day`."""
    month = last_day.month + GRACE_MONTHS
    year, month = last_day.year + (month - 1) // 12, (month - 1) % 12 + 1
    for day in range(last_day.day, 0, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _events(trademark, events):
    if events is None:
        events = trademark.events.all()
    return sorted(events, key=lambda event: event.date)


def status_on(trademark, day: date, events=None) -> Validity:
    """The legal state of a trademark at the end of `day`.

    Valid: registered on or before `day`, `day` within the term (the first ten years plus ten for each
    renewal event on or before `day`, or up to the recorded end of the exclusive right when that is later),
    and no cancellation, revocation or invalidation on or before `day`. During the six-month grace period a
    mark is not valid (state "grace") until a renewal is recorded. `events` avoids a query per trademark.
    """
    events = [event for event in _events(trademark, events) if event.date <= day]
    for event in events:
        if event.kind in TERMINATING:
            return Validity(False, TERMINATING[event.kind], event.date, event.text)
    registered = trademark.registration_date
    if registered is None or registered > day:
        return Validity(False, "pending", trademark.application_date)
    renewals = [event.date for event in events if event.kind == TrademarkEventKind.RENEWAL]
    last_day = last_day_of_term(registered, 1 + len(renewals))
    if trademark.expiry_date and trademark.expiry_date > last_day:
        last_day = trademark.expiry_date
    if last_day < day:
        state = "grace" if day <= grace_end(last_day) else "expired"
        return Validity(False, state, last_day + timedelta(days=1))
    return Validity(True, "valid", max([registered, *renewals]))


def _earliest_registration(day: date, terms: int) -> date:
    """The earliest registration date whose `terms` terms still cover `day` (last day of term >= day).

    The last day of a term is monotonic in the registration date, so every later registration covers it too.
    """
    years = TERM_YEARS * terms
    start = date(max(day.year - years, 1), day.month, min(day.day, 28))
    while start > date.min and last_day_of_term(start - timedelta(days=1), terms) >= day:
        start -= timedelta(days=1)
    while last_day_of_term(start, terms) < day:
        start += timedelta(days=1)
    return start


def valid_on(queryset, day: date):
    """The trademarks of `queryset` valid on `day`, as one SQL query (same rule as status_on).

    The renewals up to `day` are counted in a subquery; each possible number of terms becomes a
    registration-date bound computed here, so no date arithmetic runs in the database.
    """
    renewals = (
        TrademarkEvent.objects.filter(trademark=OuterRef("pk"), kind=TrademarkEventKind.RENEWAL, date__lte=day)
        .order_by()
        .values("trademark")
        .annotate(count=Count("pk"))
        .values("count")
    )
    # Registrations start in 1950 (Trademark.clean), so this many terms reach back far enough.
    most_terms = max((day.year - EARLIEST_REGISTRATION_YEAR) // TERM_YEARS + 2, 1)
    in_term = Q(expiry_date__gte=day)
    for terms in range(1, most_terms + 1):
        in_term |= Q(_renewals__gte=terms - 1, registration_date__gte=_earliest_registration(day, terms))
    terminated = TrademarkEvent.objects.filter(trademark=OuterRef("pk"), kind__in=list(TERMINATING), date__lte=day)
    return (
        queryset.alias(_renewals=Coalesce(Subquery(renewals, output_field=IntegerField()), Value(0)))
        .filter(in_term, registration_date__lte=day)
        .exclude(Exists(terminated))
    )


# --- Nice classes ---------------------------------------------------------------------------------------

NICE_CLASSES = range(1, 46)  # Nice Classification: 34 classes of goods, 11 of services


def parse_nice_classes(text) -> list[int]:
    """The Nice class numbers in a cell, in order and once each: `19;21`, `29类 食品`, `【第43类】`, `第19类`.

    Words (the class heading) are ignored; blank text gives []. Raises IdentifierError (a ValueError) for a
    number outside 1–45.
    """
    if text is None:
        return []
    text = unicodedata.normalize("NFKC", str(text))
    classes = []
    for digits in re.findall(r"\d+", text):
        number = int(digits)
        if number not in NICE_CLASSES:
            raise IdentifierError(
                Message(gettext_noop("%(value)s is not a Nice class: classes are 1 to 45."), {"value": digits})
            )
        if number not in classes:
            classes.append(number)
    return classes


# --- event phrases --------------------------------------------------------------------------------------

# Most specific first: the first rule whose every word occurs in the phrase wins.
_PHRASE_RULES = [
    (("质",), TrademarkEventKind.PLEDGE),  # 质押, 质权登记 (also its 注销)
    (("许可",), TrademarkEventKind.LICENCE),
    (("续展",), TrademarkEventKind.RENEWAL),
    (("转让",), TrademarkEventKind.TRANSFER),
    (("转移",), TrademarkEventKind.TRANSFER),
    (("无效",), TrademarkEventKind.INVALIDATION),
    (("撤三",), TrademarkEventKind.REVOCATION),
    (("不使用",), TrademarkEventKind.REVOCATION),
    (("撤销",), TrademarkEventKind.REVOCATION),
    (("注销",), TrademarkEventKind.CANCELLATION),
]
# A request that failed or a registration that was upheld ends nothing.
_NOT_DONE = ("驳回", "不予", "维持", "不成立", "申请中", "审查中")


def trademark_event_kind(phrase) -> str:
    """The event kind for a phrase as ledgers and exports write it; anything unknown is "other"."""
    if not isinstance(phrase, str):
        return TrademarkEventKind.OTHER
    text = "".join(unicodedata.normalize("NFKC", phrase).split())
    if text.lower() in TrademarkEventKind.values:
        return TrademarkEventKind(text.lower())
    for words, kind in _PHRASE_RULES:
        if all(word in text for word in words):
            if kind in TERMINATING and any(word in text for word in _NOT_DONE):
                return TrademarkEventKind.OTHER
            return kind
    return TrademarkEventKind.OTHER
