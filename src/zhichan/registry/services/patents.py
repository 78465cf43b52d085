"""Patent validity, statutory terms, legal-status phrases and annuity dates; the patents of a list of numbers.

The rules and their legal sources are in docs/registry.md. `status_on` answers for one patent and
`Patent.objects.valid_on` (models/patents.py) for a queryset in one SQL
statement; the two must always agree (tests/registry/test_patents.py).
"""

import unicodedata
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from zhichan.core.bulk_work import one_of

from ..models import Patent, PatentEventKind, PatentType
from ..models.patents import TERMINATING
from ..terms import anniversary, patent_term_years, years_cutoff

STATES = ("pending", "valid", "lapsed", "expired", "invalidated", "abandoned", "rejected", "ended")


def expiry_date(patent) -> date:
    """The first day the patent is no longer in force: the filing date's anniversary after the term.

    A patent filed on 5 March 2001 is in force up to 4 March 2021 and has expired on 5 March 2021.
    """
    return anniversary(patent.filing_date, patent_term_years(patent.patent_type, patent.filing_date))


@dataclass(frozen=True)
class Validity:
    valid: bool
    state: str  # one of STATES
    since: date | None
    reason: str = ""


def _events(patent, events):
    if events is None:
        events = patent.events.all()
    # On one day a restoration comes after a termination: it can only undo what was already recorded.
    return sorted(events, key=lambda event: (event.date, event.kind == PatentEventKind.RESTORATION))


def grant_date_of(patent, events=None) -> date | None:
    """The grant date field, else the first grant event (some exports give only the event)."""
    if patent.grant_date:
        return patent.grant_date
    grants = [event.date for event in _events(patent, events) if event.kind == PatentEventKind.GRANT]
    return min(grants) if grants else None  # the first, in whatever order the events were read


def status_on(patent, day: date, events=None) -> Validity:
    """The legal state of a patent at the end of `day`.

    Valid: granted on or before `day`, `day` before the expiry date, and no lapse, invalidation,
    abandonment, withdrawal or rejection on or before `day` that was not followed (same day or later,
    still on or before `day`) by a restoration. `events` may be given to avoid a query per patent.
    """
    events = [event for event in _events(patent, events) if event.date <= day]
    termination = None
    for event in events:
        if event.kind in TERMINATING:
            termination = event
        elif event.kind == PatentEventKind.RESTORATION:
            termination = None
    restored = [event.date for event in events if event.kind == PatentEventKind.RESTORATION]
    granted = grant_date_of(patent, events)
    if termination is not None:
        return Validity(False, TERMINATING[termination.kind], termination.date, termination.text)
    if granted is None or granted > day:
        return Validity(False, "pending", patent.filing_date)
    expires = expiry_date(patent)
    if expires <= day:
        return Validity(False, "expired", expires)
    return Validity(True, "valid", max([granted, *restored]))


# --- high-value invention patents ----------------------------------------------------------------------

# CNIPA's 每万人口高价值发明专利拥有量 (《"十四五"国家知识产权保护和运用规划》, 国发〔2021〕20号) counts five kinds
# of valid invention patents. Four are facts the register keeps as the source states them (Patent fields); the
# fifth, "维持年限超过10年", is read as: the day is on or after the tenth anniversary of the filing date (the first
# day of the eleventh patent year).
HIGH_VALUE_YEARS = 10


def high_value_flags() -> Q:
    """The patents that are high-value by a fact the source states (industry, family, pledge, award)."""
    return Q(strategic_emerging=True) | Q(foreign_family=True) | Q(high_pledge_financing=True) | ~Q(award="")


def has_high_value_flag(patent) -> bool:
    return bool(patent.strategic_emerging or patent.foreign_family or patent.high_pledge_financing or patent.award)


def maintained_ten_years(patent, day: date) -> bool:
    """Whether `day` is on or after the tenth anniversary of the filing date."""
    return day >= anniversary(patent.filing_date, HIGH_VALUE_YEARS)


def is_high_value(patent, day: date, events=None) -> bool:
    """Whether the patent is a high-value invention patent at the end of `day`: a valid invention patent that is
    in a strategic emerging industry, has a family member granted abroad, obtained high pledge financing, won an
    award, or has reached the tenth anniversary of its filing date. Same rule as `high_value_on`."""
    if patent.patent_type != PatentType.INVENTION or not status_on(patent, day, events).valid:
        return False
    return has_high_value_flag(patent) or maintained_ten_years(patent, day)


def ten_years_cutoff(day: date) -> date:
    """The latest filing date whose tenth anniversary is on or before `day`."""
    return years_cutoff(day, HIGH_VALUE_YEARS)


