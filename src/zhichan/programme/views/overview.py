import datetime
from collections import Counter, defaultdict

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from zhichan.core.access import allow
from zhichan.core.asof import as_of
from zhichan.core.extensions import targets_as_of
from zhichan.core.roles import STAFF

from ..models import Assignment, Programme, Task
from ..periods import periods
from ..services.choice import chosen_key, chosen_programme
from ..services.status import SEVERITY, Status, states_on
from ..services.tree import target_tree, task_tree


@allow(STAFF)
def programme_list(request):
    programmes = Programme.objects.visible_to(request.user).select_related("region")
    if len(programmes) == 1:
        return redirect(programmes[0])
    if chosen_key(request):  # the reader chose one (the picker): the overview follows it
        chosen = chosen_programme(request)
        if chosen is not None and chosen.key == chosen_key(request):
            return redirect(chosen)
    return render(request, "programme/programme_list.html", {"programmes": programmes})


@allow(STAFF, scope=Programme)
def programme_overview(request, pk):
    programme = get_object_or_404(Programme.objects.visible_to(request.user).select_related("region"), pk=pk)
    day = as_of(request, end=programme.end)
    states = states_on(programme, day)
    rows = task_tree(programme, states)
    figures = targets_as_of(programme, day)
    targets = []
    for target, depth in target_tree(programme.targets.select_related("goal", "parent")):
        target.depth = depth  # a part (其中…) sits under its whole
        targets.append((target, figures.get(target.pk)))
    leaves = [state for task, depth, state, leads, cos in rows if leads or cos]
    counts = Counter(state.status for state in leaves)
    context = {
        "programme": programme,
        "goals": programme.goals.all(),
        "targets": targets,
        "rows": rows,
        "counts": [(status, Status(status).label, counts.get(status, 0)) for status in SEVERITY],
        "proposed": Assignment.objects.filter(task__programme=programme, proposed=True).count(),
        "today": timezone.localdate(),
        "ended": timezone.localdate() > programme.end,
        "periods": periods(programme),
        **picker(programme, day),
    }
    return render(request, "programme/overview.html", context)


def picker(programme, day) -> dict:
    """What the day picker (core/_as_of_picker.html) of a programme's page needs: the day shown and its shortcuts."""
    return {"shown_day": day, "picker_days": year_ends(programme), "picker_min": programme.start}


def year_ends(programme) -> list[datetime.date]:
    """The days a reader most often looks back at: the end of each programme year, the last being its deadline."""
    ends = [datetime.date(year, 12, 31) for year in range(programme.start.year, programme.end.year)]
    return [day for day in ends if programme.start <= day < programme.end] + [programme.end]


TIMELINE_WIDTH = 900  # SVG units for the time axis
ROW_HEIGHT = 26
LABEL_WIDTH = 320


@allow(STAFF, scope=Programme)
def timeline(request, pk):
    """A Gantt view: a bar per task from start to deadline, milestones as diamonds, today as a line.

    Drawn as SVG attributes on the server, so it needs no script and no inline style."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    today = as_of(request, end=programme.end)
    states = states_on(programme, today)
    first, last = programme.start, programme.end
    span = max((last - first).days, 1)

    def x(day):
        day = min(max(day, first), last)
        return LABEL_WIDTH + round(TIMELINE_WIDTH * (day - first).days / span, 1)

    milestones = defaultdict(list)
    for task in Task.objects.filter(programme=programme).prefetch_related("milestones"):
        milestones[task.pk] = [(x(m.due), m) for m in task.milestones.all()]
    bars = []
    for index, (task, depth, state, leads, _cos) in enumerate(task_tree(programme, states)):
        top = 30 + index * ROW_HEIGHT
        start, end = x(task.effective_start), x(task.effective_deadline)
        bars.append(
            {
                "task": task,
                "depth": depth,
                "state": state,
                "y": top,
                "text_y": top + 16,
                "label_x": 8 + depth * 14,
                "x": start,
                "width": max(end - start, 2),
                "done_width": round(max(end - start, 2) * state.percent / 100, 1),
                "leads": leads,
                "milestones": [
                    (f"{mx},{top + 3} {mx + 6},{top + 9} {mx},{top + 15} {mx - 6},{top + 9}", m)
                    for mx, m in milestones[task.pk]
                ],
            }
        )
    years = [datetime.date(year, 1, 1) for year in range(first.year, last.year + 2)]
    context = {
        "programme": programme,
        "bars": bars,
        "years": [(x(y), y.year) for y in years if first <= y <= last] + [(x(first), first.year)],
        "today_x": x(today) if first <= today <= last else None,
        "real_today": timezone.localdate(),
        "width": LABEL_WIDTH + TIMELINE_WIDTH + 20,
        "height": 40 + len(bars) * ROW_HEIGHT,
        "axis_end": LABEL_WIDTH + TIMELINE_WIDTH,
        "label_width": LABEL_WIDTH,
        **picker(programme, today),
    }
    return render(request, "programme/timeline.html", context)
