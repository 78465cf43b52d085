"""Totals, ranks and grades of a group: pure functions of the settled item points, so the rules of a scheme
(caps, vetoes, score bands, quotas and ties) are tested by hand on small numbers.

- a scored item counts up to its weight; bonuses count up to their own cap each and to the group's bonus cap in
  all; deductions likewise, against the group's deduction cap when it has one; the total is never below 0;
- ranks: by total, highest first; equal totals share a rank (1, 2, 2, 4); a vetoed unit ranks after every unit
  that is not, and takes the last grade;
- grades, best first: a unit takes the best grade whose band (`min`) its total reaches and whose quota (`share`
  of the group's units, rounded down) still has a place. Units tied on the boundary of a quota all take the grade
  when `ties: share` (the quota is exceeded rather than a tie split), none of them when `ties: below`."""

import math
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


@dataclass
class Result:
    base: Decimal = ZERO
    bonus: Decimal = ZERO
    deduction: Decimal = ZERO
    total: Decimal = ZERO
    vetoed: bool = False
    rank: int | None = None
    grade: str = ""


def total(group: dict, items: list[tuple[str, Decimal, Decimal | None]]) -> Result:
    """A unit's result from its items as (kind, full marks or cap, settled points or None)."""
    result = Result()
    bonus = deduction = ZERO
    for kind, limit, points in items:
        points = points or ZERO
        if kind == "veto":
            result.vetoed = result.vetoed or points > 0
        elif kind == "score":
            result.base += min(limit, max(ZERO, points))
        elif kind == "bonus":
            bonus += min(limit, max(ZERO, points))
        elif kind == "deduction":
            deduction += min(limit, max(ZERO, points))
    result.bonus = min(bonus, Decimal(str(group.get("bonus_cap") or 0)))
    cap = group.get("deduction_cap")
    result.deduction = deduction if cap is None else min(deduction, Decimal(str(cap)))
    result.total = max(ZERO, result.base + result.bonus - result.deduction)
    return result


def rank_and_grade(group: dict, results: dict) -> None:
    """Set `rank` and `grade` on every result of the group ({key: Result}), in place."""
    grades = group["grades"]
    count = len(results)
    places = [math.floor(grade["share"] * count + 1e-9) if grade.get("share") is not None else None for grade in grades]
    taken = [0] * len(grades)
    clear = sorted((key for key, r in results.items() if not r.vetoed), key=lambda key: -results[key].total)
    vetoed = sorted((key for key, r in results.items() if r.vetoed), key=lambda key: -results[key].total)
    floor = 0  # a unit never takes a better grade than the unit ranked above it
    for offset, keys in ((0, clear), (len(clear), vetoed)):
        for block in _ties(keys, results):
            rank = offset + keys.index(block[0]) + 1
            for key in block:
                results[key].rank = rank
            if offset:  # vetoed: the last grade
                for key in block:
                    results[key].grade = grades[-1]["key"]
                continue
            score = results[block[0]].total
            for index in range(floor, len(grades)):
                grade, room = grades[index], places[index]
                if index < len(grades) - 1:
                    if grade.get("min") is not None and score < Decimal(str(grade["min"])):
                        continue
                    if room is not None:
                        left = room - taken[index]
                        fits = left > 0 if group.get("ties", "share") == "share" else left >= len(block)
                        if not fits:
                            continue
                floor = index
                taken[index] += len(block)
                for key in block:
                    results[key].grade = grade["key"]
                break


def _ties(keys: list, results: dict) -> list[list]:
    blocks: list[list] = []
    for key in keys:
        if blocks and results[blocks[-1][0]].total == results[key].total:
            blocks[-1].append(key)
        else:
            blocks.append([key])
    return blocks
