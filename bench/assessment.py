"""Benchmark of an assessment round: --units units × 50 items entered, measured, totalled, ranked and graded.

    .venv/bin/python bench/assessment.py [--units 1000] [--naive 50]
                                         [--database-url postgres://postgres@127.0.0.1:5432/zhichan_bench_assessment]

Fills its own database (PostgreSQL by default, created if missing; rebuilt when the number of units differs) with
Nan'an's organisation and synthetic member units up to --units assessed units, each with a liaison, and the records
the automatic items read: a quarterly programme 2022–2024 whose tasks are led and shared by the units, their
progress reports (most on time, some late, some missing), submissions and returns as events, urgings answered on
time, late or not at all, enforcement cases with their filing and decision clocks (some extended, some still
running), import batches with rejected rows, and two indicators' township figures. A scheme of one group holding
every unit and 50 items (34 automatic, with 33 distinct sets of source and parameters, 16 manual; bonuses,
deductions and vetoes among them) is saved from its YAML text. Then, in the same run:
  (a) ours: services/rounds.py `open_round` for 2024 as of 31 December, from a fresh connection — every unit
      entered with every item, each source asked once per set of parameters, totals, ranks and grades settled;
  (b) ours: the same round computed again (`measure_round` and `settle` alone);
  (c) a naive loop: for --naive units, each automatic item's source asked for the one unit, its points computed
      with `points_of` and its row saved on its own, extrapolated to all the units, and checked against (a).
Target ≤ 3 s for (a).
Never point it at a database whose data you want to keep.
"""

import argparse
import datetime
import itertools
import json
import os
import random
import sys
import time
from collections import Counter

from common import copy_rows, setup_django

TARGET = 3.0
YEAR, AS_OF = 2024, datetime.date(2024, 12, 31)
PROGRAMME = SCHEME = "bench-assessment"
PREFIX = "bench-"  # the synthetic units' keys and their liaisons' user names
CASE_RULES = [
    "penalty-filing",
    "penalty-decision",
    "copyright-penalty-decision",
    "patent-dispute-filing",
    "patent-dispute-decision",
    "general-penalty-decision",
]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1_000)
    parser.add_argument("--naive", type=int, default=50, help="units of the naive loop, extrapolated to all")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/zhichan_bench_assessment")
    return parser.parse_args()


def reference():
    """Nan'an's units, the deadline rules, the official calendar and the enforcement case kinds."""
    from django.conf import settings

    from zhichan.core.models import Unit
    from zhichan.core.services.calendar import seed_calendar
    from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
    from zhichan.core.services.organisation import load_organisation
    from zhichan.protection.services.kinds import load_case_kinds

    if not Unit.objects.filter(key="amr").exists():
        load_organisation(settings.PROJECT_DIR / "data" / "organisations" / "nanan-2022.yaml")
    seed_calendar()
    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    load_case_kinds()


def assessed(county):
    from zhichan.core.models import Unit

    return list(Unit.objects.filter(organisation=county, kind__in=["member", "township"]).order_by("pk"))


def _moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _day(rng, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def prepare(count: int):
    """The platform's records for `count` assessed units; kept when the number is the same."""
    from django.db import connection, transaction

    from zhichan.core.models import Region, Unit
    from zhichan.programme.models import Programme

    county = Region.objects.get(code="350583")
    if len(assessed(county)) == count and Programme.objects.filter(key=PROGRAMME).exists():
        return county
    started = time.perf_counter()
    _clear()
    rng = random.Random(2024)
    with transaction.atomic():
        existing = len(assessed(county))
        copy_rows(
            Unit,
            (
                {"organisation_id": county.pk, "key": f"{PREFIX}{n:04d}", "name": f"合成成员单位{n}", "kind": "member"}
                for n in range(count - existing)
            ),
            region_id=county.pk,
            order=100,
        )
        units = assessed(county)
        users = _users(units)
        programme = _programme(rng, county, units)
        _urgings(rng, programme, units)
        _cases(rng, units)
        _imports(rng, users)
        _indicators(rng, county)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"generated the records of {count:,} units in {time.perf_counter() - started:.0f} s")
    return county


def _clear():
    from django.db import connection

    from zhichan.assessment.models import Round
    from zhichan.core.models import Clock, Event, ImportBatch, Unit, User
    from zhichan.indicators.models import Indicator
    from zhichan.programme.models import Programme, ProgressReport
    from zhichan.protection.models import Case

    models = (Round, Programme, ProgressReport.history.model, Event, Clock, Case, ImportBatch)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(m._meta.db_table for m in models)} CASCADE")
    Indicator.objects.filter(code__startswith=PREFIX).delete()
    User.objects.filter(username__startswith=PREFIX).delete()
    Unit.objects.filter(key__startswith=PREFIX).delete()


