"""T8, the on-time closure rate, against figures counted by hand, and the records behind it."""

import datetime

from zhichan.core.metrics import problems
from zhichan.core.models import Region
from zhichan.protection.metrics import METRICS, ClosedCases, ClosedOnTime, OnTimeRate
from zhichan.protection.services import cases

D = datetime.date


def _closed(new_case, user, decided_on, township, closed_on=None):
    """Filed 2024-03-01 (90 days: due 2024-05-30), decided on the day given, closed a week later."""
    case = new_case(lead_on=D(2024, 2, 26), township=township)
    cases.file_case(case, user, D(2024, 3, 1))
    cases.decide(case, user, decided_on, "罚号")
    cases.close_case(case, user, closed_on or decided_on + datetime.timedelta(days=7))
    return case


def test_the_metrics_keep_the_contract():
    assert all(problems(metric) == [] for metric in METRICS)


def test_on_time_rate_by_township_and_county(new_case, users, shuitou, other_township):
    user = users["amr-liaison"]
    timely = _closed(new_case, user, D(2024, 5, 30), shuitou)  # on its last day
    late = _closed(new_case, user, D(2024, 6, 3), shuitou)
    elsewhere = _closed(new_case, user, D(2024, 4, 1), other_township)
    paused = new_case(lead_on=D(2024, 2, 26), township=other_township)  # late but for 10 days not counted
    cases.file_case(paused, user, D(2024, 3, 1))
    cases.suspend(paused, user, "appraisal", D(2024, 4, 1), end=D(2024, 4, 10))
    cases.decide(paused, user, D(2024, 6, 7), "罚号")
    cases.close_case(paused, user, D(2024, 6, 10))
    transferred = new_case(township=shuitou)
    cases.transfer(transferred, user, D(2024, 3, 1), "涉嫌犯罪")  # not closed: not counted
    _closed(new_case, user, D(2024, 11, 1), shuitou, closed_on=D(2025, 1, 5))  # closed after the period

    start, end = D(2024, 1, 1), D(2024, 12, 31)
    county = Region.objects.get(code="350583")
    rate = OnTimeRate().values(start, end)
    assert rate[shuitou.pk] == 50.0  # 1 of 2
    assert rate[other_township.pk] == 100.0  # 2 of 2
    assert rate[county.pk] == 75.0  # 3 of 4
    assert ClosedCases().values(start, end) == {shuitou.pk: 2, other_township.pk: 2}
    assert ClosedOnTime().values(start, end) == {shuitou.pk: 1, other_township.pk: 2}
    behind = OnTimeRate().records(start, end, [county.pk])
    assert {case.pk for case in behind} == {timely.pk, late.pk, elsewhere.pk, paused.pk}
    assert [case.pk for case in ClosedOnTime().records(start, end, [shuitou.pk])] == [timely.pk]
    row = {column.key: column.of(late) for column in OnTimeRate.columns}
    assert row["due"] == D(2024, 5, 30) and str(row["on_time"]) in ("no", "否")
