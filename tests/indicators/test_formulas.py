from decimal import Decimal

import pytest

from zhichan.indicators.formulas import FormulaError, check, evaluate
from zhichan.indicators.periods import PeriodError, Window, parse_period, window_for


def test_names_and_arithmetic():
    assert check("a * 100 / (b + c)") == {"a", "b", "c"}
    assert evaluate("a * 100 / b", {"a": 25, "b": 40}) == Decimal("62.5")
    assert evaluate("x / 10000", {"x": 15000}) == Decimal("1.5")
    assert evaluate("max(a, b) - 0.5", {"a": 1, "b": 2}) == Decimal("1.5")


@pytest.mark.parametrize(
    "formula",
    [
        "a.real",  # attribute
        "a.__class__",
        "open('x')",  # a call not whitelisted
        "__import__('os')",
        "a[0]",  # subscript
        "'text'",  # strings
        "a if b else c",
        "a < b",
        "[a for a in b]",
        "lambda: 1",
        "max(a, key=b)",
        "a +",  # not a formula
    ],
)
def test_anything_but_arithmetic_is_refused(formula):
    with pytest.raises(FormulaError):
        check(formula)
    with pytest.raises(FormulaError):
        evaluate(formula, {"a": 1, "b": 2, "c": 3})


def test_a_name_alone_is_its_value_as_a_decimal():
    assert evaluate("cases", {"cases": 3}) == Decimal(3)
    assert isinstance(evaluate("cases", {"cases": 3}), Decimal)
    assert evaluate("rate", {"rate": 0.5}) == Decimal("0.5")  # exactly, as a formula reads numbers
    assert evaluate(" rate ", {"rate": Decimal("1.25")}) == Decimal("1.25")
    with pytest.raises(FormulaError):
        evaluate("absent", {"rate": 1})


def test_unknown_name():
    with pytest.raises(FormulaError):
        evaluate("a + z", {"a": 1})


def test_zero_division_is_left_to_the_caller():
    with pytest.raises(ZeroDivisionError):
        evaluate("a / b", {"a": 1, "b": 0})


def test_periods():
    assert parse_period("2024").end.isoformat() == "2024-12-31"
    q = parse_period("2024q3")
    assert (q.key, q.start.isoformat(), q.end.isoformat()) == ("2024Q3", "2024-07-01", "2024-09-30")
    assert parse_period("2024-02").end.isoformat() == "2024-02-29"
    assert parse_period("2024-07-15").kind == "day"
    for bad in ["", "24", "2024Q5", "2024-13", "2023-02-29", "July"]:
        with pytest.raises(PeriodError):
            parse_period(bad)


def test_windows():
    july = parse_period("2024-07")
    assert window_for("stock", july) == Window(None, july.end)
    assert window_for("period", july) == Window(july.start, july.end)
    assert window_for("year-to-date", july).start.isoformat() == "2024-01-01"
    since = parse_period("2022").start
    assert window_for("cumulative", july, since) == Window(since, july.end)
    assert window_for("cumulative", parse_period("2021-12"), since) is None