def _users(units) -> dict:
    """A liaison for every unit: {unit id: user id}."""
    from zhichan.core.models import User

    copy_rows(
        User,
        (
            {
                "username": f"{PREFIX}{unit.pk}",
                "role": "township-liaison" if unit.kind == "township" else "unit-liaison",
                "unit_id": unit.pk,
                "password": "!",
            }
            for unit in units
        ),
    )
    return dict(User.objects.filter(username__startswith=PREFIX).values_list("unit_id", "pk"))


def _programme(rng, county, units):
    """Eight task groups of ten tasks; each unit leads one task and shares three; its quarterly reports."""
    from django.contrib.contenttypes.models import ContentType

    from zhichan.core.models import Event
    from zhichan.core.services.calendar import WorkCalendar
    from zhichan.programme.models import Assignment, Programme, ProgressReport, Task
    from zhichan.programme.periods import periods
    from zhichan.programme.services.deadlines import report_due

    programme = Programme.objects.create(
        key=PROGRAMME,
        name="合成示范工作方案",
        issuer="合成",
        issued=datetime.date(2022, 1, 1),
        start=datetime.date(2022, 1, 1),
        end=AS_OF,
        region=county,
    )
    groups = Task.objects.bulk_create(
        Task(programme=programme, key=str(g), kind="group", number=f"{g}．", title=f"合成任务组{g}", order=g)
        for g in range(1, 9)
    )
    tasks = []
    for group in groups:
        for t in range(1, 11):
            deadline = _day(rng, datetime.date(2022, 6, 30), AS_OF) if rng.random() < 0.8 else None
            due = deadline or AS_OF
            chance, done = rng.random(), None
            if chance < 0.7:
                done = due - datetime.timedelta(days=rng.randrange(60))
            elif chance < 0.85:
                done = due + datetime.timedelta(days=rng.randrange(1, 90))
            tasks.append(
                Task(
                    programme=programme,
                    parent=group,
                    key=f"{group.key}.{t}",
                    kind="task",
                    number=f"{t}．",
                    title=f"合成任务{group.key}.{t}",
                    deadline=deadline,
                    completed_on=done,
                    order=group.order * 20 + t,
                )
            )
    tasks = Task.objects.bulk_create(tasks)
    assignments = []
    for unit in units:
        for n, task in enumerate(rng.sample(tasks, 4)):
            role = "lead" if n == 0 and unit.kind == "member" else "town" if unit.kind == "township" else "co"
            assignments.append((task, unit, role))
    copy_rows(Assignment, ({"task_id": t.pk, "unit_id": u.pk, "role": role} for t, u, role in assignments))
    calendar = WorkCalendar()
    dues = [(p, report_due(programme, p, calendar)) for p in periods(programme)]
    reports = []
    for task, unit, _role in assignments:
        for period, due in dues:
            if due > AS_OF or period.start > (task.deadline or AS_OF) or rng.random() < 0.12:
                continue  # not owed yet, after the task's deadline, or missing
            late = rng.randrange(1, 40) if rng.random() < 0.2 else -rng.randrange(10)
            state = "returned" if rng.random() < 0.06 else rng.choice(["submitted", "accepted"])
            reports.append((task, unit, period, due + datetime.timedelta(days=late), state))
    copy_rows(
        ProgressReport,
        (
            {
                "task_id": task.pk,
                "unit_id": unit.pk,
                "period_start": period.start,
                "period_end": period.end,
                "narrative": "合成进展",
                "percent": rng.randrange(101),
                "figures": "[]",
                "state": state,
                "submitted_at": _moment(sent),
                "updated": _moment(sent),
            }
            for task, unit, period, sent, state in reports
        ),
        synthetic=True,
    )
    rows = list(
        ProgressReport.objects.values_list(
            "pk", "task_id", "unit_id", "period_start", "period_end", "submitted_at", "state"
        )
    )
    history = ProgressReport.history.model
    copy_rows(
        history,
        (
            {
                "id": pk,
                "task_id": task,
                "unit_id": unit,
                "period_start": start,
                "period_end": end,
                "figures": "[]",
                "state": "submitted",
                "submitted_at": at,
                "updated": at,
                "history_date": at,
                "history_type": "+",
            }
            for pk, task, unit, start, end, at, _state in rows
        ),
        synthetic=True,
    )
    regions = {unit.pk: unit.region_id for unit in units}
    kind = ContentType.objects.get_for_model(ProgressReport).pk

    def event(pk, unit, at, name, reason=""):
        return {
            "at": at,
            "kind": name,
            "content_type_id": kind,
            "object_id": pk,
            "label": f"合成进展报告{pk}",
            "data": "{}",
            "reason": reason,
            "unit_id": unit,
            "region_id": regions[unit],
        }

    copy_rows(
        Event,
        itertools.chain(
            (event(pk, unit, at, "report.submitted") for pk, _t, unit, _s, _e, at, _state in rows),
            (
                event(pk, unit, at + datetime.timedelta(days=3), "report.returned", "材料不全（合成）")
                for pk, _t, unit, _s, _e, at, state in rows
                if state == "returned"
            ),
        ),
    )
    return programme


