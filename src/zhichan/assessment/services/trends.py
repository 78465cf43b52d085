"""Rankings and trends across rounds: each group's units with their total, rank and grade in every round the
reader may read the results of: rounds whose results are settled (approved, published or closed) for the office
and the leadership; published ones, and its own row alone, for a unit."""

from collections import defaultdict

from zhichan.core.locale import in_language

from ..models import Participant, Round, RoundState
from .reading import sees_all

PUBLIC = (RoundState.PUBLISHED, RoundState.CLOSED)
SETTLED = (RoundState.APPROVED, *PUBLIC)


def trends(user) -> dict:
    everyone = sees_all(user)
    held = Round.objects.visible_to(user).filter(state__in=SETTLED if everyone else PUBLIC)
    # a year's halves, then the whole year
    held = sorted(held, key=lambda r: (r.year, r.half or 3, r.pk))
    rows = Participant.objects.visible_to(user).filter(round__in=held).select_related("unit")
    if not everyone:
        rows = rows.filter(unit_id=user.unit_id)
    index = {r.pk: n for n, r in enumerate(held)}
    names, cells = {}, defaultdict(lambda: defaultdict(lambda: [None] * len(held)))
    for held_round in held:
        for group in held_round.data["groups"]:
            names.setdefault(group["key"], in_language(group["name"], group.get("name_en", "")))
    for row in rows:
        cells[row.group][row.unit][index[row.round_id]] = row
    groups = []
    for key, name in names.items():
        units = sorted(cells[key].items(), key=lambda pair: (pair[1][-1].rank if pair[1][-1] else 10**6, pair[0].order))
        if units:
            groups.append({"key": key, "name": name, "rows": [{"unit": unit, "cells": line} for unit, line in units]})
    return {"rounds": held, "groups": groups}
