"""Loading a programme file (programmes/*.yaml): the plan, its goals, targets, tasks and safeguards.

Idempotent: every row is keyed (programme `key`, goal `key`, target `code`, task `key`, assignment by task and
unit), saved only when a value changed, and nothing is deleted, so reports already made are never dropped.
"""

import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from zhichan.core.models import Region, Unit, UnitKind
from zhichan.core.services.datafile import Reader
from zhichan.core.services.upsert import upsert

from ..models import (
    Assignment,
    Comparator,
    Goal,
    Milestone,
    Programme,
    ReportingFrequency,
    Target,
    TargetKind,
    Task,
    TaskKind,
)

CHILD_KIND = {TaskKind.GROUP: TaskKind.TASK, TaskKind.TASK: TaskKind.SUBTASK, TaskKind.SAFEGUARD: TaskKind.TASK}
TASK_KEYS = {"key", "number", "title", "text", "start", "deadline", "lead", "co", "townships", "milestones", "children"}


@transaction.atomic
def load_programme(path, progress=None) -> dict:
    reader = Reader(path)
    data = reader.data
    region = _region(reader, data, "region", "")
    start = reader.get(data, "start", "", kind=datetime.date)
    end = reader.get(data, "end", "", kind=datetime.date)
    if end <= start:
        raise reader.error("end", "must come after start")
    programme, _ = upsert(
        Programme,
        {"key": reader.get(data, "key", "")},
        {
            "name": reader.get(data, "name", ""),
            "name_en": reader.get(data, "name_en", "", required=False, default=""),
            "issuer": reader.get(data, "issuer", ""),
            "document_number": reader.get(data, "document_number", "", required=False, default=""),
            "issued": reader.get(data, "issued", "", kind=datetime.date),
            "start": start,
            "end": end,
            "region": region,
            "guiding_idea": reader.get(data, "guiding_idea", "", required=False, default="").strip(),
            "reporting": reader.choice(
                data,
                "reporting",
                "",
                set(ReportingFrequency.values),
                required=False,
                default=ReportingFrequency.QUARTERLY,
            ),
            "report_due_days": _days(reader, data, "report_due_days", 10),
            "reminder_days": _days(reader, data, "reminder_days", 5),
            "source_file": Path(path).name,
        },
    )
    goals = _load_goals(reader, programme)
    targets = _load_targets(reader, programme, goals)
    loader = _TaskLoader(reader, programme, progress)
    loader.load("tasks", TaskKind.GROUP)
    loader.load("safeguards", TaskKind.SAFEGUARD)
    known = set(Task.objects.filter(programme=programme).values_list("key", flat=True))
    return {
        "programme": programme,
        "goals": len(goals),
        "targets": targets,
        "tasks": len(loader.seen),
        "not_in_file": sorted(known - loader.seen),  # kept, never deleted: they may carry reports
    }


def _days(reader, data, key, default) -> int:
    value = reader.get(data, key, "", kind=int, required=False, default=default)
    if not 0 <= value <= 250:
        raise reader.error(key, f"expected a number of working days from 0 to 250, got {value}")
    return value


def _region(reader, mapping, key, where, default=None):
    code = reader.get(mapping, key, where, required=default is None)
    if code is None:
        return default
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise reader.error(f"{where}.{key}" if where else key, f"unknown region code {code!r}")
    return region


def _load_goals(reader, programme) -> dict[str, Goal]:
    goals = {}
    for order, (where, item) in enumerate(reader.items(reader.data, "goals", required=True), start=1):
        key = reader.get(item, "key", where)
        if key in goals:
            raise reader.error(f"{where}.key", f"duplicate goal key {key!r}")
        goals[key], _ = upsert(
            Goal,
            {"programme": programme, "key": key},
            {
                "number": reader.get(item, "number", where, required=False, default=""),
                "title": reader.get(item, "title", where),
                "text": reader.get(item, "text", where).strip(),
                "order": order,
            },
        )
    return goals


