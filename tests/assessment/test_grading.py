"""Totals, ranks and grades worked out by hand on small numbers (services/grading.py)."""

from decimal import Decimal as D

from zhichan.assessment.services.grading import Result, rank_and_grade, total

GROUP = {
    "bonus_cap": 4,
    "deduction_cap": 3,
    "ties": "share",
    "grades": [
        {"key": "excellent", "min": 90, "share": 0.4},
        {"key": "good", "min": 80, "share": None},
        {"key": "pass", "min": 60, "share": None},
        {"key": "fail", "min": None, "share": None},
    ],
}


def test_items_count_up_to_their_marks_and_bonuses_up_to_each_cap_and_the_groups():
    result = total(
        GROUP,
        [
            ("score", D(30), D(25)),
            ("score", D(70), D(80)),  # more than full marks counts as full marks
            ("bonus", D(3), D(3)),
            ("bonus", D(3), D(5)),  # 3 at most, then the group's cap of 4 in all
            ("deduction", D(5), D(2)),
            ("veto", D(1), D(0)),
        ],
    )
    assert (result.base, result.bonus, result.deduction) == (D(95), D(4), D(2))
    assert result.total == D(97)
    assert not result.vetoed


def test_deductions_stop_at_the_groups_cap_and_a_total_never_falls_below_zero():
    assert total(GROUP, [("score", D(10), D(10)), ("deduction", D(5), D(5)), ("deduction", D(5), D(5))]).deduction == D(
        3
    )
    assert total({**GROUP, "deduction_cap": None}, [("score", D(1), D(1)), ("deduction", D(5), D(5))]).total == D(0)


def test_an_item_not_scored_yet_counts_nothing():
    assert total(GROUP, [("score", D(40), None), ("score", D(60), D(50))]).total == D(50)


def _graded(totals: dict, group=GROUP, vetoed=()) -> dict:
    results = {key: Result(total=D(value), vetoed=key in vetoed) for key, value in totals.items()}
    rank_and_grade(group, results)
    return {key: (r.rank, r.grade) for key, r in results.items()}


def test_score_bands_and_shared_ranks():
    graded = _graded({"a": 95, "b": 85, "c": 85, "d": 70, "e": 50})
    # 5 units, 40 %: two places in the best grade; only a reaches its band
    assert graded == {"a": (1, "excellent"), "b": (2, "good"), "c": (2, "good"), "d": (4, "pass"), "e": (5, "fail")}


def test_a_quota_with_ties_on_its_boundary_shares_the_grade():
    # 5 units, 40 %: two places; b, c and d tie for the second: all three take it
    graded = _graded({"a": 98, "b": 95, "c": 95, "d": 95, "e": 91})
    assert [graded[k] for k in "abcde"] == [
        (1, "excellent"),
        (2, "excellent"),
        (2, "excellent"),
        (2, "excellent"),
        (5, "good"),  # in the band, but the quota is full
    ]


def test_a_quota_with_ties_below_gives_the_grade_to_none_of_the_tied():
    graded = _graded({"a": 98, "b": 95, "c": 95, "d": 95, "e": 91}, {**GROUP, "ties": "below"})
    assert [graded[k][1] for k in "abcde"] == ["excellent", "good", "good", "good", "good"]


def test_a_veto_takes_the_last_grade_and_ranks_after_every_unit_without_one():
    graded = _graded({"a": 99, "b": 85, "c": 65}, vetoed={"a"})
    # 3 units, 40 %: one place in the best grade, but b is below its band of 90
    assert graded == {"b": (1, "good"), "c": (2, "pass"), "a": (3, "fail")}


def test_a_unit_never_takes_a_better_grade_than_the_unit_above_it():
    group = {
        **GROUP,
        "grades": [{"key": "top", "min": None, "share": 0.2}, {"key": "rest", "min": None, "share": None}],
    }
    graded = _graded({"a": 90, "b": 80, "c": 70, "d": 60, "e": 50}, group)
    assert [graded[k][1] for k in "abcde"] == ["top", "rest", "rest", "rest", "rest"]
