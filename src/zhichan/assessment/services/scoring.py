"""Scoring a round: the automatic items measured for all units at once (each source asked once per round and
set of parameters, whatever the number of units and items), and every unit's total, rank and grade settled from
the items' points. The figures are kept on the items with the records behind them, so a round reads back the
same after the platform's records change, and a closed round is never measured again."""

import json
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone, translation

from zhichan.core import runs
from zhichan.core.bulk_work import update_rows, without_collector_pauses

from ..models import ItemScore, Participant, ParticipantState
from ..points import counted, shown
from ..sources import COUNT, SOURCES
from . import grading

CENT = Decimal("0.01")
BASIS_RECORDS = 200  # records kept per item and unit: enough to explain, bounded for a unit with thousands


def points_of(item: dict, measure) -> tuple[Decimal | None, Decimal, dict]:
    """(measured value, points, basis) of one item for one unit; measure None: nothing recorded for the unit."""
    source = SOURCES[item["source"]]
    if source.kind == COUNT:
        count = measure.done if measure is not None else Decimal(0)
        if item["kind"] == "veto":
            points = Decimal(1 if count > 0 else 0)
        else:
            points = min(Decimal(str(item["cap"])), count * Decimal(str(item["per"])))
        return count, points.quantize(CENT), _basis(measure, count, None)
    weight = Decimal(str(item["weight"]))
    value = measure.value if measure is not None else None
    if value is None:  # nothing was due: nothing was missed
        return None, weight.quantize(CENT), _basis(measure, None, None, nothing_due=True)
    points = (weight * value).quantize(CENT, ROUND_HALF_UP)
    return value.quantize(Decimal("0.0001")), points, _basis(measure, measure.done, measure.due)


def _basis(measure, done, due, nothing_due=False) -> dict:
    records = [evidence.kept() for evidence in (measure.records if measure is not None else [])]
    basis = {"done": _plain(done), "due": _plain(due), "records": records[:BASIS_RECORDS]}
    if len(records) > BASIS_RECORDS:
        basis["more"] = len(records) - BASIS_RECORDS
    if nothing_due:
        basis["nothing_due"] = True
    return basis


def _plain(number) -> str | None:
    return None if number is None else shown(number)


def measure_round(assessment_round) -> int:
    """Measure every automatic item of the round again as of its as-of date; returns the items measured."""
    participants = list(assessment_round.participants.select_related("unit"))
    items = list(
        ItemScore.objects.filter(participant__round=assessment_round)
        .exclude(source="manual")
        .values_list("pk", "participant_id", "key")
    )
    with without_collector_pauses():
        found = figures(assessment_round, participants, [(participant, key) for _pk, participant, key in items])
        update_rows(
            ItemScore,
            ["value", "auto_points", "basis"],
            [(pk, *found[participant, key]) for pk, participant, key in items],
        )
    assessment_round.computed_at = timezone.now()
    assessment_round.save(update_fields=["computed_at"])
    return len(items)


def figures(assessment_round, participants, places) -> dict:
    """What the platform measured for the automatic items at `places`, (participant id, item key) pairs of the
    round's `participants`: {place: (value, points, basis)}. Each source is asked once per set of parameters for
    all the units that have an item of it."""
    units = {p.pk: p.unit for p in participants}
    by_group = {p.pk: p.group for p in participants}
    config = items_of(assessment_round)
    signatures = {key: _signature(item) for key, item in config.items()}
    wanted = defaultdict(set)  # (source, parameters) -> participants
    for participant, key in places:
        wanted[signatures[by_group[participant], key]].add(participant)
    results = {}
    # the records' notes are kept, in the platform's language; sources share their reads within the round
    with translation.override(settings.LANGUAGE_CODE), runs.run():
        for signature, ids in wanted.items():
            source_key, params = signature[0], json.loads(signature[1])
            results[signature] = SOURCES[source_key].measure(
                [units[pk] for pk in ids], assessment_round.period_start, assessment_round.as_of, params
            )
    found = {}
    for participant, key in places:
        place = by_group[participant], key
        found[participant, key] = points_of(config[place], results[signatures[place]].get(units[participant].pk))
    return found


def _signature(item: dict) -> tuple[str, str]:
    return item["source"], json.dumps(item["params"], sort_keys=True)


def items_of(assessment_round) -> dict:
    """{(group key, item key): the item as the round's scheme has it}."""
    return {(group["key"], item["key"]): item for group in assessment_round.data["groups"] for item in group["items"]}


def settle(assessment_round, lines: dict | None = None) -> None:
    """Every unit's total, rank and grade from its items' points as they stand: read from the items, or given as
    `lines` ({participant id: [(kind, full marks or cap, points counted)]}) by the step that has just written them."""
    participants = {
        pk: (group, state == ParticipantState.SUBMITTED)
        for pk, group, state in assessment_round.participants.values_list("pk", "group", "state")
    }
    if lines is None:
        lines = defaultdict(list)
        for participant, kind, limit, points, auto, claimed in ItemScore.objects.filter(
            participant__round=assessment_round
        ).values_list("participant_id", "kind", "max_points", "points", "auto_points", "self_points"):
            lines[participant].append((kind, limit, counted(points, auto, claimed, participants[participant][1])))
    rows = []
    for group in assessment_round.data["groups"]:
        members = [pk for pk, (key, _submitted) in participants.items() if key == group["key"]]
        results = {pk: grading.total(group, lines[pk]) for pk in members}
        grading.rank_and_grade(group, results)
        for pk in members:
            r = results[pk]
            rows.append((pk, r.base, r.bonus, r.deduction, r.total, r.vetoed, r.rank, r.grade))
    update_rows(Participant, ["base", "bonus", "deduction", "total", "vetoed", "rank", "grade"], rows)