def high_value_on(queryset, day: date):
    """The high-value invention patents of `queryset` on `day`, as one SQL query (same rule as is_high_value).

    The ten-year test is a filing-date cutoff computed here, so no date arithmetic runs in the database.
    """
    inventions = queryset.filter(patent_type=PatentType.INVENTION)
    return inventions.valid_on(day).filter(high_value_flags() | Q(filing_date__lte=ten_years_cutoff(day)))


# --- legal-status phrases -------------------------------------------------------------------------------

# Most specific first: the first rule whose every word occurs in the phrase wins.
_PHRASE_RULES = [
    (("解除", "质押"), PatentEventKind.PLEDGE_RELEASE),
    (("质押", "注销"), PatentEventKind.PLEDGE_RELEASE),
    (("质押",), PatentEventKind.PLEDGE),
    (("许可",), PatentEventKind.LICENCE),
    (("未缴年费",), PatentEventKind.LAPSE),
    (("期限届满",), PatentEventKind.EXPIRY),
    (("届满",), PatentEventKind.EXPIRY),
    (("部分无效",), PatentEventKind.PARTIAL_INVALIDATION),
    (("全部无效",), PatentEventKind.INVALIDATION),
    (("宣告", "无效"), PatentEventKind.INVALIDATION),
    (("恢复",), PatentEventKind.RESTORATION),
    (("转移",), PatentEventKind.TRANSFER),
    (("转让",), PatentEventKind.TRANSFER),
    (("放弃",), PatentEventKind.ABANDONMENT),
    (("驳回",), PatentEventKind.REJECTION),
    (("撤回",), PatentEventKind.WITHDRAWAL),
    # A bare termination is read as non-payment, the common cause; one at the end of the term changes
    # nothing, because expiry is computed from the filing date anyway.
    (("终止",), PatentEventKind.LAPSE),
    (("授权",), PatentEventKind.GRANT),
    (("授予",), PatentEventKind.GRANT),
]


def legal_event_kind(phrase) -> str:
    """The event kind for a legal-status phrase as exports write it; anything unknown is "other"."""
    if not isinstance(phrase, str):
        return PatentEventKind.OTHER
    text = "".join(unicodedata.normalize("NFKC", phrase).split())
    if text.lower() in PatentEventKind.values:
        return PatentEventKind(text.lower())
    for words, kind in _PHRASE_RULES:
        if all(word in text for word in words):
            # 质押…的生效、变更及注销 names the whole category of pledge entries, not a release.
            if kind == PatentEventKind.PLEDGE_RELEASE and "生效" in text and "解除" not in text:
                return PatentEventKind.PLEDGE
            return kind
    return PatentEventKind.OTHER


# --- annuities ------------------------------------------------------------------------------------------


def patent_year_of(patent, day: date) -> int:
    """The patent year (1, 2, …) containing `day`; year 1 starts on the filing date."""
    year = day.year - patent.filing_date.year
    while anniversary(patent.filing_date, year) > day:
        year -= 1
    return year + 1


def annuity_due(patent, year_number: int, events=None) -> date | None:
    """The due date of the annuity for patent year `year_number`, or None if no annuity is due for it.

    Annuities are due from the year in which the patent is granted: that year's annuity is paid with
    the grant formalities (due on the grant date); each later year's on the filing date's anniversary
    that starts it (Implementing Regulations of the Patent Law, rules on annual fees). A missed annuity
    may still be paid within 6 months after the due date with a late-payment surcharge; after that the
    patent lapses (未缴年费专利权终止) as from the due date. Fee amounts are not kept here.
    """
    granted = grant_date_of(patent, events)
    if granted is None:
        return None
    first = patent_year_of(patent, granted)
    last = patent_term_years(patent.patent_type, patent.filing_date)
    if not first <= year_number <= last:
        return None
    if year_number == first:
        return granted
    return anniversary(patent.filing_date, year_number - 1)


def next_annuity_due(patent, today: date, events=None) -> date | None:
    """The next annuity due date on or after `today`, while the patent is valid today; else None."""
    events = _events(patent, events)
    if not status_on(patent, today, events).valid:
        return None
    year = patent_year_of(patent, today)
    for year_number in (year, year + 1):
        due = annuity_due(patent, year_number, events)
        if due is not None and due >= today:
            return due
    return None


def patents_by_number(numbers, fields=()) -> dict[str, Patent]:
    """{application number: its patent} for the numbers the register holds, each written as the register writes it
    (identifiers.py `parse_patent_application(...).normalized`; a number it does not hold is left out): one query
    however many — tens of thousands go as one parameter, and PostgreSQL walks the number's index once (core's
    `one_of`). `fields`, when named, are the only ones loaded (with the id)."""
    numbers = sorted({number for number in numbers if number})
    if not numbers:
        return {}
    found = Patent.objects.filter(one_of("application_number", numbers, walk=True))
    return {patent.application_number: patent for patent in (found.only(*fields) if fields else found)}
