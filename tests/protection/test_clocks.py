"""A case's clocks counted by hand: across a holiday and make-up working days, with overlapping periods that do not
count and an extension."""

import datetime

from zhichan.protection.services import cases
from zhichan.protection.services.clocks import case_readings

D = datetime.date


def test_decision_clock_with_overlapping_pauses_ends_after_a_holiday(new_case, users):
    """Filed 2024-03-01: 90 days, the day of filing not counted, end on 2024-05-30. A suspension 03-10…03-16 and a
    hearing 03-14…03-20 overlap: 03-10…03-20 is 11 days not counted, so 2024-06-10 — 端午节, a holiday —
    and the period ends on the next working day, 2024-06-11."""
    user = users["amr-liaison"]
    case = new_case(lead_on=D(2024, 2, 26))
    cases.file_case(case, user, D(2024, 3, 1))
    first = cases.suspend(case, user, "suspension", D(2024, 3, 10))
    cases.suspend(case, user, "hearing", D(2024, 3, 14), end=D(2024, 3, 20))
    cases.resume(case, user, first, D(2024, 3, 16))
    decision = case_readings(case, D(2024, 4, 1))[1]
    assert decision.due == D(2024, 6, 11)
    assert any("2024-06-10" in line for line in decision.lines)  # it says why: the rest day
    # An extension of 30 days approved on 04-01: 120 days end on 2024-06-29, + 11 = 2024-07-10 (a Wednesday).
    cases.extend(case, user, 30, "王局长", D(2024, 4, 1), "案情复杂")
    assert case_readings(case, D(2024, 4, 2))[1].due == D(2024, 7, 10)
    assert case_readings(case, D(2024, 3, 31))[1].due == D(2024, 6, 11)  # not yet approved then


def test_filing_clock_in_working_days_over_national_day_and_its_make_up_days(new_case):
    """A lead on 2024-09-25: 15 working days. 09-26, 09-27, 09-29 (a Sunday worked), 09-30, then 10-01…10-07 off,
    10-08…10-11, 10-12 (a Saturday worked), 10-14…10-18 and 10-21: the 15th working day is 2024-10-21."""
    case = new_case(lead_on=D(2024, 9, 25))
    (filing,) = case_readings(case, D(2024, 9, 26))
    assert filing.due == D(2024, 10, 21)
    assert filing.exact


def test_patent_dispute_has_its_own_limit_in_months(new_case, users):
    """专利侵权纠纷行政裁决: 3 months from filing on 2024-01-31 end on 2024-04-30 (April has no 31st)."""
    case = new_case(kind="patent-dispute", lead_on=D(2024, 1, 29))
    assert case_readings(case, D(2024, 1, 30))[0].rule.key == "patent-dispute-filing"
    cases.file_case(case, users["amr-liaison"], D(2024, 1, 31))
    assert case_readings(case, D(2024, 2, 1))[1].due == D(2024, 4, 30)