def _urgings(rng, programme, units):
    """Three urgings a unit over 2023–2024: most answered in time, some late, some never."""
    from zhichan.programme.models import Assignment, Urging

    tasks = {}
    for task, unit in Assignment.objects.values_list("task_id", "unit_id"):
        tasks.setdefault(unit, []).append(task)

    def urging(unit):
        urged = _day(rng, datetime.date(2023, 3, 1), datetime.date(2024, 12, 20))
        chance, answered = rng.random(), None
        if chance < 0.55:
            answered = _moment(urged + datetime.timedelta(days=rng.randrange(1, 7)), 16)
        elif chance < 0.75:
            answered = _moment(urged + datetime.timedelta(days=rng.randrange(8, 31)), 16)
        return {
            "programme_id": programme.pk,
            "task_id": rng.choice(tasks[unit.pk]) if rng.random() < 0.7 else None,
            "unit_id": unit.pk,
            "note": "请尽快报送（合成）",
            "urged_at": _moment(urged, 9),
            "answer": "已办理（合成）" if answered else "",
            "answered_at": answered,
        }

    copy_rows(Urging, (urging(unit) for unit in units for _n in range(3)))


def _cases(rng, units):
    """Four enforcement cases a unit from mid-2023, with their filing and decision clocks as the actions keep
    them; a tenth of the decisions still running, a few extended."""
    from django.contrib.contenttypes.models import ContentType

    from zhichan.core.models import Clock, DeadlineRule, Extension
    from zhichan.protection.models import Case, CaseKind

    kinds = list(CaseKind.objects.order_by("key"))
    planned = []
    for unit in units:
        for n in range(4):
            kind = rng.choice(kinds)
            lead = _day(rng, datetime.date(2023, 6, 1), datetime.date(2024, 12, 15))
            filed = lead + datetime.timedelta(days=rng.randrange(1, 26)) if kind.filing_rule else lead
            decided = filed + datetime.timedelta(days=rng.randrange(20, 120)) if rng.random() < 0.9 else None
            planned.append((unit, f"合成〔{lead.year}〕{n + 1}号", kind, lead, filed, decided))
    now = _moment(AS_OF)
    copy_rows(
        Case,
        (
            {
                "unit_id": unit.pk,
                "number": number,
                "title": "合成案件",
                "kind_id": kind.pk,
                "ip_type": kind.ip_type,
                "source": "inspection",
                "lead_on": lead,
                "filed_on": filed,
                "decided_on": decided,
                "state": "closed" if decided else "investigation",
                "updated": now,
            }
            for unit, number, kind, lead, filed, decided in planned
        ),
        synthetic=True,
    )
    ids = {(unit, number): pk for pk, unit, number in Case.objects.values_list("pk", "unit_id", "number")}
    rules = dict(DeadlineRule.objects.values_list("key", "pk"))
    content_type = ContentType.objects.get_for_model(Case).pk
    clocks = []
    for unit, number, kind, lead, filed, decided in planned:
        pk = ids[unit.pk, number]
        if kind.filing_rule:
            clocks.append((rules[kind.filing_rule], pk, lead, filed))
        clocks.append((rules[kind.decision_rule], pk, filed, decided))
    copy_rows(
        Clock,
        (
            {"rule_id": rule, "content_type_id": content_type, "object_id": pk, "started_on": start, "stopped_on": stop}
            for rule, pk, start, stop in clocks
        ),
    )
    extendable = {rules["penalty-decision"], rules["patent-dispute-decision"]}
    copy_rows(
        Extension,
        (
            {"clock_id": pk, "length": 30, "approver": "局长", "approved_on": start + datetime.timedelta(days=60)}
            for pk, rule, start in Clock.objects.values_list("pk", "rule_id", "started_on")
            if rule in extendable and rng.random() < 0.08
        ),
        reason="案情复杂（合成）",
    )


