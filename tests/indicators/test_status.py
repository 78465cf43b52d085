"""Target status and forecast on series computed by hand."""

from datetime import date
from decimal import Decimal

from zhichan.indicators.services.status import forecast, target_status

START, DEADLINE = date(2022, 1, 1), date(2024, 12, 31)


def test_halfway_on_the_path_is_green():
    # Baseline 10, target 14.3; 2023-07-02 is 547 of 1095 days in: expected 10 + 4.3 × 547/1095 = 12.148…
    status = target_status(12.2, 14.3, baseline=10, start=START, deadline=DEADLINE, day=date(2023, 7, 2))
    assert status.expected.quantize(Decimal("0.001")) == Decimal("12.148")
    assert status.light == "green"
    assert status.months_left == 17
    assert status.pace.quantize(Decimal("0.001")) == Decimal("0.124")  # (14.3 − 12.2) / 17


def test_amber_and_red_thresholds():
    day = date(2023, 7, 2)  # expected progress 2.148…
    amber = target_status(12.0, 14.3, baseline=10, start=START, deadline=DEADLINE, day=day)
    assert amber.light == "amber"  # 2.0 / 2.148 = 93 %
    red = target_status(11.9, 14.3, baseline=10, start=START, deadline=DEADLINE, day=day)
    assert red.light == "red"  # 1.9 / 2.148 = 88 %
    assert red.progress.quantize(Decimal("0.01")) == Decimal("0.88")


def test_reached_is_done_and_needs_no_pace():
    status = target_status(6000, 6000, start=START, deadline=DEADLINE, day=date(2023, 1, 1))
    assert status.light == "done" and status.pace is None


def test_a_rate_is_compared_with_its_target():
    day = date(2023, 6, 30)
    assert target_status(96, 95, start=START, deadline=DEADLINE, day=day, rate=True).light == "green"
    assert target_status(90, 95, start=START, deadline=DEADLINE, day=day, rate=True).light == "amber"  # ≥ 85.5
    assert target_status(80, 95, start=START, deadline=DEADLINE, day=day, rate=True).light == "red"
    assert target_status(96, 95, start=START, deadline=DEADLINE, day=DEADLINE, rate=True).light == "done"


def test_no_value_is_unknown():
    assert target_status(None, 10, start=START, deadline=DEADLINE, day=date(2023, 1, 1)).light == "unknown"


def test_forecast_on_a_straight_line():
    # 2 a month from 100 in 2023-01: the line reaches 100 + 2 × 23 = 146 at 2024-12.
    series = [(date(2023, m, 28), 100 + 2 * (m - 1)) for m in range(1, 13)]
    result = forecast(series, DEADLINE)
    assert result.slope == 2 and result.value == 146 and result.points == 12


def test_forecast_least_squares_by_hand():
    # x = 0, 1, 2, 3; y = 1, 3, 2, 4: slope = Σ(x−1.5)(y−2.5) / Σ(x−1.5)² = (2.25 − 0.25 − 0.25 + 2.25) / 5
    # = 0.8; intercept = 2.5 − 0.8 × 1.5 = 1.3.
    series = [(date(2024, 1, 31), 1), (date(2024, 2, 29), 3), (date(2024, 3, 31), 2), (date(2024, 4, 30), 4)]
    result = forecast(series, DEADLINE)
    assert result.slope == Decimal("0.8") and result.intercept == Decimal("1.3")
    assert result.value == Decimal("10.1")  # 1.3 + 0.8 × 11: December is month 11


def test_forecast_uses_the_last_twelve_months_only():
    series = [(date(2022, m, 28), 1000) for m in range(1, 13)]  # a flat year that is ignored
    series += [(date(2023, m, 28), m) for m in range(1, 13)]
    assert forecast(series, DEADLINE).slope == 1


def test_forecast_needs_three_points():
    assert forecast([(date(2024, 1, 31), 1), (date(2024, 2, 29), 2)], DEADLINE) is None


def _target(kind, value, comparator="gte", baseline=None):
    from types import SimpleNamespace

    programme = SimpleNamespace(start=START)
    return SimpleNamespace(
        kind=kind, value=value, comparator=comparator, baseline=baseline, deadline=DEADLINE, programme=programme
    )


def _row(day, value):
    from types import SimpleNamespace

    return SimpleNamespace(period_end=day, value=Decimal(value))


def test_a_stock_target_starts_from_the_value_before_the_programme():
    from zhichan.indicators.services.board import status_of

    series = [_row(date(2021, 12, 31), 10), _row(date(2023, 6, 30), 12)]
    status, fc = status_of(_target("stock", 14.3), series[-1], series, date(2023, 6, 30))
    # expected = 10 + 4.3 × 545/1095 = 12.140…; progress = 2 / 2.140… = 93 %: amber.
    assert status.light == "amber"
    assert status.progress.quantize(Decimal("0.01")) == Decimal("0.93")
    assert fc is None  # one monthly point since the start


def test_a_yearly_flow_target_runs_from_the_first_of_january():
    from zhichan.indicators.services.board import status_of

    row = _row(date(2024, 6, 30), 15)
    status, _ = status_of(_target("flow", 30), row, [row], date(2024, 6, 30))
    # 2024-01-01 to 2024-12-31 is 365 days; 181 elapsed: expected 30 × 181/365 = 14.88, so 15 is on the path.
    assert status.elapsed.quantize(Decimal("0.001")) == Decimal("0.496")
    assert status.light == "green"
    assert status.pace == Decimal(15) / 6
