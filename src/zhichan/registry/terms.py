"""Statutory terms of patents and trademarks, and the date arithmetic they need. No models are imported here:
the rule for one record (services/patents.py, services/trademarks.py) and the rule for a whole queryset
(the querysets' `valid_on` in models/) both read it. The legal sources are in docs/registry.md."""

from datetime import date, timedelta

# Patent Law art. 42 as amended on 17 October 2020 (fourth amendment), in force 1 June 2021: inventions
# 20 years, utility models 10 years, designs 15 years, all counted from the filing date. Before the
# amendment a design had 10 years; the transitional rule applies the old term to applications filed
# before 1 June 2021. Keyed by the patent type's value (models.PatentType).
DESIGN_TERM_CHANGE = date(2021, 6, 1)
PATENT_TERM_YEARS = {"invention": 20, "utility_model": 10}
DESIGN_TERM_YEARS_BEFORE, DESIGN_TERM_YEARS_FROM = 10, 15

# Trademark Law art. 39: 10 years from the registration; art. 40: each renewal adds 10 years counted from
# the day after the previous term ends; renewal may be filed in the 12 months before the end or within a
# 6-month grace period after it.
TRADEMARK_TERM_YEARS = 10
GRACE_MONTHS = 6
# The first PRC trademark registrations date from 1950; the set-based validity rule needs a lower bound.
EARLIEST_REGISTRATION_YEAR = 1950


def anniversary(start: date, years: int) -> date:
    """`start` moved on by whole years; 29 February falls on 1 March in a common year, because the
    period that began on 29 February ends with the last day of February."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 3, 1)


def years_cutoff(day: date, years: int) -> date:
    """The latest start date whose anniversary after `years` is on or before `day`.

    The anniversary is monotonic in the start, so everything that started on or before the cutoff has reached it.
    """
    cutoff = date(day.year - years, day.month, min(day.day, 28))
    while anniversary(cutoff + timedelta(days=1), years) <= day:
        cutoff += timedelta(days=1)
    while anniversary(cutoff, years) > day:
        cutoff -= timedelta(days=1)
    return cutoff


def patent_term_years(patent_type: str, filing_date: date) -> int:
    """The statutory term in years (Patent Law art. 42; designs 15 years if filed from 1 June 2021)."""
    if patent_type == "design":
        return DESIGN_TERM_YEARS_FROM if filing_date >= DESIGN_TERM_CHANGE else DESIGN_TERM_YEARS_BEFORE
    return PATENT_TERM_YEARS[patent_type]


def last_day_of_term(registration_date: date, terms: int) -> date:
    """The last day of a trademark's `terms`-th ten-year term (1 = the first, unrenewed term).

    Each renewed term starts the day after the previous one ends, so a mark registered on 29 February
    runs to 28 February and every renewed term then starts on 1 March.
    """
    start = registration_date
    for _term in range(terms):
        start = anniversary(start, TRADEMARK_TERM_YEARS)
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


def earliest_registration(day: date, terms: int) -> date:
    """The earliest registration date whose `terms` terms still cover `day` (last day of term >= day).

    The last day of a term is monotonic in the registration date, so every later registration covers it too.
    """
    years = TRADEMARK_TERM_YEARS * terms
    start = date(max(day.year - years, 1), day.month, min(day.day, 28))
    while start > date.min and last_day_of_term(start - timedelta(days=1), terms) >= day:
        start -= timedelta(days=1)
    while last_day_of_term(start, terms) < day:
        start += timedelta(days=1)
    return start
