"""Trademark validity, terms and event phrases (Nice classes: nice.py).

The rules and their legal sources are in docs/registry.md. `status_on` answers for one trademark and
`Trademark.objects.valid_on` (models/trademarks.py) for a queryset in one SQL
statement; the two must always agree (tests/registry/test_trademarks.py).
"""

import unicodedata
from datetime import date, timedelta

from ..models import TrademarkEventKind
from ..models.trademarks import TERMINATING
from ..terms import grace_end, last_day_of_term
from .patents import Validity

STATES = ("pending", "valid", "grace", "expired", "cancelled", "revoked", "invalidated")


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