def _decimal(reader, item, key, where, required=True):
    value = reader.get(item, key, where, kind=(int, float, str), required=required)
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise reader.error(f"{where}.{key}", f"expected a number, got {value!r}") from None


def _load_targets(reader, programme, goals) -> int:
    codes: dict[str, Target] = {}
    for order, (where, item) in enumerate(reader.items(reader.data, "targets"), start=1):
        code = reader.get(item, "code", where)
        if code in codes:
            raise reader.error(f"{where}.code", f"duplicate target code {code!r}")
        goal_key = reader.get(item, "goal", where, required=False)
        if goal_key is not None and goal_key not in goals:
            raise reader.error(f"{where}.goal", f"unknown goal {goal_key!r}")
        parent_code = reader.get(item, "parent", where, required=False)
        if parent_code is not None and parent_code not in codes:
            raise reader.error(f"{where}.parent", f"unknown target {parent_code!r} (list the whole target first)")
        kind = reader.choice(item, "kind", where, set(TargetKind.values))
        comparator = reader.choice(item, "comparator", where, set(Comparator.values))
        peer_group = reader.get(item, "peer_group", where, required=kind == TargetKind.RANK, default="")
        if kind == TargetKind.RANK and comparator not in (Comparator.AT_MOST, Comparator.LESS_THAN):
            raise reader.error(f"{where}.comparator", "a rank is better when lower: expected lte or lt")
        if peer_group and kind != TargetKind.RANK:
            raise reader.error(f"{where}.peer_group", "only a target of kind rank has a peer group")
        region = _region(reader, item, "region", where, default=programme.region)
        subregions = _subregions(reader, item, where, region)
        codes[code], _ = upsert(
            Target,
            {"programme": programme, "code": code},
            {
                "goal": goals.get(goal_key),
                "indicator": reader.get(item, "indicator", where),
                "title": reader.get(item, "title", where),
                "wording": reader.get(item, "wording", where),
                "comparator": comparator,
                "value": _decimal(reader, item, "value", where),
                "unit": reader.get(item, "unit", where),
                "kind": kind,
                "baseline": _decimal(reader, item, "baseline", where, required=False),
                "baseline_date": reader.get(item, "baseline_date", where, kind=datetime.date, required=False),
                "deadline": reader.get(
                    item, "deadline", where, kind=datetime.date, required=False, default=programme.end
                ),
                "region": region,
                "parent": codes.get(parent_code),
                "peer_group": peer_group,
                "order": order,
            },
        )
        if set(codes[code].subregions.all()) != set(subregions):
            codes[code].subregions.set(subregions)
    return len(codes)


def _subregions(reader, item, where, region) -> list[Region]:
    """`regions: ["350582", …]`: the named sub-regions, each strictly within the target's region."""
    found = []
    for index, code in enumerate(reader.get(item, "regions", where, kind=list, required=False, default=[])):
        path = f"{where}.regions[{index}]"
        if not isinstance(code, (str, int)) or isinstance(code, bool):
            raise reader.error(path, f"expected a division code, got {code!r}")
        sub = Region.objects.filter(code=str(code)).first()
        if sub is None:
            raise reader.error(path, f"unknown region code {str(code)!r}")
        if sub.pk == region.pk or not sub.path.startswith(region.path):
            raise reader.error(path, f"{sub.name} ({sub.code}) is not within {region.name} ({region.code})")
        if sub in found:
            raise reader.error(path, f"{sub.code} is named twice")
        found.append(sub)
    return found


