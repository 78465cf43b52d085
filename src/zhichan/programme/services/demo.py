"""Synthetic progress reports for the demo: a plausible history of the Nan'an programme, marked as such.

Deterministic (seeded), so every fresh start shows the same picture: most tasks reported quarter by quarter
and accepted, a few returned or waiting for review, one unit that stopped reporting, and for each unit one task
whose latest period is not reported yet (the report a liaison can start).
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..models import Assignment, ProgressReport
from ..periods import periods

NARRATIVES = [
    "按工作方案推进，本季度召开专题会议{n}次，落实专人负责。",
    "开展走访调研{n}家企业，梳理知识产权需求并建立台账。",
    "组织专题培训{n}场，相关单位和企业参加。",
    "会同配合单位开展联合检查{n}次，问题已整改。",
]


@transaction.atomic
def create_demo_reports(programme, today: datetime.date | None = None, seed: int = 2022) -> int:
    """Reports for every assigned unit and every period that has ended; returns how many were made."""
    if ProgressReport.objects.filter(task__programme=programme).exists():
        return 0
    rng = random.Random(seed)
    today = today or timezone.localdate()
    ended = [p for p in periods(programme) if p.end < today]
    assignments = list(Assignment.objects.filter(task__programme=programme).select_related("task", "unit"))
    silent = rng.choice(assignments).unit_id if assignments else None  # one unit that stopped reporting
    # Each unit's first task (in the plan's order) has no report for the latest period yet, so every liaison can
    # try starting a report in the demo.
    left_open = {}
    for assignment in sorted(assignments, key=lambda a: (a.task.order, a.task_id)):
        left_open.setdefault(assignment.unit_id, assignment.pk)
    reports = []
    for assignment in assignments:
        for index, period in enumerate(ended):
            last = index == len(ended) - 1
            if assignment.unit_id == silent and index >= len(ended) // 2:
                break
            percent = min(100, round(100 * (index + 1) / len(ended)) if len(ended) else 0)
            state = ProgressReport.State.ACCEPTED
            if last and rng.random() < 0.15:
                state, percent = ProgressReport.State.SUBMITTED, percent - rng.randint(5, 20)
            elif last and rng.random() < 0.1:
                state, percent = ProgressReport.State.RETURNED, percent - rng.randint(5, 20)
            submitted = timezone.make_aware(
                datetime.datetime.combine(period.end + datetime.timedelta(days=rng.randint(3, 12)), datetime.time(10))
            )
            if last and left_open[assignment.unit_id] == assignment.pk:
                continue
            reports.append(
                ProgressReport(
                    task=assignment.task,
                    unit=assignment.unit,
                    period_start=period.start,
                    period_end=period.end,
                    narrative=rng.choice(NARRATIVES).format(n=rng.randint(1, 6)),
                    percent=max(percent, 0),
                    figures=[{"name": "培训场次", "value": rng.randint(0, 4), "unit": "场"}],
                    state=state,
                    submitted_at=submitted,
                    reviewed_at=submitted + datetime.timedelta(days=3)
                    if state != ProgressReport.State.SUBMITTED
                    else None,
                    review_note="请补充佐证材料。" if state == ProgressReport.State.RETURNED else "",
                    synthetic=True,
                )
            )
    # With their audit rows, like every save: the dashboard's task counts are cached by the latest of them.
    bulk_create_with_history(reports, ProgressReport, batch_size=500)
    _date_history(programme)
    return len(reports)


def _date_history(programme):
    """Give the demo reports the history they would have had: submitted on their submission day, then returned or
    accepted on their review day, so the programme read as of a past day shows the reports of that day."""
    audit = ProgressReport.history.model
    entries = list(audit.objects.filter(task__programme=programme, synthetic=True))
    submitted = []
    for entry in entries:
        if entry.reviewed_at:
            fields = {f.attname: getattr(entry, f.attname) for f in audit._meta.fields if f.attname != "history_id"}
            fields.update(state=ProgressReport.State.SUBMITTED, reviewed_at=None, review_note="")
            fields["history_date"] = entry.submitted_at
            copy = audit(**fields)  # the state is protected once set: give it to the constructor
            submitted.append(copy)
            entry.history_type = "~"  # the copy opened the report; the review changed it
        entry.history_date = entry.reviewed_at or entry.submitted_at
    audit.objects.bulk_update(entries, ["history_date", "history_type"], batch_size=500)
    audit.objects.bulk_create(submitted, batch_size=500)
