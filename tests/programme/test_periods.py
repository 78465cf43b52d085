import datetime

import pytest

from zhichan.programme.periods import current_or_last, period_starting, periods

pytestmark = pytest.mark.django_db


def test_quarterly_periods_cover_the_programme(programme):
    all_periods = periods(programme)
    assert len(all_periods) == 12
    assert (all_periods[0].start, all_periods[0].end, all_periods[0].label) == (
        datetime.date(2022, 1, 1),
        datetime.date(2022, 3, 31),
        "2022Q1",
    )
    assert all_periods[-1].end == datetime.date(2024, 12, 31) and all_periods[-1].label == "2024Q4"
    for before, after in zip(all_periods, all_periods[1:], strict=False):
        assert after.start == before.end + datetime.timedelta(days=1)


def test_monthly_periods(programme):
    programme.reporting = "monthly"
    all_periods = periods(programme)
    assert len(all_periods) == 36 and all_periods[1].label == "2022-02" and all_periods[1].end.day == 28


def test_finding_periods(programme):
    assert period_starting(programme, datetime.date(2023, 4, 1)).label == "2023Q2"
    assert period_starting(programme, datetime.date(2023, 4, 2)) is None
    assert current_or_last(programme, datetime.date(2023, 5, 9)).label == "2023Q2"
    assert current_or_last(programme, datetime.date(2026, 11, 25)).label == "2024Q4"


def test_a_period_reads_in_the_active_language(programme):
    from django.utils import translation

    last = periods(programme)[-1]
    with translation.override("zh-hans"):
        assert last.shown == "2024年第4季度"
    with translation.override("en"):
        assert last.shown == "2024 Q4"


def test_a_report_period_reads_by_its_dates():
    from django.utils import translation

    from zhichan.programme.periods import shown_between

    with translation.override("zh-hans"):
        assert shown_between(datetime.date(2024, 10, 1), datetime.date(2024, 12, 31)) == "2024年第4季度"
        assert shown_between(datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)) == "2024年02月"
        assert shown_between(datetime.date(2024, 2, 1), datetime.date(2024, 4, 30)) == "2024-02-01–2024-04-30"
