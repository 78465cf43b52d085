"""Adding figures up the region tree by materialized path: a region's value is its own plus all descendants'."""

from collections import defaultdict

from zhichan.core.models import Region


def tree() -> dict[int, str]:
    """Every region's path by id (one query)."""
    return dict(Region.objects.order_by().values_list("pk", "path"))


def roll_up(own: dict, paths: dict[int, str]) -> dict:
    """{region id: own figure} → {region id: own + descendants'}, for every region on the way up."""
    by_path = {path: pk for pk, path in paths.items()}
    step = Region.steplen
    total = defaultdict(int)
    for pk, value in own.items():
        path = paths.get(pk)
        if path is None or value is None:
            continue
        for end in range(step, len(path) + 1, step):
            ancestor = by_path.get(path[:end])
            if ancestor is not None:
                total[ancestor] += value
    return dict(total)


def subtree(region, paths: dict[int, str]) -> list[int]:
    """The ids of a region and all regions below it."""
    return [pk for pk, path in paths.items() if path.startswith(region.path)]
