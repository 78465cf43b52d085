"""Indicators in a leader's words: formulas by display names, windows with both ends, no status that contradicts
its value, the pace explained, numbers in Excel rounded as on the page."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from zhichan.indicators.formulas import spoken
from zhichan.indicators.services.status import target_status
from zhichan.indicators.services.wording import formula_of, window_text
from zhichan.indicators.templatetags.indicators import light_label, pace

LABELS = {"valid_invention_patents": "有效发明专利量", "population": "常住人口", "a": "甲", "b": "乙", "c": "丙"}


@pytest.mark.parametrize(
    "formula, said",
    [
        ("valid_invention_patents", "有效发明专利量"),
        ("valid_invention_patents / (population / 10000)", "有效发明专利量 ÷ (常住人口 ÷ 10,000)"),
        ("a * b + c", "甲 × 乙 + 丙"),
        ("a - (b + c)", "甲 − (乙 + 丙)"),
        ("(a + b) * c", "(甲 + 乙) × 丙"),
        ("a / b / c", "甲 ÷ 乙 ÷ 丙"),
        ("max(a, 0)", "max(甲, 0)"),
        ("unknown_name * 100", "unknown_name × 100"),
    ],
)
def test_formulas_are_said_with_display_names_and_plain_operators(formula, said):
    assert spoken(formula, LABELS) == said


def test_an_indicator_formula_is_its_numerator_over_its_denominator():
    indicator = SimpleNamespace(numerator="valid_invention_patents", denominator="population / 10000")
    with translation.override("zh-hans"):  # a Chinese text groups in full-width brackets
        assert formula_of(indicator, LABELS) == "有效发明专利量 ÷ （常住人口 ÷ 10,000）"
    with translation.override("en"):
        assert formula_of(indicator, LABELS) == "有效发明专利量 ÷ (常住人口 ÷ 10,000)"
    assert formula_of(SimpleNamespace(numerator="a + b", denominator=""), LABELS) == "甲 + 乙"


def test_a_window_shows_both_ends_or_says_up_to():
    with translation.override("zh-hans"):
        assert window_text(["2022-01-01", "2024-12-31"]) == "2022-01-01 至 2024-12-31"
        assert window_text([None, "2024-12-31"]) == "截至 2024-12-31"


def test_a_value_without_a_target_says_no_target_not_no_value():
    with translation.override("zh-hans"):
        assert str(light_label(None)) == "无目标"
        assert str(light_label("unknown")) == "无数值"


def status(value, target=10, day="2023-06-30", deadline="2024-12-31", rate=False):
    from datetime import date

    return target_status(
        value,
        target,
        start=date(2022, 1, 1),
        deadline=date.fromisoformat(deadline),
        day=date.fromisoformat(day),
        rate=rate,
    )


def test_the_pace_says_why_it_is_blank():
    with translation.override("en"):
        assert pace(status(4)) == "0.33"  # 6 still needed over 18 months
        assert pace(status(12)) == "target met"
        assert pace(status(4, day="2024-12-31")) == "deadline reached"
        assert pace(status(4, day="2024-12-10")) == "no whole month left"
        assert pace(status(None)) == "no value yet"
        assert pace(status(Decimal("80"), target=90, rate=True)) == "a rate: no monthly pace"
        assert pace(None) == "—"


def test_a_unit_in_brackets_is_written_as_the_readers_language_writes_it():
    from zhichan.core.templatetags.zhichan import bracketed

    with translation.override("zh-hans"):
        assert bracketed("值", "件") == "值（件）" and bracketed("值", "") == "值"
    with translation.override("en"):
        assert bracketed("value", "件") == "value (件)"


def test_the_names_behind_a_value_are_separated_as_the_reader_separates_a_list():
    from zhichan.registry.columns import PATENTS_BEHIND, TRADEMARKS_BEHIND

    (applicants,) = [column for column in PATENTS_BEHIND if column.key == "applicants"]
    record = SimpleNamespace(applicants="甲公司（演示）;乙公司")
    with translation.override("zh-hans"):
        assert applicants.of(record) == "甲公司（演示）；乙公司"
        assert applicants.of(SimpleNamespace(applicants="丙公司")) == "丙公司"
    with translation.override("en"):
        assert applicants.of(record) == "甲公司（演示）; 乙公司"
    (applicant,) = [column for column in TRADEMARKS_BEHIND if column.key == "applicant_name"]
    with translation.override("zh-hans"):
        assert applicant.of(SimpleNamespace(applicant_name="甲; 乙")) == "甲；乙"


def test_the_plans_section_numbers_are_written_with_full_width_brackets():
    from django.conf import settings

    text = (settings.PROJECT_DIR / "data" / "indicators" / "nanan-2022.yaml").read_text(encoding="utf-8")
    sources = [line for line in text.splitlines() if line.strip().startswith("source:")]
    assert any("三（二）2" in line for line in sources)
    assert not [line for line in sources if "(" in line or ")" in line or '"' in line]
