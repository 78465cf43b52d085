"""The plan's tasks in order with their depth, status and units: the rows of the overview, timeline and exports."""

from collections import defaultdict

from ..models import Assignment, Task


def task_tree(programme, states):
    """[(task, depth, state, leads, cos)] in plan order, for the overview and the timeline."""
    tasks = list(Task.objects.filter(programme=programme).order_by("order"))
    units = defaultdict(lambda: ([], []))
    for assignment in Assignment.objects.filter(task__programme=programme).select_related("unit"):
        units[assignment.task_id][0 if assignment.role == Assignment.Role.LEAD else 1].append(assignment)
    depth = {}
    rows = []
    for task in tasks:
        task.programme = programme  # one programme for all (deadlines read its end): no query per task
        if task.pk not in states:
            continue  # added to the plan after the day shown
        depth[task.pk] = depth[task.parent_id] + 1 if task.parent_id else 0
        rows.append((task, depth[task.pk], states[task.pk], *units[task.pk]))
    return rows


def target_tree(targets) -> list:
    """[(target, depth)] in file order, each part (其中…) right under the target it is a part of."""
    targets = list(targets)
    known = {target.pk for target in targets}
    parts = defaultdict(list)
    for target in targets:
        parts[target.parent_id if target.parent_id in known else None].append(target)
    rows = []

    def add(parent, depth):
        for target in parts[parent]:
            rows.append((target, depth))
            add(target.pk, depth + 1)

    add(None, 0)
    return rows