def _imports(rng, users):
    """Three import batches a liaison over the two years, a few previews or failures, some rows rejected."""
    from zhichan.core.models import ImportBatch

    def batch(user):
        finished = _moment(_day(rng, datetime.date(2023, 1, 1), AS_OF), 11)
        rows = rng.randrange(20, 500)
        rejected = 0 if rng.random() < 0.6 else rng.randrange(1, max(2, rows // 10))
        return {
            "kind": "patent",
            "file_name": f"合成导入{rows}.xlsx",
            "user_id": user,
            "dry_run": rng.random() < 0.1,
            "state": "done" if rng.random() < 0.9 else "failed",
            "rows": rows,
            "created_count": rows - rejected,
            "rejected_count": rejected,
            "created": finished,
            "started": finished,
            "finished": finished,
        }

    copy_rows(ImportBatch, (batch(user) for user in users.values() for _n in range(3)))


def _indicators(rng, county):
    """Two indicators' quarterly figures for every township-level region."""
    from zhichan.core.models import Region, RegionKind
    from zhichan.indicators.models import Indicator, IndicatorValue, Reading

    townships = list(Region.objects.filter(path__startswith=county.path, kind__in=RegionKind.township_level()))
    now = _moment(AS_OF)
    for code in ("filings", "grants"):
        indicator = Indicator.objects.create(
            code=f"{PREFIX}{code}", name=f"合成指标{code}", unit_of_measure="件", numerator=code
        )
        reading = Reading.objects.create(programme=PROGRAMME, indicator=indicator)
        copy_rows(
            IndicatorValue,
            (
                {
                    "region_id": region.pk,
                    "period": f"{year}Q{quarter}",
                    "period_end": datetime.date(year, 3 * quarter, 30 if quarter in (2, 3) else 31),
                    "value": rng.randrange(0, 200),
                    "inputs": "{}",
                }
                for region in townships
                for year in (2023, 2024)
                for quarter in (1, 2, 3, 4)
            ),
            reading_id=reading.pk,
            indicator_id=indicator.pk,
            computed_at=now,
        )


def scheme_text(county) -> str:
    """One group of every assessed unit and 50 items, as the office would write the file."""
    import yaml

    from zhichan.core.models import Unit

    def item(key, name, source, weight=None, **rest):
        return {"key": key, "name": name, "source": source, **({"weight": weight} if weight else {}), **rest}

    townships = sorted(Unit.objects.filter(organisation=county, kind="township").values_list("key", flat=True))
    items = [
        item("reports", "按时报送工作进展", "reports_on_time", 8),
        item("tasks", "牵头任务按期完成", "tasks_on_time", 6),
        item("urgings", "督办事项按时答复", "urgings_answered", 4),
        item("quality", "报送数据质量", "data_quality", 2),
        item("cases", "执法案件按期办结", "clocks_on_time", 2, params={"model": "protection.Case"}),
    ]
    chosen = [[rule] for rule in CASE_RULES] + [list(pair) for pair in itertools.combinations(CASE_RULES, 2)]
    for n, rules in enumerate([*chosen, CASE_RULES[:3], CASE_RULES[3:]]):
        params = {"model": "protection.Case", "rules": rules}
        items.append(item(f"cases-{n}", f"执法时限{n}", "clocks_on_time", 2, params=params))
    for n, (code, share) in enumerate(itertools.product(("filings", "grants"), (40, 80))):
        params = {"indicator": f"{PREFIX}{code}", "shares": dict.fromkeys(townships, share)}
        items.append(item(f"indicator-{n}", f"乡镇指标{n}", "township_indicator", 2, params=params))
    items += [item(f"manual-{n}", f"工作实绩{n}", "manual", 2 if n < 6 else 3) for n in range(10)]
    items[-1]["assessor"] = "gov-office"
    items += [item(f"award-{n}", f"表彰加分{n}", "manual", kind="bonus", cap=2) for n in range(3)]
    items += [
        item("returned", "进展报告被退回", "reports_returned", kind="deduction", cap=3, per=0.5),
        item("returned-often", "多次退回", "reports_returned", kind="deduction", cap=2, per=0.25),
        item("criticised", "被通报批评", "manual", kind="deduction", cap=3),
        item("incident", "发生重大违法事件", "manual", kind="veto"),
        item("fraud", "弄虚作假", "manual", kind="veto"),
    ]
    grades = [
        {"key": "excellent", "name": "优秀", "min": 90, "share": 0.3},
        {"key": "good", "name": "良好", "min": 80},
        {"key": "pass", "name": "合格", "min": 60},
        {"key": "fail", "name": "不合格"},
    ]
    group = {
        "key": "all",
        "name": "全体成员单位和乡镇",
        "units": {"kind": "member", "keys": townships},
        "total": 100,
        "bonus_cap": 5,
        "deduction_cap": 10,
        "grades": grades,
        "items": items,
    }
    scheme = {"key": SCHEME, "name": "合成考核办法", "appeal_days": 5, "groups": [group]}
    return yaml.safe_dump(scheme, allow_unicode=True, sort_keys=False)


def naive(assessment_round, participants) -> dict:
    """Every automatic item of each participant: its source asked for the one unit, its row saved on its own."""
    from zhichan.assessment.models import ItemScore
    from zhichan.assessment.services.scoring import items_of, points_of
    from zhichan.assessment.sources import SOURCES

    config, found = items_of(assessment_round), {}
    for participant in participants:
        unit = participant.unit
        for item in ItemScore.objects.filter(participant=participant).exclude(source="manual"):
            one = config[participant.group, item.key]
            measured = SOURCES[one["source"]].measure(
                [unit], assessment_round.period_start, assessment_round.as_of, one["params"]
            )
            item.value, item.auto_points, item.basis = points_of(one, measured.get(unit.pk))
            item.save(update_fields=["value", "auto_points", "basis"])
            found[item.pk] = (item.value, item.auto_points, json.loads(json.dumps(item.basis)))
    return found


def main():
    args = arguments()
    setup_django(args.database_url)
    reference()
    county = prepare(args.units)
    from django.db import connection
    from django.urls import reverse

    from zhichan.assessment.models import ItemScore, Participant, Round, Scheme
    from zhichan.assessment.services import rounds
    from zhichan.assessment.services.schemes import save_scheme
    from zhichan.assessment.services.scoring import measure_round, settle

    history = (Participant.history.model, ItemScore.history.model, Round.history.model)
    with connection.cursor() as cursor:  # earlier runs' rounds and scheme
        cursor.execute(f"TRUNCATE {', '.join(m._meta.db_table for m in (Round, *history))} CASCADE")
    Scheme.objects.filter(organisation=county, key=SCHEME).delete()
    scheme = save_scheme(None, organisation=county, text=scheme_text(county))

    reverse("assessment-round", args=[1])  # the URL configuration loaded, as in a running server
    load = os.getloadavg()[0]
    connection.close()
    started = time.perf_counter()
    opened = rounds.open_round(None, scheme=Scheme.objects.get(pk=scheme.pk), year=YEAR, as_of=AS_OF, synthetic=True)
    ours = time.perf_counter() - started
    participants = list(opened.participants.select_related("unit").order_by("rank", "pk"))
    items = ItemScore.objects.filter(participant__round=opened)
    automatic = items.exclude(source="manual").count()
    grades = dict(Counter(p.grade for p in participants))
    print(
        f"(a) ours: a round opened for {len(participants):,} units × {len(scheme.data['groups'][0]['items'])} items "
        f"({items.count():,} rows, {automatic:,} measured) in {ours:.2f} s (load average {load:.1f} on "
        f"{os.cpu_count()} CPUs): totals {participants[-1].total}–{participants[0].total}, grades {grades}"
    )

    connection.close()
    started = time.perf_counter()
    again = Round.objects.get(pk=opened.pk)
    measure_round(again)
    settle(again)
    recompute = time.perf_counter() - started
    print(f"(b) ours: the same round measured and settled again in {recompute:.2f} s")

    rng = random.Random(7)
    sample = sorted(rng.sample(participants, min(args.naive, len(participants))), key=lambda p: p.pk)
    stored = {
        pk: (value, points, basis)
        for pk, value, points, basis in items.filter(participant__in=sample)
        .exclude(source="manual")
        .values_list("pk", "value", "auto_points", "basis")
    }
    started = time.perf_counter()
    found = naive(opened, sample)
    spent = time.perf_counter() - started
    extrapolated = spent * len(participants) / len(sample)
    agree = found == stored
    print(
        f"(c) naive loop: {len(sample):,} units × their automatic items ({len(found):,} source calls and saves) in "
        f"{spent:.2f} s, {extrapolated:.0f} s for {len(participants):,} units (extrapolated); same figures as (a): "
        f"{agree}"
    )
    verdict = "met" if ours <= TARGET else "MISSED"
    print(
        f"ratio naive / ours: {extrapolated / ours:.0f}× the round opened, {extrapolated / recompute:.0f}× the "
        f"recompute; target ≤ {TARGET:.0f} s: {verdict}"
    )
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