class _TaskLoader:
    def __init__(self, reader, programme, progress):
        self.reader, self.programme, self.progress = reader, programme, progress
        # Unit keys are those of the programme's region's organisation file (another region may use the same).
        self.units = {
            unit.key: unit for unit in Unit.objects.filter(organisation=programme.region).select_related("region")
        }
        self.seen: set[str] = set()
        self.order = 0

    def load(self, section: str, kind: TaskKind):
        for where, item in self.reader.items(self.reader.data, section):
            self._task(where, item, kind, parent=None)

    def _task(self, where, item, kind, parent):
        reader = self.reader
        key = str(reader.get(item, "key", where))
        if key in self.seen:
            raise reader.error(f"{where}.key", f"duplicate task key {key!r}")
        self.seen.add(key)
        self.order += 1
        reader.only(item, TASK_KEYS, where)
        fields = {
            "parent": parent,
            "kind": kind,
            "number": reader.get(item, "number", where, required=False, default=""),
            "title": reader.get(item, "title", where),
            "text": reader.get(item, "text", where, required=False, default="").strip(),
            "order": self.order,
        }
        for name in ("start", "deadline"):  # dates the file leaves out stay as the office set them
            if name in item:
                fields[name] = reader.get(item, name, where, kind=datetime.date)
        task, _ = upsert(Task, {"programme": self.programme, "key": key}, fields)
        self._assignments(where, item, task)
        for m_where, milestone in reader.items(item, "milestones", where):
            upsert(
                Milestone,
                {"task": task, "title": reader.get(milestone, "title", m_where)},
                {"due": reader.get(milestone, "due", m_where, kind=datetime.date)},
            )
        if self.progress:
            self.progress(len(self.seen), 0, task.title)
        for c_where, child in reader.items(item, "children", where):
            if kind not in CHILD_KIND:
                raise reader.error(c_where, "a sub-task has no parts of its own (three levels at most)")
            self._task(c_where, child, CHILD_KIND[kind], parent=task)

    def _unit(self, where, key):
        if key not in self.units:
            region = self.programme.region.code or self.programme.region.name
            raise self.reader.error(where, f"unknown unit {key!r} in the organisation of region {region}")
        return self.units[key]

    def _townships(self, where, item) -> list:
        """`townships: all` (every township-level unit in the programme's region) or a list of their division
        codes."""
        if "townships" not in item:
            return []
        value = item["townships"]
        local = [unit for unit in self.units.values() if unit.kind == UnitKind.TOWNSHIP and unit.active]
        if value == "all":
            return sorted(local, key=lambda unit: unit.region.path)
        if not isinstance(value, list):
            raise self.reader.error(f"{where}.townships", f"expected all or a list of division codes, got {value!r}")
        by_code = {unit.region.code: unit for unit in local if unit.region.code}
        found = []
        for index, code in enumerate(value):
            code = str(code)
            if code not in by_code:
                raise self.reader.error(f"{where}.townships[{index}]", f"no township unit with division code {code!r}")
            found.append(by_code[code])
        return found

    def _assignments(self, where, item, task):
        reader = self.reader
        if task.units_decided_at:
            return  # the office has decided this task's units on the site
        wanted = []
        lead = reader.get(item, "lead", where, kind=(str, dict), required=False)
        if lead is not None:
            if isinstance(lead, str):
                lead = {"unit": lead}
            unit = self._unit(f"{where}.lead.unit", reader.get(lead, "unit", f"{where}.lead"))
            proposed = reader.get(lead, "proposed", f"{where}.lead", kind=bool, required=False, default=False)
            wanted.append((unit, Assignment.Role.LEAD, proposed))
        co = reader.get(item, "co", where, kind=list, required=False, default=[])
        for index, key in enumerate(co):
            if not isinstance(key, str):
                raise reader.error(f"{where}.co[{index}]", f"expected a unit key, got {key!r}")
            wanted.append((self._unit(f"{where}.co[{index}]", key), Assignment.Role.CO, False))
        wanted += [(unit, Assignment.Role.TOWNSHIP, False) for unit in self._townships(where, item)]
        for unit, role, proposed in wanted:
            upsert(Assignment, {"task": task, "unit": unit}, {"role": role, "proposed": proposed})
